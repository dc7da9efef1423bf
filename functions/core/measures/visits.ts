/**
 * cp_visits_timely_pct and cin_visits_timely_pct (indicators.md, "Visits within
 * timescale"), window W days. A child is in the denominator on day d when some plan of
 * theirs open at d started on or before d − W, i.e. d ∈ [start + W, end); and in the
 * numerator when also a counted visit v has d − W < v ≤ d, i.e. d ∈ [v, v + W). Both are
 * unions of spans per child, built once from the child's sorted visit days.
 */
import type { PersonKey } from '../types';
import { visitDaysOf, type ExtractIndex, type VisitDaysByPerson } from './extract-index';
import { mergeSpans, OpenCounter, type Span } from './spans';
import { fractionTally, type SnapshotEvaluator } from './tally';

export const DEFAULT_CP_VISIT_WINDOW_DAYS = 28;
export const DEFAULT_CIN_VISIT_WINDOW_DAYS = 42;

interface PlanSpan {
  start: number;
  end: number | null;
}

/**
 * Adds to `out` the days of `dueSpans` (disjoint, sorted) on which a visit is at most W
 * days back: the union of [v, v + W) over the sorted visit days, intersected with the
 * spans, walked in one pass without building the union.
 */
function addVisitedWithin(dueSpans: Span[], days: Int32Array, windowDays: number, out: OpenCounter): void {
  let i = 0;
  let k = 0;
  while (i < days.length) {
    const from = days[i];
    let to = from + windowDays;
    for (i += 1; i < days.length && days[i] <= to; i += 1) to = Math.max(to, days[i] + windowDays);
    while (k < dueSpans.length && dueSpans[k].to <= from) k += 1;
    for (let j = k; j < dueSpans.length && dueSpans[j].from < to; j += 1) out.add(Math.max(from, dueSpans[j].from), Math.min(to, dueSpans[j].to));
  }
}

export function visitsTimely(plansByPerson: Map<PersonKey, PlanSpan[]>, visits: VisitDaysByPerson, windowDays: number): SnapshotEvaluator {
  const due = new OpenCounter();
  const visited = new OpenCounter();
  for (const [person, plans] of plansByPerson) {
    const dueSpans = mergeSpans(plans.map((plan) => ({ from: plan.start + windowDays, to: plan.end ?? Infinity })));
    for (const span of dueSpans) due.add(span.from, span.to);
    addVisitedWithin(dueSpans, visitDaysOf(visits, person), windowDays, visited);
  }
  return (day) => fractionTally(visited.countAt(day), due.countAt(day));
}
export function cpVisitsTimely(index: ExtractIndex, windowDays = DEFAULT_CP_VISIT_WINDOW_DAYS): SnapshotEvaluator {
  return visitsTimely(index.cpPlansByPerson(), index.cpVisitDays(), windowDays);
}

export function cinVisitsTimely(index: ExtractIndex, windowDays = DEFAULT_CIN_VISIT_WINDOW_DAYS): SnapshotEvaluator {
  return visitsTimely(index.cinPlansByPerson(), index.cinVisitDays(), windowDays);
}
