/**
 * Children on a plan visited within timescale (docs/MEASURES.md, "Visits within
 * timescale"): CP and CIN, each with its own window, a parameter in calendar days or in
 * working days (timescale.ts).
 */
import { cinVisitsTimely, cpVisitsTimely, visitReach } from '../visits';
import { atEnd, outOf } from './draft-words';
import { snapshotMeasure } from './measure';
import { timescaleOf, timescaleParams, timescaleWords } from './timescale';

/** The statutory visiting frequencies the seed's pack reports against. */
const CP_WINDOW_DAYS = 28;
const CIN_WINDOW_DAYS = 42;

const counted = (plans: string, visits: string) =>
  `Window (x, d]: with \`windowDays\` W, x = d − W days; with \`windowWorkingDays\` N, x is the latest day such ` +
  `that (x, d] holds exactly N working days (docs/WORKING-DAYS.md). Denominator: distinct children with a plan ` +
  `in \`${plans}\` open at d whose plan started on or before x (for a child with several open plans, the ` +
  `earliest start). Numerator: those with at least one visit in \`${visits}\`, not marked unseen, dated in ` +
  `(x, d] (any day of it, working day or not). A visit with no seen flag counts as seen.`;

const definition = (plan: string, window: string) =>
  `Of the children on a ${plan} plan on the last day of the month (plan started at least the visit window ago), ` +
  `the percentage seen on a visit within the window of ${window}.`;

const cpParams = timescaleParams(CP_WINDOW_DAYS, 'visit measures');
const cinParams = timescaleParams(CIN_WINDOW_DAYS, 'visit measures');

export const cpVisitsTimelyMeasure = snapshotMeasure({
  name: 'cp_visits_timely_pct',
  unit: 'percent',
  reads: [
    { table: 'ssd_cp_plans', columns: ['cppl_person_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'] },
    // The child: cppv_person_id, or (Mosaic) the plan's through cppv_cp_plan_id; the reader
    // requires one of them (schemas.ts linkedBy), so neither is required alone here.
    {
      table: 'ssd_cp_visits',
      columns: ['cppv_cp_visit_date'],
      optional: ['cppv_person_id', 'cppv_cp_plan_id', 'cppv_cp_visit_seen'],
    },
  ],
  params: cpParams,
  definition: (params) => definition('child protection', timescaleWords(timescaleOf(params, CP_WINDOW_DAYS))),
  counted: counted('ssd_cp_plans', 'ssd_cp_visits'),
  prepare: (index, days, params, { workingDays }) =>
    cpVisitsTimely(index, days, timescaleOf(params, CP_WINDOW_DAYS), workingDays),
  reach: (days, params, { workingDays }) => ({
    ssd_cp_visits: visitReach(days, timescaleOf(params, CP_WINDOW_DAYS), workingDays),
  }),
  draft: ({ month }, params, context) =>
    `${atEnd(context)} ${outOf(month)} children on CP plans had been visited ` +
    `within the last ${timescaleWords(timescaleOf(params, CP_WINDOW_DAYS))}.`,
});

export const cinVisitsTimelyMeasure = snapshotMeasure({
  name: 'cin_visits_timely_pct',
  unit: 'percent',
  reads: [
    {
      table: 'ssd_cin_plans',
      columns: ['cinp_person_id', 'cinp_cin_plan_start_date', 'cinp_cin_plan_end_date'],
      optional: ['cinp_referral_id'],
    },
    // The child: cinv_person_id, or (Mosaic) the referral's through cinv_cin_plan_id = cinp_referral_id.
    {
      table: 'ssd_cin_visits',
      columns: ['cinv_cin_visit_date'],
      optional: ['cinv_person_id', 'cinv_cin_plan_id', 'cinv_cin_visit_seen'],
    },
  ],
  params: cinParams,
  definition: (params) => definition('child in need', timescaleWords(timescaleOf(params, CIN_WINDOW_DAYS))),
  counted: counted('ssd_cin_plans', 'ssd_cin_visits'),
  prepare: (index, days, params, { workingDays }) =>
    cinVisitsTimely(index, days, timescaleOf(params, CIN_WINDOW_DAYS), workingDays),
  reach: (days, params, { workingDays }) => ({
    ssd_cin_visits: visitReach(days, timescaleOf(params, CIN_WINDOW_DAYS), workingDays),
  }),
  draft: ({ month }, params, context) =>
    `${atEnd(context)} ${outOf(month)} children in need had been visited within the last ` +
    `${timescaleWords(timescaleOf(params, CIN_WINDOW_DAYS))}.`,
});
