/**
 * An independent computation of the pack's numbers in DuckDB SQL, straight from the
 * extract's CSV files and the spec (docs/EXTRACT.md, docs/MEASURES.md). It shares no code with
 * the pipeline's reader or measures, so agreement between the two is evidence that
 * both follow the spec; it is also the "as fast as this can go" reference of the bench.
 *
 * Scope: CSV extracts of valid data. It parses values as docs/EXTRACT.md says (missing =
 * empty or NULL, the accepted date and flag spellings) but does not report
 * data-quality problems: that is the reader's job.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MeasureName, PackConfig } from '../functions/core/config/pack-config';
import { measureOf } from '../functions/core/measures/registry';
import type { Cell, MonthCell, Unit } from '../functions/core/pack/pack-types';
import type { Period } from '../functions/core/types';

export interface BaselineIndicator {
  code: string;
  measure: MeasureName;
  priorYear: Cell;
  months: MonthCell[];
  ytd: Cell;
}

export interface BaselinePack {
  period: Period;
  months: Period[];
  indicators: BaselineIndicator[];
  /** Wall-clock milliseconds: loading the CSV files into typed tables, then all measures. */
  timings: { readMs: number; computeMs: number };
}

export interface BaselineOptions {
  /** DuckDB worker threads; DuckDB's default (one per core) when omitted. */
  threads?: number;
}

/** The columns each table is loaded with; `alternatives` are other accepted header names. */
interface ColumnSpec {
  name: string;
  kind: 'text' | 'date' | 'flag' | 'int';
  alternatives?: string[];
}

const TABLES: Record<string, ColumnSpec[]> = {
  ssd_cp_plans: [
    { name: 'cppl_cp_plan_id', kind: 'text' },
    { name: 'cppl_person_id', kind: 'text' },
    { name: 'cppl_cp_plan_start_date', kind: 'date' },
    { name: 'cppl_cp_plan_end_date', kind: 'date' },
    { name: 'cppl_number_of_previous_cp_plans', kind: 'int' },
    { name: 'cppl_cp_plan_transfer_out', kind: 'flag' },
  ],
  ssd_initial_cp_conference: [
    { name: 'icpc_cp_plan_id', kind: 'text' },
    { name: 'icpc_icpc_transfer_in', kind: 'flag' },
  ],
  ssd_cp_reviews: [
    { name: 'cppr_cp_plan_id', kind: 'text' },
    { name: 'cppr_cp_review_date', kind: 'date' },
  ],
  ssd_cp_visits: [
    { name: 'cppv_person_id', kind: 'text' },
    { name: 'cppv_cp_visit_date', kind: 'date' },
    { name: 'cppv_cp_visit_seen', kind: 'flag' },
  ],
  ssd_cin_plans: [
    { name: 'cinp_cin_plan_id', kind: 'text' },
    { name: 'cinp_person_id', kind: 'text' },
    { name: 'cinp_cin_plan_start_date', kind: 'date' },
    { name: 'cinp_cin_plan_end_date', kind: 'date' },
  ],
  ssd_cin_visits: [
    { name: 'cinv_person_id', kind: 'text' },
    { name: 'cinv_cin_visit_date', kind: 'date' },
    { name: 'cinv_cin_visit_seen', kind: 'flag' },
  ],
  ssd_cla_episodes: [
    { name: 'clae_cla_episode_id', kind: 'text' },
    { name: 'clae_person_id', kind: 'text' },
    { name: 'clae_cla_episode_start_date', kind: 'date' },
    { name: 'clae_cla_episode_ceased_date', kind: 'date', alternatives: ['clae_cla_episode_ceased'] },
  ],
};

/**
 * Value parsing per docs/EXTRACT.md, as SQL macros over the raw text (the CSV reader has
 * already made empty cells and the text NULL missing, and trimmed spaces). A value that
 * does not parse raises an error: the baseline refuses data the pipeline would reject.
 * Dates: DuckDB's own cast takes YYYY-MM-DD (the time, if any, cut off first), then
 * DD/MM/YYYY.
 */
