/** Snapshot measures over open CP plans: the children on a plan, their rate, and plans open two years or more. */
import { cpChildren, cpOpenTwoYears } from '../open-records';
import { atEnd, children, outOf, percentOf, rateOf } from './draft-words';
import { NO_PARAMS, snapshotMeasure, type ColumnsRead } from './measure';

const OPEN_PLANS: ColumnsRead = {
  table: 'ssd_cp_plans',
  columns: ['cppl_person_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'],
};

export const cpChildrenMeasure = snapshotMeasure({
  name: 'cp_children',
  unit: 'count',
  reads: [OPEN_PLANS],
  params: NO_PARAMS,
  definition: 'Children with a child protection plan open on the last day of the month (each child counted once).',
  counted:
    'Distinct `cppl_person_id` with a CP plan open at d. A record is open at d when start ≤ d and the end is ' +
    'missing or after d: a plan that ends on d is not open at d.',
  prepare: cpChildren,
  draft: ({ month: m }, _params, context) =>
    `${atEnd(context)} ${children(m.value)} ${m.value === 1 ? 'was' : 'were'} subject to a child protection plan.`,
});

export const cpRateMeasure = snapshotMeasure({
  name: 'cp_rate',
  unit: 'rate',
  reads: [OPEN_PLANS],
  params: NO_PARAMS,
  definition: 'Children with a child protection plan open on the last day of the month, per 10,000 children aged 0–17.',
  counted:
    '`cp_children(d)` per 10,000 of the 0–17 population (numerator = children, denominator = population). The ' +
    "population is the configuration's figure for the year in which d's financial year starts, else the latest " +
    'earlier year (with a warning), else an error.',
  prepare: cpChildren,
  draft: (figures, _params, context) =>
    `${atEnd(context)} the rate of children subject to a child protection plan was ${rateOf(figures, figures.month)} ` +
    `per 10,000 (${children(figures.month.numerator)}).`,
});

export const cpOpenTwoYearsMeasure = snapshotMeasure({
  name: 'cp_open_2y_pct',
  unit: 'percent',
  reads: [{ ...OPEN_PLANS, columns: ['cppl_cp_plan_id', ...OPEN_PLANS.columns] }],
  params: NO_PARAMS,
  definition:
    'Of the child protection plans open on the last day of the month, the percentage that had been open for two ' +
    'years or more.',
  counted:
    'Of plans open at d, those with d ≥ addYears(start, 2) (29 February 2012 + 2 years = 28 February 2014). ' +
    'No plan open at d: no value, not 0.',
  prepare: cpOpenTwoYears,
  draft: (figures, _params, context) =>
    `${atEnd(context)} ${outOf(figures.month)} open plans (${percentOf(figures, figures.month)}) had lasted two ` +
    'years or more.',
});
