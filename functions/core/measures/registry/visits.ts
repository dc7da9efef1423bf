/**
 * Children on a plan visited within timescale (docs/MEASURES.md, "Visits within
 * timescale"): CP and CIN, each with its own window of days, a parameter.
 */
import * as z from 'zod';
import { cinVisitsTimely, cpVisitsTimely } from '../visits';
import { atEnd, outOf } from './draft-words';
import { snapshotMeasure } from './measure';

/** The statutory visiting frequencies the seed's pack reports against. */
const CP_WINDOW_DAYS = 28;
const CIN_WINDOW_DAYS = 42;

const windowParams = (defaultDays: number) =>
  z.strictObject({
    windowDays: z
      .number()
      .int()
      .min(1)
      .max(366)
      .default(defaultDays)
      // `appliesTo` names the measures that take it, for the message when another measure is given it.
      .meta({
        description: 'the visit window W in days: a visit counts when dated in (d − W days, d]',
        appliesTo: 'visit measures',
      }),
  });

const counted = (plans: string, visits: string) =>
  `Window W days. Denominator: distinct children with a plan in \`${plans}\` open at d whose plan started on or ` +
  `before d − W days (for a child with several open plans, the earliest start). Numerator: those with at least ` +
  `one visit in \`${visits}\`, not marked unseen, dated in (d − W days, d]. A visit with no seen flag counts as seen.`;

const definition = (plan: string, days: number) =>
  `Of the children on a ${plan} plan on the last day of the month (plan started at least the visit window ago), ` +
  `the percentage seen on a visit within the window (${days} days unless configured).`;

export const cpVisitsTimelyMeasure = snapshotMeasure({
  name: 'cp_visits_timely_pct',
  unit: 'percent',
  reads: [
    { table: 'ssd_cp_plans', columns: ['cppl_person_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'] },
    { table: 'ssd_cp_visits', columns: ['cppv_person_id', 'cppv_cp_visit_date'], optional: ['cppv_cp_visit_seen'] },
  ],
  params: windowParams(CP_WINDOW_DAYS),
  definition: definition('child protection', CP_WINDOW_DAYS),
  counted: counted('ssd_cp_plans', 'ssd_cp_visits'),
  prepare: (index, days, params) => cpVisitsTimely(index, days, params.windowDays),
  draft: ({ month }, params, context) =>
    `${atEnd(context)} ${outOf(month)} children on CP plans had been visited ` +
    `within the last ${params.windowDays} days.`,
});

export const cinVisitsTimelyMeasure = snapshotMeasure({
  name: 'cin_visits_timely_pct',
  unit: 'percent',
  reads: [
    { table: 'ssd_cin_plans', columns: ['cinp_person_id', 'cinp_cin_plan_start_date', 'cinp_cin_plan_end_date'] },
    { table: 'ssd_cin_visits', columns: ['cinv_person_id', 'cinv_cin_visit_date'], optional: ['cinv_cin_visit_seen'] },
  ],
  params: windowParams(CIN_WINDOW_DAYS),
  definition: definition('child in need', CIN_WINDOW_DAYS),
  counted: counted('ssd_cin_plans', 'ssd_cin_visits'),
  prepare: (index, days, params) => cinVisitsTimely(index, days, params.windowDays),
  draft: ({ month }, params, context) =>
    `${atEnd(context)} ${outOf(month)} children in need had been visited within the last ${params.windowDays} days.`,
});
