/**
 * Children in care: how many started and ceased to be looked after (docs/MEASURES.md,
 * "Children in care"). Definitions as LAIT's data dictionary gives them
 * (dfe-analytical-services/local-authority-interactive-tool, 01_data/02_prod/lait_data_dictionary.csv
 * at 2e30e39: LACnum_Start "Number of children that started to be looked after in year",
 * LACceased "relate to the last time the child ceased to be looked after during the year", no
 * polarity for either) and DfE's SSDA903 tables ("Only the last occasion on which a child ceased
 * to be looked after in the year has been counted", explore-education-statistics data catalogue,
 * CLA ceasing during the year, footnote 5). A period of care is a child's run of contiguous
 * episodes (care/care-periods.ts).
 */
import * as z from 'zod';
import { claCeased, claStarts } from '../care/care-flows';
import { children, n, soFar } from './draft-words';
import { flowMeasure, type ColumnsRead } from './measure';

const NO_PARAMS = z.strictObject({});
const EPISODES: ColumnsRead = {
  table: 'ssd_cla_episodes',
  columns: ['clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_ceased_date'],
};
const PERIODS =
  "A period of care is a child's run of `ssd_cla_episodes` rows each starting on or before the day the one " +
  'before it ceased (a change of placement or legal status starts a new episode, not a new period).';
const ONCE = 'Each child is counted once per window (month, or year to date since 1 April), however many times.';

export const claStartsMeasure = flowMeasure({
  name: 'cla_starts',
  unit: 'count',
  reads: [EPISODES],
  params: NO_PARAMS,
  definition:
    'Children who started to be looked after in the month (year to date: since 1 April), each child counted once ' +
    'however many times they came into care.',
  counted: `Distinct \`clae_person_id\` whose period of care started in [a, b]. ${PERIODS} ${ONCE}`,
  prepare: claStarts,
  draft: ({ month, ytd }, _params, context) =>
    `In ${context.monthName} ${children(month.value)} started to be looked after, ${n(ytd.value)} ${soFar(context)}.`,
});

export const claCeasedMeasure = flowMeasure({
  name: 'cla_ceased',
  unit: 'count',
  reads: [EPISODES],
  params: NO_PARAMS,
  definition:
    'Children who ceased to be looked after in the month (year to date: since 1 April), each child counted once ' +
    'however many times they left care.',
  counted:
    `Distinct \`clae_person_id\` whose period of care ended (its last episode ceased) in [a, b]. ` +
    `${PERIODS} ${ONCE}`,
  prepare: claCeased,
  draft: ({ month, ytd }, _params, context) =>
    `In ${context.monthName} ${children(month.value)} ceased to be looked after, ${n(ytd.value)} ${soFar(context)}.`,
});