const MACROS = `
CREATE OR REPLACE MACRO ptext(s) AS s;
CREATE OR REPLACE MACRO pdate(s) AS CASE
  WHEN s IS NULL THEN NULL
  ELSE coalesce(
    TRY_CAST(left(s, 10) AS DATE),
    try_strptime(left(s, 10), '%d/%m/%Y')::DATE,
    error('not a date: ' || s))
  END;
CREATE OR REPLACE MACRO pflag(s) AS CASE
  WHEN s IS NULL THEN NULL
  WHEN lower(s) IN ('y', 'yes', '1', 'true') THEN true
  WHEN lower(s) IN ('n', 'no', '0', 'false') THEN false
  ELSE error('not a flag: ' || s)
  END;
CREATE OR REPLACE MACRO pint(s) AS CASE WHEN s IS NULL THEN NULL
  ELSE coalesce(TRY_CAST(s AS INTEGER), error('not an integer: ' || s)) END;
CREATE OR REPLACE MACRO is_open(start_date, end_date, d) AS start_date <= d AND (end_date IS NULL OR end_date > d);
CREATE OR REPLACE MACRO fy_start_year(d) AS CASE WHEN month(d) >= 4 THEN year(d) ELSE year(d) - 1 END;
`;

/** An indicator's parameters, with the registry's defaults applied. */
type MeasureParams = Readonly<Record<string, unknown>>;

/** A VARCHAR value read back from DuckDB (a column name or a column key), checked to be text. */
function textOf(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a text value from DuckDB, got ${typeof value}`);
  return value;
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function sqlIdentifier(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Loads one table's CSV (or an empty table when the file is absent) into typed columns. */
async function loadTable(
  connection: DuckDBConnection,
  extractDir: string,
  table: string,
  columns: ColumnSpec[],
): Promise<void> {
  const file = path.join(extractDir, `${table}.csv`);
  const typed = columns.map(
    (c) => `${c.kind === 'text' ? 'VARCHAR' : c.kind === 'date' ? 'DATE' : c.kind === 'flag' ? 'BOOLEAN' : 'INTEGER'}`,
  );
  if (!existsSync(file)) {
    await connection.run(
      `CREATE OR REPLACE TABLE ${table} (${columns.map((c, i) => `${c.name} ${typed[i]}`).join(', ')})`,
    );
    return;
  }
  const csv =
    `read_csv(${sqlString(file)}, header = true, all_varchar = true, ` +
    `delim = ',', quote = '"', escape = '"', nullstr = ['', 'NULL'], strict_mode = true)`;
  // Column names match case-insensitively after trimming (docs/EXTRACT.md).
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${csv}`);
  const headerByName = new Map<string, string>();
  for (const row of described.getRowObjectsJS()) {
    const header = textOf(row.column_name);
    headerByName.set(
      header
        .trim()
        .replace(/^\uFEFF/, '')
        .toLowerCase(),
      header,
    );
  }
  const selects = columns.map((c) => {
    const header = [c.name, ...(c.alternatives ?? [])].map((n) => headerByName.get(n)).find((h) => h !== undefined);
    const source = header === undefined ? 'NULL::VARCHAR' : sqlIdentifier(header);
    const parser = c.kind === 'text' ? 'ptext' : c.kind === 'date' ? 'pdate' : c.kind === 'flag' ? 'pflag' : 'pint';
    return `${parser}(${source}) AS ${c.name}`;
  });
  await connection.run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${selects.join(', ')} FROM ${csv}`);
}

/**
 * The working tables the measures read: plans, conferences, reviews, visits with the
 * spec's defaults applied and ignorable rows dropped.
 */
const PREPARE = `
CREATE OR REPLACE TABLE cp AS
  SELECT cppl_cp_plan_id AS id, cppl_person_id AS person, cppl_cp_plan_start_date AS start_date,
         cppl_cp_plan_end_date AS end_date, coalesce(cppl_cp_plan_transfer_out, false) AS transfer_out,
         CASE WHEN cppl_number_of_previous_cp_plans IS NOT NULL THEN cppl_number_of_previous_cp_plans > 0
              ELSE cppl_cp_plan_start_date > min(cppl_cp_plan_start_date)
              OVER (PARTITION BY cppl_person_id) END AS is_repeat
  FROM ssd_cp_plans;
