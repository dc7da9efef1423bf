/**
 * Which files of an extract are which (docs/EXTRACT.md, "Two forms: CSV files or one workbook"): the table CSVs, the
 * workbook, other SSD tables (listed, not read) and misnamed files (warned about).
 */
import { TABLE_NAMES, type TableName } from '../types';
import type { AliasRead } from './extract-builder';
import type { ProblemCollector } from './problems';
import type { ExtractFile } from './source';

export const WORKBOOK_NAME = 'extract.xlsx';

export interface ExtractLayout {
  csv: Map<TableName, ExtractFile>;
  workbook: ExtractFile | null;
  /** Other SSD tables (ssd_*.csv): a whole SSD export is normal, so they are listed once, not warned about. */
  otherSsd: string[];
}

export const TABLE_BY_NAME: ReadonlyMap<string, TableName> = new Map(TABLE_NAMES.map((table) => [table, table]));

/** Edit distance up to 2 from a table's name: a misspelt table (ssd_cp_plan), not another SSD table. */
function nearTableName(name: string): boolean {
  const within2 = (a: string, b: string): boolean => {
    if (Math.abs(a.length - b.length) > 2) return false;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++)
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
    return previous[b.length] <= 2;
  };
  return TABLE_NAMES.some((table) => within2(name, table));
}

/** Sorts the source's files into table CSVs and the workbook; other files are ignored. */
export function layoutOf(files: readonly ExtractFile[], problems: ProblemCollector): ExtractLayout {
  const layout: ExtractLayout = { csv: new Map(), workbook: null, otherSsd: [] };
  for (const file of files) {
    const name = file.name.trim().toLowerCase();
    const table = name.endsWith('.csv') ? TABLE_BY_NAME.get(name.slice(0, -4)) : undefined;
    if (table) layout.csv.set(table, file);
    else if (name === WORKBOOK_NAME) layout.workbook = file;
    else if (name.startsWith('ssd_') && name.endsWith('.csv') && !nearTableName(name.slice(0, -4)))
      layout.otherSsd.push(file.name);
    else if (name.endsWith('.csv') || name.endsWith('.xlsx')) {
      // Probably a misnamed table: worth a warning, where a README or a log file is not.
      problems.warning({
        kind: 'unknown-file',
        table: null,
        row: null,
        column: null,
        value: file.name,
        message:
          `${file.key} is not an extract file (expected <table>.csv, ` +
          `e.g. ssd_cp_plans.csv, or ${WORKBOOK_NAME}): ignored`,
      });
    }
  }
  return layout;
}

/** One info line for the other SSD tables in the folder, one for the columns read under other layouts' names. */
export function noteLayout(layout: ExtractLayout, problems: ProblemCollector, aliases: readonly AliasRead[]): void {
  if (layout.otherSsd.length > 0)
    problems.info({
      kind: 'other-ssd-tables',
      table: null,
      message: `other SSD tables in the extract, not needed and not read: ${[...layout.otherSsd].sort().join(', ')}`,
    });
  if (aliases.length > 0)
    problems.info({
      kind: 'column-layout',
      table: null,
      message: `columns read under another layout's name: ${aliases
        .map((a) => `${a.table}.${a.header} (${a.layout}) as ${a.column}`)
        .join(', ')}`,
    });
}
