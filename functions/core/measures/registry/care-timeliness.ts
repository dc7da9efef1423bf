/**
 * Children in care: statutory visits within timescale (docs/MEASURES.md, "Children in care").
 * The Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28: a
 * visit within one week of a placement starting, then at intervals of not more than six weeks
 * in the first year (six weeks or three months after). The measure simplifies these to one
 * window, six weeks (42 days) unless configured (`windowDays` or `windowWorkingDays`, as the CP
 * and CIN visit measures), over the child's period of care. LAIT has no such indicator (so no
 * polarity is given).
 *
 * Care reviews within timescale: regulation 33 of the same Regulations (the first review within
 * 20 working days of the child becoming looked after, the second within three months of the
 * first, later ones within six months of the one before); the rule: care/care-reviews.ts. LAIT has
 * no such indicator either (lait_data_dictionary.csv at 2e30e39 lists none for care reviews), so
 * no polarity is given.
 */
import { claReviewsTimely } from '../care/care-reviews';
import { claVisitsTimely } from '../care/care-visits';
import { visitReach } from '../visits';
import { atEnd, outOf } from './draft-words';
import { NO_PARAMS, snapshotMeasure } from './measure';
import { timescaleOf, timescaleParams, timescaleWords } from './timescale';

/** The default window (regulation 28: at most six weeks apart); the DuckDB baseline reads it too. */
export const VISIT_WINDOW_DAYS = 42;

export const claVisitsTimelyMeasure = snapshotMeasure({
  name: 'cla_visits_timely_pct',
  unit: 'percent',
  reads: [
    {
      table: 'ssd_cla_episodes',
      columns: ['clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_ceased_date'],
    },
    // The child: clav_person_id, or the period of care's through clav_cla_id = clae_cla_id.
    {
      table: 'ssd_cla_visits',
      columns: ['clav_cla_visit_date'],
      optional: ['clav_person_id', 'clav_cla_id', 'clav_cla_visit_seen'],
    },
  ],
  params: timescaleParams(VISIT_WINDOW_DAYS, 'visit measures'),
  definition: (params) =>
    'Of the children in care on the last day of the month (in care for at least the visit window), the percentage ' +
    `seen on a statutory visit within the window of ${timescaleWords(timescaleOf(params, VISIT_WINDOW_DAYS))}.`,
  counted:
    'Window (x, d] as for `cp_visits_timely_pct` (`windowDays` W: x = d − W; `windowWorkingDays` N: docs/' +
    'WORKING-DAYS.md). Denominator: distinct children with a period of care (contiguous `ssd_cla_episodes`) open ' +
    'at d that started on or before x. Numerator: those with a visit in `ssd_cla_visits`, not marked unseen, dated ' +
    'in (x, d]. Default window 42 days (six weeks, regulation 28 of the Care Planning Regulations 2010).',
  prepare: (index, days, params, { workingDays }) =>
    claVisitsTimely(index, days, timescaleOf(params, VISIT_WINDOW_DAYS), workingDays),
  // The visits are counted as the CP visit measure's (visits.ts), so they reach as far back.
  reach: (days, params, { workingDays }) => ({
    ssd_cla_visits: visitReach(days, timescaleOf(params, VISIT_WINDOW_DAYS), workingDays),
  }),
  draft: ({ month }, params, context) =>
    `${atEnd(context)} ${outOf(month)} children in care had been visited within the last ` +
    `${timescaleWords(timescaleOf(params, VISIT_WINDOW_DAYS))}.`,
});

export const claReviewsTimelyMeasure = snapshotMeasure({
  name: 'cla_reviews_timely_pct',
  unit: 'percent',
  reads: [
    {
      table: 'ssd_cla_episodes',
      columns: ['clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_ceased_date'],
    },
    {
      table: 'ssd_cla_reviews',
      columns: ['clar_cla_person_id', 'clar_cla_review_date'],
      optional: ['clar_cla_review_cancelled'],
    },
  ],
  params: NO_PARAMS,
  definition:
    'Of the children in care on the last day of the month whose first review was due by then, the percentage ' +
    'whose reviews in the twelve months to that day were all held within timescale (the first within 20 working ' +
    'days of coming into care, the second within three months of it, then at most every six months).',
  counted:
    'Denominator: distinct children with a period of care (contiguous `ssd_cla_episodes`) open at d whose first ' +
    'review is due by d: 20 working days after the start (docs/WORKING-DAYS.md, "within N working days"; the event ' +
    'day is day 0). The walk: the first review is the first held `ssd_cla_reviews` row (dated, not ' +
    '`clar_cla_review_cancelled`) on or after the start; the next is due addMonths(that review, 3), each later ' +
    'one addMonths(the review before, 6), met by the next held review after it. A review is overdue from the day ' +
    'after its due date until the day it is held, inclusive (for ever when it is not). Numerator: those with no ' +
    'review overdue on any day of (addYears(d, −1), d]. A period that started addMonths(d, −15) or earlier had its ' +
    "first review due before that year, and its deadline is not looked up (the calendar's years start in 2011).",
  prepare: (index, days, _params, { workingDays }) => claReviewsTimely(index, days, workingDays),
  draft: ({ month }, _params, context) =>
    `${atEnd(context)} ${outOf(month)} children in care had had every review in the last twelve months on time.`,
});
