/**
 * Which indicators get a year-end projection, and the columns it needs (docs/OUTPUTS.md, "Year-end projection").
 * A flow count (plans started, plans ended, transfers) is projected from its year to date by last year's monthly
 * profile (projection.ts). Those twelve months are prepared with the indicator's other columns, so the measure still
 * makes its one pass over the extract. Snapshots are a level on a day, not a sum over the year, and percent flows a
 * ratio: neither is projected.
 */
import type { MeasureName } from '../config/pack-config';
import { measureOf } from '../measures/registry';
import type { Column, ColumnPlan } from './columns';
import type { Cell } from './pack-types';
import { projectYearEnd, type PackProjection } from './projection';

/**
 * A flow count whose year is the sum of its months. A count of children once per window (children starting care,
 * missing) is not: last year's monthly profile would scale it by a sum that counts a child in every month.
 */
export function isProjected(name: MeasureName): boolean {
  const measure = measureOf(name);
  return measure.kind === 'flow' && measure.unit === 'count' && measure.additive;
}

/** The columns a projection of this measure reads beyond the shown ones: last year's twelve months, or none. */
export function projectionColumns(name: MeasureName, plan: ColumnPlan): Column[] {
  return isProjected(name) ? plan.priorYearMonths : [];
}

/** The indicator's projected year-end figure from its year to date and last year's months; null when not projected. */
export function yearEndProjection(
  name: MeasureName,
  plan: ColumnPlan,
  at: (column: Column) => Cell,
  ytd: Cell,
): PackProjection | null {
  if (!isProjected(name)) return null;
  const lastYear = plan.priorYearMonths.map((month) => at(month).value);
  return projectYearEnd(ytd.value, plan.monthsElapsed, lastYear);
}
