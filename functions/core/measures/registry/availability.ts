/**
 * Whether a measure can be counted from this extract (issue 12: no plausible wrong
 * numbers). A column the measure declares it cannot do without, absent from the table's
 * header, makes the measure unavailable: the reader would otherwise treat every row as
 * empty there (an absent flag reads as N), and the pack would show a plausible 0.
 */
import type { ExtractIndex } from '../extract-index';
import type { ColumnsRead, Measure } from './measure';

/** A declared column missing from its table's header, if any. */
export interface MissingColumn {
  table: ColumnsRead['table'];
  column: string;
}

export function missingColumn(measure: Measure, index: ExtractIndex): MissingColumn | null {
  const present = index.extract.columnsPresent;
  if (present === undefined) return null;
  for (const read of measure.reads) {
    const columns = present[read.table];
    if (columns === undefined) continue; // not read at all: a needed table that is absent already stops the run
    const column = read.columns.find((name) => !columns.includes(name));
    if (column !== undefined) return { table: read.table, column };
  }
  return null;
}

/** Why the measure cannot be counted from this extract, in plain words, or null when it can. */
export function unavailableReason(measure: Measure, index: ExtractIndex): string | null {
  const missing = missingColumn(measure, index);
  if (missing !== null)
    return (
      `the extract's ${missing.table} table has no ${missing.column} column, so ${measure.name} cannot be ` +
      'counted from it (a 0 would look right and be wrong)'
    );
  return measure.unavailable(index);
}
