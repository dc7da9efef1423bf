/** CP plans reviewed within timescale: first review within 3 months, then every 6 months. */
import { cpReviewsTimely } from '../reviews';
import { atEnd, outOf } from './draft-words';
import { NO_PARAMS, snapshotMeasure } from './measure';

export const cpReviewsTimelyMeasure = snapshotMeasure({
  name: 'cp_reviews_timely_pct',
  unit: 'percent',
  reads: [
    { table: 'ssd_cp_plans', columns: ['cppl_cp_plan_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'] },
    // A review with no plan id is linked by cppr_person_id (links.ts).
    { table: 'ssd_cp_reviews', columns: ['cppr_cp_plan_id', 'cppr_cp_review_date'], optional: ['cppr_person_id'] },
  ],
  params: NO_PARAMS,
  definition:
    'Of the child protection plans open on the last day of the month that have had a review fall due, the ' +
    'percentage never late: first review within 3 months of the start, then each within 6 months of the last.',
  counted:
    'Denominator: CP plans open at d with addMonths(start, 3) ≤ d (at least one review has fallen due). For each, ' +
    'walk the held reviews (`cppr_cp_review_date` present, after the start, on or before d) in date order: ' +
    'due = addMonths(start, 3), prev = start; while due ≤ d: take the first review r with r > prev; if there is ' +
    'none, or r > due, the plan is late and the walk stops; otherwise prev = r, due = addMonths(r, 6). ' +
    'Numerator: plans never late.',
  prepare: cpReviewsTimely,
  draft: ({ month }, _params, context) =>
    `${atEnd(context)} ${outOf(month)} CP cases were reviewed within required timescales.`,
});
