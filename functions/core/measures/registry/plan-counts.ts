/** Flow measures over CP plan starts and ends: how many, how many had lasted two years, how many were repeats. */
import { cpEndedTwoYears, cpEnds, cpRepeat, cpStarts } from '../plan-flows';
import { n, onCurrentTrends, outOf, percentOf, plans, soFar } from './draft-words';
import { flowMeasure, NO_PARAMS } from './measure';

const YEAR_TO_DATE = 'Year to date is every plan since 1 April, so a percentage is Σ numerators / Σ denominators.';

export const cpStartsMeasure = flowMeasure({
  name: 'cp_starts',
  unit: 'count',
  reads: [{ table: 'ssd_cp_plans', columns: ['cppl_cp_plan_id', 'cppl_cp_plan_start_date'] }],
  params: NO_PARAMS,
  definition: 'Child protection plans that started in the month (year to date: since 1 April).',
  counted: 'CP plans with start date in [a, b].',
  prepare: cpStarts,
  draft: (figures, _params, context) =>
    `In ${context.monthName} ${plans(figures.month.value)} started, ${n(figures.ytd.value)} ${soFar(context)}.` +
    onCurrentTrends(figures, context, 'plans will start'),
});

export const cpEndsMeasure = flowMeasure({
  name: 'cp_ends',
  unit: 'count',
  reads: [{ table: 'ssd_cp_plans', columns: ['cppl_cp_plan_id', 'cppl_cp_plan_end_date'] }],
  params: NO_PARAMS,
  definition: 'Child protection plans that ended in the month (year to date: since 1 April).',
  counted: 'CP plans with end date in [a, b].',
  prepare: cpEnds,
  draft: (figures, _params, context) =>
    `In ${context.monthName} ${plans(figures.month.value)} ended, ${n(figures.ytd.value)} ${soFar(context)}.` +
    onCurrentTrends(figures, context, 'plans will end'),
});

export const cpEndedTwoYearsMeasure = flowMeasure({
  name: 'cp_ended_2y_pct',
  unit: 'percent',
  reads: [{ table: 'ssd_cp_plans', columns: ['cppl_cp_plan_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'] }],
  params: NO_PARAMS,
  definition:
    'Of the child protection plans that ended in the period, the percentage that had lasted two years or more. ' +
    'Year to date is all ended plans since 1 April, not an average of months.',
  counted: `Of plans ending in [a, b], those with end ≥ addYears(start, 2). ${YEAR_TO_DATE}`,
  prepare: cpEndedTwoYears,
  draft: (figures, _params, context) =>
    `Of the plans ending, ${outOf(figures.month)} in ${context.monthName} and ${outOf(figures.ytd)} ` +
    `(${percentOf(figures, figures.ytd)}) ${soFar(context)} had lasted two years or more.`,
});

export const cpRepeatMeasure = flowMeasure({
  name: 'cp_repeat_pct',
  unit: 'percent',
  reads: [
    {
      table: 'ssd_cp_plans',
      columns: ['cppl_cp_plan_id', 'cppl_person_id', 'cppl_cp_plan_start_date'],
      optional: ['cppl_number_of_previous_cp_plans'],
    },
  ],
  params: NO_PARAMS,
  definition:
    'Of the child protection plans that started in the period, the percentage for a child who had a previous plan ' +
    '(from the recorded number of previous plans, or an earlier plan in the extract where that is missing).',
  counted:
    'Of plans starting in [a, b], those whose child had a previous plan: `cppl_number_of_previous_cp_plans > 0` ' +
    'where given (the census count knows about plans elsewhere); where missing, another plan of the same person ' +
    `with an earlier start date exists in the extract. ${YEAR_TO_DATE}`,
  prepare: cpRepeat,
  draft: (figures, _params, context) =>
    `Of the plans starting, ${outOf(figures.month)} in ${context.monthName} and ${outOf(figures.ytd)} ` +
    `(${percentOf(figures, figures.ytd)}) ${soFar(context)} were a child's second or subsequent plan.`,
});
