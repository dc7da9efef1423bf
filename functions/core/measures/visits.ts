/**
 * cp_visits_timely_pct and cin_visits_timely_pct (indicators.md, "Visits within
 * timescale"), window W days. A child is in the denominator on day d when some plan of
 * theirs open at d started on or before d − W, i.e. d ∈ [start + W, end); and in the
 * numerator when also a counted visit v has d − W < v ≤ d, i.e. d ∈ [v, v + W). Both are
 * unions of spans per child, built once from the child's sorted visit days.
 */
import type { PersonKey } from '../types';
import { visitDaysOf, type ExtractIndex, type VisitDaysByPerson } from './extract-index';
import { intersectSpans, mergeSpans, OpenCounter, type Span } from './spans';
import { fractionTally, type SnapshotEvaluator } from './tally';

export const DEFAULT_CP_VISIT_WINDOW_DAYS = 28;
export const DEFAULT_CIN_VISIT_WINDOW_DAYS = 42;

interface PlanSpan {
  start: number;
  end: number | null;
}

/** Days covered by [v, v + W) for sorted visit days, as disjoint spans. */
function visitCover(days: Int32Array, windowDays: number): Span[] {
  const spans: Span[] = [];
  for (const day of days) {
    const last = spans[spans.length - 1];
    if (last && day <= last.to) last.to = Math.max(last.to, day + windowDays);
    else spans.push({ from: day, to: day + windowDays });
  }
  return spans;
}

export function visitsTimely(plansByPerson: Map<PersonKey, PlanSpan[]>, visits: VisitDaysByPerson, windowDays: number): SnapshotEvaluator {
  const due: Span[] = [];
  const visited: Span[] = [];
  for (const [person, plans] of plansByPerson) {
    const dueSpans = mergeSpans(plans.map((plan) => ({ from: plan.start + windowDays, to: plan.end ?? Infinity })));
    if (dueSpans.length === 0) continue;
    due.push(...dueSpans);
    visited.push(...intersectSpans(dueSpans, visitCover(visitDaysOf(visits, person), windowDays)));
  }
  const dueCounter = new OpenCounter(due);
  const visitedCounter = new OpenCounter(visited);
  return (day) => fractionTally(visitedCounter.countAt(day), dueCounter.countAt(day));
}

export function cpVisitsTimely(index: ExtractIndex, windowDays = DEFAULT_CP_VISIT_WINDOW_DAYS): SnapshotEvaluator {
  return visitsTimely(index.cpPlansByPerson(), index.cpVisitDays(), windowDays);
}

export function cinVisitsTimely(index: ExtractIndex, windowDays = DEFAULT_CIN_VISIT_WINDOW_DAYS): SnapshotEvaluator {
  return visitsTimely(index.cinPlansByPerson(), index.cinVisitDays(), windowDays);
}
