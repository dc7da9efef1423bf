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
import { columnsByDefinition } from './duckdb/dated-params';
import { FAMILIES, MEASURE_SQL } from './duckdb/families';
import {
  type ColumnSpec,
  columnsSql,
  MACROS,
  populationSql,
  sqlIdentifier,
  sqlString,
  textOf,
} from './duckdb/sql-common';
import { workingDaysSql } from './duckdb/working-days';

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

/**
 * Loads one table's CSV (or an empty table when the file is absent) into typed columns;
 * returns the columns its header had (null: no file), which decide the transfer-out rule.
 */
async function loadTable(
  connection: DuckDBConnection,
  extractDir: string,
  table: string,
  columns: ColumnSpec[],
): Promise<Set<string> | null> {
  const file = path.join(extractDir, `${table}.csv`);
  const typed = columns.map(
    (c) => `${c.kind === 'text' ? 'VARCHAR' : c.kind === 'date' ? 'DATE' : c.kind === 'flag' ? 'BOOLEAN' : 'INTEGER'}`,
  );
  if (!existsSync(file)) {
    await connection.run(
      `CREATE OR REPLACE TABLE ${table} (${columns.map((c, i) => `${c.name} ${typed[i]}`).join(', ')})`,
    );
    return null;
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
  const present = new Set<string>();
  const selects = columns.map((c) => {
    const header = [c.name, ...(c.alternatives ?? [])].map((n) => headerByName.get(n)).find((h) => h !== undefined);
    if (header !== undefined) present.add(c.name);
    const source = header === undefined ? 'NULL::VARCHAR' : sqlIdentifier(header);
    const parser = c.kind === 'text' ? 'ptext' : c.kind === 'date' ? 'pdate' : c.kind === 'flag' ? 'pflag' : 'pint';
    return `${parser}(${source}) AS ${c.name}`;
  });
  await connection.run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${selects.join(', ')} FROM ${csv}`);
  return present;
}

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
    await runScript(connection, workingDaysSql(config.closureDays));
    const readStart = performance.now();
    const loaded = new Map<string, Set<string> | null>();
    for (const family of FAMILIES)
      for (const [table, columns] of Object.entries(family.tables))
        loaded.set(table, await loadTable(connection, extractDir, table, columns));
    for (const family of FAMILIES) await runScript(connection, family.prepare(loaded));
    const readMs = performance.now() - readStart;

    const computeStart = performance.now();
    await runScript(connection, columnsSql(period, config.monthsShown));
    await runScript(connection, populationSql(config.population));
    // Each indicator's definitions see only the columns measured under them (`cols` is narrowed
    // to those), so a calendar-day definition is never asked about the working-day calendar.
    await connection.run(`CREATE OR REPLACE TABLE all_cols AS SELECT * FROM cols`);
    const columnRows = await connection.runAndReadAll(`SELECT col, strftime(d, '%Y-%m') AS month FROM cols`);
    const columns = columnRows.getRowObjectsJS().map((r) => ({ col: textOf(r.col), month: textOf(r.month) }));
    const months = columns
      .map((c) => c.col)
      .filter((col) => col !== 'priorYear' && col !== 'ytd')
      .sort();
    const indicators: BaselineIndicator[] = [];
    for (const section of config.sections) {
      for (const indicator of section.indicators) {
        const measure = measureOf(indicator.measure);
        const byColumn = new Map<string, Cell>();
        for (const group of columnsByDefinition(indicator, columns)) {
          const listed = group.columns.map(sqlString).join(', ');
          await connection.run(`CREATE OR REPLACE TABLE cols AS SELECT * FROM all_cols WHERE col IN (${listed})`);
          const sql = MEASURE_SQL[indicator.measure](measure.parseParams(group.params));
          const result = await connection.runAndReadAll(
            `SELECT col, num::DOUBLE AS num, den::DOUBLE AS den FROM (${sql})`,
          );
          for (const row of result.getRowObjectsJS()) {
            const den = row.den === null ? null : Number(row.den);
            byColumn.set(textOf(row.col), toCell(measure.unit, Number(row.num), den));
          }
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
