/**
 * cp_visits_timely_pct and cin_visits_timely_pct (docs/MEASURES.md, "Visits within
 * timescale"), window W days. A child is in the denominator on day d when some plan of
 * theirs open at d started on or before d − W, i.e. d ∈ [start + W, end); and in the
 * numerator when also a counted visit v has d − W < v ≤ d, i.e. d ∈ [v, v + W). Both are
 * marked per child at the pack's days, in one pass over the plans and one over the
 * visits (as read: no grouping or sorting of the visits is needed). The window's
 * default is the registry's (registry/visits.ts).
 */
import type { Day, PersonKey, VisitTable } from '../types';
import { atDays, PersonDayBits, type DaySet } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import { fractionTally, type SnapshotEvaluator } from './tally';

interface PlanOfPerson {
  person: PersonKey;
  start: Day;
  end: Day | null;
}

export function visitsTimely(
  plans: readonly PlanOfPerson[],
  visits: VisitTable,
  persons: number,
  windowDays: number,
  days: DaySet,
): SnapshotEvaluator {
  const due = new PersonDayBits(days, persons);
  for (const plan of plans) due.mark(plan.person, plan.start + windowDays, plan.end ?? Infinity);
  const visited = new PersonDayBits(days, persons);
  for (let i = 0; i < visits.length; i += 1) visited.mark(visits.person[i], visits.day[i], visits.day[i] + windowDays);
  const dueCounts = due.countPerDay();
  const visitedCounts = due.countPerDay(visited);
  return atDays(days, (i) => fractionTally(visitedCounts[i], dueCounts[i]));
}

export function cpVisitsTimely(index: ExtractIndex, days: DaySet, windowDays: number): SnapshotEvaluator {
  return visitsTimely(index.extract.cpPlans, index.extract.cpVisits, index.extract.persons, windowDays, days);
}

export function cinVisitsTimely(index: ExtractIndex, days: DaySet, windowDays: number): SnapshotEvaluator {
  return visitsTimely(index.extract.cinPlans, index.extract.cinVisits, index.extract.persons, windowDays, days);
}
