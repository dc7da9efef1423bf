/**
 * cp_visits_timely_pct and cin_visits_timely_pct (docs/MEASURES.md, "Visits within
 * timescale"). At an evaluation day d the window is (x_d, d]: x_d = d − W for a window of
 * W calendar days, and for N working days the latest day such that (x_d, d] holds exactly
 * N working days (docs/WORKING-DAYS.md). A child is due at d when some plan of theirs open
 * at d started on or before x_d, and visited when also a counted visit v has x_d < v ≤ d.
 *
 * x_d never decreases as d grows, so over the pack's days (sorted) each condition holds on
 * a run of consecutive days: a plan [start, end) is due on the days from the first with
 * x_d ≥ start to the last before end; a visit v counts on the days from the first d ≥ v to
 * the last with x_d < v. Both are marked per child in bitsets, in one pass over the plans
 * and one over the visits (as read: no grouping or sorting of the visits is needed), two
 * binary searches each. The window's default is the registry's (registry/visits.ts).
 */
import type { Day, PersonKey, VisitTable } from '../types';
import type { WorkingDays } from '../working-days';
import { atDays, DaySet, PersonDayBits } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import type { Timescale } from './registry/timescale';
import { fractionTally, type SnapshotEvaluator } from './tally';

interface PlanOfPerson {
  person: PersonKey;
  start: Day;
  end: Day | null;
}

/** x_d for each day of the set, in its order (non-decreasing, as the days are). */
export function windowStarts(days: DaySet, timescale: Timescale, workingDays: WorkingDays): Int32Array {
  const { length } = timescale;
  return timescale.unit === 'days'
    ? days.days.map((d) => d - length)
    : days.days.map((d) => workingDays.windowStart(d, length));
}

/**
 * The first visit day a visits measure prepared for these days can count (its reach, pack/reach.ts): a visit v
 * counts at d only when x_d < v, and x_d is smallest at the earliest day, so no visit on or before that x counts.
 */
export function visitReach(days: DaySet, timescale: Timescale, workingDays: WorkingDays): Day {
  const [earliest] = windowStarts(new DaySet([days.days[0]]), timescale, workingDays);
  return earliest + 1;
}

/** The first position i with starts[i] ≥ day (`starts.length` when none). */
function firstStartAtOrAfter(starts: Int32Array, day: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function visitsTimely(
  plans: readonly PlanOfPerson[],
  visits: VisitTable,
  persons: number,
  days: DaySet,
  starts: Int32Array,
): SnapshotEvaluator {
  const due = new PersonDayBits(days, persons);
  for (const plan of plans) {
    const first = firstStartAtOrAfter(starts, plan.start);
    const end = plan.end === null ? days.size : days.firstAtOrAfter(plan.end);
    if (first < end) due.markIndices(plan.person, first, end);
  }
  const visited = new PersonDayBits(days, persons);
  const last = days.size > 0 ? days.days[days.size - 1] : -Infinity;
  for (let i = 0; i < visits.length; i += 1) {
    const day = visits.day[i];
    // Most visits of a long history fall in no window: before the first one opens or after the last day.
    if (day <= starts[0] || day > last) continue;
    const first = days.firstAtOrAfter(day);
    const end = firstStartAtOrAfter(starts, day);
    if (first < end) visited.markIndices(visits.person[i], first, end);
  }
  const dueCounts = due.countPerDay();
  const visitedCounts = due.countPerDay(visited);
  return atDays(days, (i) => fractionTally(visitedCounts[i], dueCounts[i]));
}

export function cpVisitsTimely(
  index: ExtractIndex,
  days: DaySet,
  timescale: Timescale,
  workingDays: WorkingDays,
): SnapshotEvaluator {
  const { cpPlans, cpVisits, persons } = index.extract;
  return visitsTimely(cpPlans, cpVisits, persons, days, windowStarts(days, timescale, workingDays));
}

export function cinVisitsTimely(
  index: ExtractIndex,
  days: DaySet,
  timescale: Timescale,
  workingDays: WorkingDays,
): SnapshotEvaluator {
  const { cinPlans, cinVisits, persons } = index.extract;
  return visitsTimely(cinPlans, cinVisits, persons, days, windowStarts(days, timescale, workingDays));
}