CREATE OR REPLACE TABLE transfer_in_plans AS
  SELECT DISTINCT icpc_cp_plan_id AS id FROM ssd_initial_cp_conference
  WHERE icpc_cp_plan_id IS NOT NULL AND coalesce(icpc_icpc_transfer_in, false);
CREATE OR REPLACE TABLE held_reviews AS
  SELECT DISTINCT cppr_cp_plan_id AS id, cppr_cp_review_date AS review_date FROM ssd_cp_reviews
  WHERE cppr_cp_review_date IS NOT NULL;
CREATE OR REPLACE TABLE cp_seen_visits AS
  SELECT cppv_person_id AS person, cppv_cp_visit_date AS visit_date FROM ssd_cp_visits
    WHERE coalesce(cppv_cp_visit_seen, true);
CREATE OR REPLACE TABLE cin_seen_visits AS
  SELECT cinv_person_id AS person, cinv_cin_visit_date AS visit_date FROM ssd_cin_visits
    WHERE coalesce(cinv_cin_visit_seen, true);
CREATE OR REPLACE TABLE cin AS
  SELECT cinp_person_id AS person, cinp_cin_plan_start_date AS start_date, cinp_cin_plan_end_date AS end_date
    FROM ssd_cin_plans;
CREATE OR REPLACE TABLE cla AS
  SELECT clae_person_id AS person, clae_cla_episode_start_date AS start_date, clae_cla_episode_ceased_date AS end_date
    FROM ssd_cla_episodes;
`;

/**
 * The pack's columns for period p: snapshot date d and flow window [a, b].
 * Column names: 'priorYear', 'ytd', and 'YYYY-MM' for each month shown.
 */
function columnsSql(period: Period, monthsShown: number): string {
  const ps = `DATE ${sqlString(`${period}-01`)}`;
  return `
CREATE OR REPLACE TABLE cols AS
  WITH p AS (SELECT ${ps} AS ps, last_day(${ps}) AS pe, fy_start_year(${ps}) AS fy)
  SELECT strftime(m, '%Y-%m') AS col, last_day(m) AS d, m AS a, last_day(m) AS b
    FROM (SELECT (ps - to_months(i::INTEGER))::DATE AS m FROM p, range(0, ${monthsShown}) t(i))
  UNION ALL SELECT 'priorYear', make_date(fy, 3, 31), make_date(fy - 1, 4, 1), make_date(fy, 3, 31) FROM p
  UNION ALL SELECT 'ytd', pe, make_date(fy, 4, 1), pe FROM p;`;
}

/** Population for each column's snapshot date: the year d's FY starts, else the latest earlier year. */
function populationSql(population: Record<string, number>): string {
  const rows = Object.entries(population).map(([year, n]) => `(${Number(year)}, ${Number(n)})`);
  return `
