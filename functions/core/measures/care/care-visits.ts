/**
 * cla_visits_timely_pct (docs/MEASURES.md, "Children in care"): children in care visited within
 * the window, counted as the CP and CIN visit measures are (visits.ts), with the child's period
 * of care in place of the plan: due at d when in care at d since on or before x_d.
 */
import type { WorkingDays } from '../../working-days';
import type { DaySet } from '../evaluation-days';
import type { ExtractIndex } from '../extract-index';
import type { Timescale } from '../registry/timescale';
import type { SnapshotEvaluator } from '../tally';
import { visitsTimely, windowStarts } from '../visits';
import { carePeriods } from './care-periods';

export function claVisitsTimely(
  index: ExtractIndex,
  days: DaySet,
  timescale: Timescale,
  workingDays: WorkingDays,
): SnapshotEvaluator {
  const { claEpisodes, care, persons } = index.extract;
  return visitsTimely(carePeriods(claEpisodes), care.visits, persons, days, windowStarts(days, timescale, workingDays));
}
