/**
 * Dated definition changes in the DuckDB baseline, from docs/WORKING-DAYS.md ("Dated definition
 * changes"): before an indicator's first `paramsFrom` entry its `params` apply; from each entry's
 * month, that entry's params replace them whole. Each column is measured under the last entry in
 * force at the month of its own last day (the cols table's d).
 */
import type { IndicatorConfig } from '../../functions/core/config/pack-config';

/** A column of the cols table and the month of its last day, YYYY-MM. */
export interface ColumnMonth {
  col: string;
  month: string;
}

/** The columns measured under one definition, and its params (as written, before the measure's defaults). */
export interface ColumnsUnderParams {
  params: Record<string, unknown>;
  columns: string[];
}

/** Groups the columns by the definition in force at each one's month, in definition order. */
export function columnsByDefinition(
  indicator: Pick<IndicatorConfig, 'params' | 'paramsFrom'>,
  columns: readonly ColumnMonth[],
): ColumnsUnderParams[] {
  const definitions = [indicator.params, ...indicator.paramsFrom.map((entry) => entry.params)];
  const inForce = (month: string): number => {
    // Entries are in increasing `from` order (the configuration refuses others): the last one started wins.
    let position = 0;
    indicator.paramsFrom.forEach((entry, k) => {
      if (entry.from <= month) position = k + 1;
    });
    return position;
  };
  const groups = new Map<number, string[]>();
  for (const { col, month } of columns) {
    const position = inForce(month);
    groups.set(position, [...(groups.get(position) ?? []), col]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([position, cols]) => ({ params: definitions[position], columns: cols }));
}
