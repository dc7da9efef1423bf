/**
 * cp_reviews_timely_pct (docs/MEASURES.md, "Reviews within timescale"). The walk at d only
 * ever looks at reviews on or before the due dates it has reached, so walking once over
 * all held reviews gives, per plan, the day it first becomes late; the plan is then in
 * the numerator on each day from its first due date until it is late or ends.
 */
import { addMonths } from '../calendar';
import type { CpPlan, Day } from '../types';
import { atDays, OpenCounts, type DaySet } from './evaluation-days';
import { ReviewDaysByPlan, type ExtractIndex } from './extract-index';
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

export function cpReviewsTimely(index: ExtractIndex, days: DaySet): SnapshotEvaluator {
  // Only plans due for review at some day of the pack count anywhere: the rest are skipped
  // before their reviews are looked up.
  const duePlans: CpPlan[] = [];
  const firstDueDays: Day[] = [];
  for (const plan of index.extract.cpPlans) {
    const end = plan.end ?? Infinity;
    if (!days.anyIn(plan.start, end)) continue; // spares the date arithmetic for plans closed long ago
    const firstDue = addMonths(plan.start, FIRST_REVIEW_MONTHS);
    if (!days.anyIn(firstDue, end)) continue;
    duePlans.push(plan);
    firstDueDays.push(firstDue);
  }
  const reviewDays = new ReviewDaysByPlan(
    index.extract.cpReviews,
    duePlans.map((plan) => plan.id),
  );
  const due = new OpenCounts(days);
  const timely = new OpenCounts(days);
  duePlans.forEach((plan, i) => {
    const end = plan.end ?? Infinity;
    due.add(firstDueDays[i], end);
    timely.add(firstDueDays[i], Math.min(end, firstLateDay(plan.start, reviewDays.daysOf(plan.id))));
  });
  const [dueCounts, timelyCounts] = [due.counts(), timely.counts()];
  return atDays(days, (i) => fractionTally(timelyCounts[i], dueCounts[i]));
}