CREATE OR REPLACE TABLE pop (year INTEGER, n INTEGER);
${rows.length ? `INSERT INTO pop VALUES ${rows.join(', ')};` : ''}
CREATE OR REPLACE TABLE col_pop AS
  SELECT c.col, arg_max(pop.n, pop.year) AS n
    FROM cols c LEFT JOIN pop ON pop.year <= fy_start_year(c.d) GROUP BY c.col;`;
}

/** The SQL shapes several measures share. */
const snapshotChildren = (table: string) => `
    SELECT c.col, count(DISTINCT x.person) AS num, any_value(pp.n) AS den
    FROM cols c JOIN col_pop pp USING (col)
      LEFT JOIN ${table} x ON is_open(x.start_date, x.end_date, c.d) GROUP BY c.col`;
const flowCount = (dateColumn: string, condition = 'true') => `
    SELECT c.col, count(x.id) FILTER (WHERE ${condition}) AS num, NULL AS den
    FROM cols c LEFT JOIN cp x ON x.${dateColumn} BETWEEN c.a AND c.b GROUP BY c.col`;
const flowPercent = (dateColumn: string, condition: string) => `
    SELECT c.col, count(x.id) FILTER (WHERE ${condition}) AS num, count(x.id) AS den
    FROM cols c LEFT JOIN cp x ON x.${dateColumn} BETWEEN c.a AND c.b GROUP BY c.col`;
const visits = (plans: string, seen: string, params: MeasureParams) => {
  const w = params.windowDays;
  if (typeof w !== 'number' || !Number.isInteger(w))
    throw new Error('DuckDB baseline: a visit measure without windowDays');
  return `
    WITH children AS (
      SELECT c.col, c.d, x.person, min(x.start_date) AS first_start
      FROM cols c JOIN ${plans} x ON is_open(x.start_date, x.end_date, c.d) GROUP BY c.col, c.d, x.person),
    due AS (SELECT * FROM children WHERE first_start <= d - ${w}),
    visited AS (
      SELECT DISTINCT due.col, due.person FROM due JOIN ${seen} v
        ON v.person = due.person AND v.visit_date > due.d - ${w} AND v.visit_date <= due.d)
    SELECT c.col, count(visited.person) AS num, count(due.person) AS den
    FROM cols c LEFT JOIN due ON due.col = c.col
      LEFT JOIN visited ON visited.col = due.col AND visited.person = due.person
    GROUP BY c.col`;
};

/**
 * For each measure of the registry, a query giving (col, num, den) for every column; den
 * is NULL for counts (and the population for rates). The parameters arrive with the
 * registry's defaults applied. A Record over every measure name: a measure added to the
 * registry without its SQL here fails the type-check.
 */
const MEASURE_SQL: Record<MeasureName, (params: MeasureParams) => string> = {
  cp_children: () => `SELECT col, num, NULL AS den FROM (${snapshotChildren('cp')})`,
  cp_rate: () => snapshotChildren('cp'),
  cla_rate: () => snapshotChildren('cla'),
  cp_starts: () => flowCount('start_date'),
  cp_ends: () => flowCount('end_date'),
  cp_moved_in: () => flowCount('start_date', 'x.id IN (SELECT id FROM transfer_in_plans)'),
  cp_moved_out: () => flowCount('end_date', 'x.transfer_out'),
  cp_ended_2y_pct: () => flowPercent('end_date', 'x.end_date >= x.start_date + to_months(24)'),
  cp_repeat_pct: () => flowPercent('start_date', 'x.is_repeat'),
  cp_open_2y_pct: () => `
        SELECT c.col, count(x.id) FILTER (WHERE c.d >= x.start_date + to_months(24)) AS num, count(x.id) AS den
        FROM cols c LEFT JOIN cp x ON is_open(x.start_date, x.end_date, c.d) GROUP BY c.col`,
  // The walk, without recursion: with the plan's start and its distinct held reviews
  // (after the start, on or before d) in date order, each step t has a due date
  // (start + 3 months, then review + 6 months) and a next review. The plan is late
  // exactly when some step falls due by d and its next review is missing or after
  // the due date: a step due after d ends the walk, and every later step is due later
  // still (addMonths is monotone), so no later step can fall due by d.
  cp_reviews_timely_pct: () => `
        WITH due_plans AS (
          SELECT c.col, c.d, x.id, x.start_date FROM cols c JOIN cp x
            ON is_open(x.start_date, x.end_date, c.d) AND x.start_date + to_months(3) <= c.d),
        steps AS (
          SELECT col, d, id, start_date AS t, (start_date + to_months(3))::DATE AS due FROM due_plans
          UNION ALL
          SELECT p.col, p.d, p.id, r.review_date, (r.review_date + to_months(6))::DATE
            FROM due_plans p JOIN held_reviews r
            ON r.id = p.id AND r.review_date > p.start_date AND r.review_date <= p.d),
        walked AS (
          SELECT col, id, bool_or(due <= d AND (next_review IS NULL OR next_review > due)) AS late
          FROM (SELECT *, lead(t) OVER (PARTITION BY col, id ORDER BY t) AS next_review FROM steps)
          GROUP BY col, id)
        SELECT c.col, count(w.id) FILTER (WHERE NOT w.late) AS num, count(w.id) AS den
        FROM cols c LEFT JOIN walked w ON w.col = c.col GROUP BY c.col`,
  cp_visits_timely_pct: (params) => visits('cp', 'cp_seen_visits', params),
  cin_visits_timely_pct: (params) => visits('cin', 'cin_seen_visits', params),
};

function toCell(unit: Unit, num: number, den: number | null): Cell {
  if (unit === 'count') return { value: num, numerator: null, denominator: null };
  if (den === null)
    throw new Error(
      'DuckDB baseline: no population for a rate column (the pack configuration has no year on or before it)',
    );
  if (den === 0) return { value: null, numerator: num, denominator: 0 };
  return { value: ((unit === 'rate' ? 10000 : 100) * num) / den, numerator: num, denominator: den };
}

async function runScript(connection: DuckDBConnection, script: string): Promise<void> {
  for (const statement of script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean))
    await connection.run(statement);
}

/** Computes every column of every configured indicator from a folder of CSV files. */
export async function duckdbPack(
  extractDir: string,
  config: PackConfig,
  period: Period,
  options: BaselineOptions = {},
): Promise<BaselinePack> {
  const instance = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
  const connection = await instance.connect();
  try {
    await runScript(connection, MACROS);
    const readStart = performance.now();
    for (const [table, columns] of Object.entries(TABLES)) await loadTable(connection, extractDir, table, columns);
    await runScript(connection, PREPARE);
    const readMs = performance.now() - readStart;

    const computeStart = performance.now();
    await runScript(connection, columnsSql(period, config.monthsShown));
    await runScript(connection, populationSql(config.population));
    const monthRows = await connection.runAndReadAll(
      `SELECT col FROM cols WHERE col NOT IN ('priorYear', 'ytd') ORDER BY col`,
    );
    const months = monthRows.getRowObjectsJS().map((r) => textOf(r.col));
    const indicators: BaselineIndicator[] = [];
    for (const section of config.sections) {
      for (const indicator of section.indicators) {
        const measure = measureOf(indicator.measure);
        const sql = MEASURE_SQL[indicator.measure](measure.parseParams(indicator.params));
        const result = await connection.runAndReadAll(
          `SELECT col, num::DOUBLE AS num, den::DOUBLE AS den FROM (${sql})`,
        );
        const byColumn = new Map<string, Cell>();
        for (const row of result.getRowObjectsJS()) {
          const den = row.den === null ? null : Number(row.den);
          byColumn.set(textOf(row.col), toCell(measure.unit, Number(row.num), den));
        }
        const cell = (col: string): Cell => {
          const found = byColumn.get(col);
          if (!found) throw new Error(`DuckDB baseline: no ${col} cell for ${indicator.code}`);
          return found;
        };
        indicators.push({
          code: indicator.code,
          measure: indicator.measure,
          priorYear: cell('priorYear'),
          months: months.map((m) => ({ period: m, ...cell(m) })),
          ytd: cell('ytd'),
        });
      }
    }
    const computeMs = performance.now() - computeStart;
    return { period, months, indicators, timings: { readMs, computeMs } };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
