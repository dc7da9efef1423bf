/**
 * cp_reviews_timely_pct (indicators.md, "Reviews within timescale"). The walk at d only
 * ever looks at reviews on or before the due dates it has reached, so walking once over
 * all held reviews gives, per plan, the day it first becomes late; the plan is then in
 * the numerator on each day from its first due date until it is late or ends.
 */
import { addMonths } from '../calendar';
import type { Day } from '../types';
import type { ExtractIndex } from './extract-index';
import { OpenCounter, type Span } from './spans';
import { fractionTally, type SnapshotEvaluator } from './tally';

const FIRST_REVIEW_MONTHS = 3;
const LATER_REVIEW_MONTHS = 6;

/**
 * The first day the plan is late: the due date at which the next held review after the
 * previous one is missing or after that due date.
 * @param reviewDays held review days of the plan, ascending (any before the start are skipped).
 */
export function firstLateDay(start: Day, reviewDays: ArrayLike<number>): Day {
  let previous = start;
  let due = addMonths(start, FIRST_REVIEW_MONTHS);
  let i = 0;
  for (;;) {
    while (i < reviewDays.length && reviewDays[i] <= previous) i += 1;
    if (i >= reviewDays.length || reviewDays[i] > due) return due;
    previous = reviewDays[i];
    due = addMonths(previous, LATER_REVIEW_MONTHS);
  }
}

export function cpReviewsTimely(index: ExtractIndex): SnapshotEvaluator {
  const reviewDays = index.reviewDaysByPlan();
  const noReviews: number[] = [];
  const due: Span[] = [];
  const timely: Span[] = [];
  for (const plan of index.extract.cpPlans) {
    const firstDue = addMonths(plan.start, FIRST_REVIEW_MONTHS);
    const end = plan.end ?? Infinity;
    due.push({ from: firstDue, to: end });
    timely.push({ from: firstDue, to: Math.min(end, firstLateDay(plan.start, reviewDays.get(plan.id) ?? noReviews)) });
  }
  const dueCounter = new OpenCounter(due);
  const timelyCounter = new OpenCounter(timely);
  return (day) => fractionTally(timelyCounter.countAt(day), dueCounter.countAt(day));
}
