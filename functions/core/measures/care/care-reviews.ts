/**
 * cla_reviews_timely_pct (docs/MEASURES.md, "Children in care"): children in care whose care
 * reviews were all held within timescale over the twelve months to d. The Care Planning,
 * Placement and Case Review (England) Regulations 2010, regulation 33: the first review within
 * 20 working days of the child becoming looked after, the second not more than three months
 * after the first, each later one not more than six months after the one before.
 *
 * The walk over a period of care: step 0 is due 20 working days after the start (the calendar's
 * deadline, docs/WORKING-DAYS.md rule (b)) and is met by the first held review on or after the
 * start; step k ≥ 1 is due 3 (k = 1) or 6 months after review k and is met by the next held review
 * after it. A step is overdue from the day after its due date up to and including the day its
 * review was held (for ever, when none was). The child is late at d when some step was overdue on
 * a day of the twelve months (addYears(d, −1), d]; a review due on d and not yet held is not late.
 */
import { addMonths, addYears, isOpenAt } from '../../calendar';
import type { Day } from '../../types';
import type { WorkingDays } from '../../working-days';
import { atDays, type DaySet } from '../evaluation-days';
import { daysOfKey, groupDaysByKey, type ExtractIndex } from '../extract-index';
import { fractionTally, type SnapshotEvaluator } from '../tally';
import { carePeriods } from './care-periods';

const FIRST_REVIEW_WORKING_DAYS = 20;
const SECOND_REVIEW_MONTHS = 3;
const LATER_REVIEW_MONTHS = 6;
/**
 * A period of care that started this many months or more before d had its first review due before the twelve months
 * to d (20 working days are far less than 3 months), so its deadline is not looked up: the calendar need not go back
 * to periods that started before its first year.
 */
export const FIRST_REVIEW_LOOKUP_MONTHS = 15;

/**
 * Whether some step of the walk from `start` was overdue on a day of (yearStart, d]; `firstDue` null: before it.
 * `reviews`: the child's held review days, ascending; two on one day are one review.
 */
function lateAt(start: Day, firstDue: Day | null, reviews: Int32Array, d: Day, yearStart: Day): boolean {
  let i = reviews.findIndex((day) => day >= start);
  let due = firstDue ?? yearStart;
  for (let step = 0; due < d; step += 1) {
    const held = i < 0 || i >= reviews.length ? Infinity : reviews[i];
    if (Math.max(due, yearStart) < Math.min(held, d)) return true;
    if (held === Infinity) return false;
    due = addMonths(held, step === 0 ? SECOND_REVIEW_MONTHS : LATER_REVIEW_MONTHS);
    while (i < reviews.length && reviews[i] === held) i += 1;
  }
  return false;
}

export function claReviewsTimely(index: ExtractIndex, days: DaySet, workingDays: WorkingDays): SnapshotEvaluator {
  // Each child's held review days, ascending, in two typed arrays (not an array per child: nationally 100,000).
  const { person, day } = index.extract.care.reviews;
  const reviews = groupDaysByKey(person, day, index.extract.persons);
  const due = new Int32Array(days.size);
  const timely = new Int32Array(days.size);
  for (const period of carePeriods(index.extract.claEpisodes)) {
    let firstDue: Day | undefined;
    for (let k = 0; k < days.size; k += 1) {
      const d = days.days[k];
      if (!isOpenAt(period.start, period.end, d)) continue;
      const recent = period.start > addMonths(d, -FIRST_REVIEW_LOOKUP_MONTHS);
      const first = recent ? (firstDue ??= workingDays.deadline(period.start, FIRST_REVIEW_WORKING_DAYS)) : null;
      if (first !== null && first > d) continue; // first review not yet due
      due[k] += 1;
      if (!lateAt(period.start, first, daysOfKey(reviews, period.person), d, addYears(d, -1))) timely[k] += 1;
    }
  }
  return atDays(days, (i) => fractionTally(timely[i], due[i]));
}
