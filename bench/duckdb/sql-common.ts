/**
 * What every family of the DuckDB baseline shares: the typed-column declarations, the value
 * parsing macros of docs/EXTRACT.md, the pack's columns and population, and SQL quoting.
 */
import type { Period } from '../../functions/core/types';

/** The columns each table is loaded with; `alternatives` are other accepted header names. */
export interface ColumnSpec {
  name: string;
  kind: 'text' | 'date' | 'flag' | 'int';
  alternatives?: string[];
}

/**
 * Value parsing per docs/EXTRACT.md, as SQL macros over the raw text (the CSV reader has
 * already made empty cells and the text NULL missing, and trimmed spaces). A value that
 * does not parse raises an error: the baseline refuses data the pipeline would reject.
 * Dates: DuckDB's own cast takes YYYY-MM-DD (the time, if any, cut off first), then
 * DD/MM/YYYY.
 */
export const MACROS = `
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
export type MeasureParams = Readonly<Record<string, unknown>>;

/** A measure's query: (col, num, den) for every column of the pack. */
export type MeasureSql = (params: MeasureParams) => string;

/**
 * One family of tables and measures: the tables it loads (with their typed columns), the
 * working tables it prepares from them (given which columns each loaded file had; null: no
 * file) and, beside it, its measures' SQL.
 */
export interface SqlFamily {
  tables: Record<string, ColumnSpec[]>;
  prepare(loaded: ReadonlyMap<string, Set<string> | null>): string;
}

/** A VARCHAR value read back from DuckDB (a column name or a column key), checked to be text. */
export function textOf(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a text value from DuckDB, got ${typeof value}`);
  return value;
}

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function sqlIdentifier(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The pack's columns for period p: snapshot date d and flow window [a, b].
 * Column names: 'priorYear', 'ytd', and 'YYYY-MM' for each month shown.
 */
export function columnsSql(period: Period, monthsShown: number): string {
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
export function populationSql(population: Record<string, number>): string {
  const rows = Object.entries(population).map(([year, n]) => `(${Number(year)}, ${Number(n)})`);
  return `
CREATE OR REPLACE TABLE pop (year INTEGER, n INTEGER);
${rows.length ? `INSERT INTO pop VALUES ${rows.join(', ')};` : ''}
CREATE OR REPLACE TABLE col_pop AS
  SELECT c.col, arg_max(pop.n, pop.year) AS n
    FROM cols c LEFT JOIN pop ON pop.year <= fy_start_year(c.d) GROUP BY c.col;`;
}
