/**
 * Children in care: how many started and ceased to be looked after (docs/MEASURES.md,
 * "Children in care"). Definitions as LAIT's data dictionary gives them
 * (dfe-analytical-services/local-authority-interactive-tool, 01_data/02_prod/lait_data_dictionary.csv
 * at 2e30e39: LACnum_Start "Number of children that started to be looked after in year",
 * LACceased "relate to the last time the child ceased to be looked after during the year", no
 * polarity for either) and DfE's SSDA903 tables ("Only the last occasion on which a child ceased
 * to be looked after in the year has been counted", explore-education-statistics data catalogue,
 * CLA ceasing during the year, footnote 5). A period of care is a child's run of contiguous
 * episodes (care/care-periods.ts). Missing from care: LAIT's Children_missing ("Children looked after
 * who had a missing incident during the year", no polarity; "Missing is defined as a looked after
 * child who is not at their placement or a place they are expected to be … and their whereabouts
 * is not known"; "Includes children who were missing … at 1 April"). DfE publishes it as a
 * percentage of the children looked after during the year; the monthly pack shows the count.
 */
import { claCeased, claMissing, claStarts } from '../care/care-flows';
import { children, n, soFar } from './draft-words';
import { flowMeasure, NO_PARAMS, type ColumnsRead } from './measure';

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
  oncePerWindow: true,
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
  oncePerWindow: true,
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

export const claMissingMeasure = flowMeasure({
  name: 'cla_missing',
  unit: 'count',
  oncePerWindow: true,
  reads: [
    EPISODES,
    {
      table: 'ssd_missing',
      columns: ['miss_person_id', 'miss_missing_episode_start_date', 'miss_missing_episode_end_date'],
      optional: ['miss_missing_episode_type'],
    },
  ],
  params: NO_PARAMS,
  definition:
    'Children in care who were missing from their placement at some time in the month (year to date: since ' +
    '1 April), each child counted once however many times; children away from placement without authorisation ' +
    'are not counted.',
  counted:
    'Distinct `miss_person_id` with a row of `ssd_missing` whose episode meets [a, b] (start ≤ b, end missing or ' +
    "≥ a: an episode open at the window's start counts) and began while the child was in care (a period of care " +
    'open on its start day). Episodes of type Absent or Away (`miss_missing_episode_type` A, Absent, Away…) are ' +
    `"away from placement without authorisation", which DfE counts apart; any other type, or none, is missing. ${ONCE}`,
  prepare: claMissing,
  draft: ({ month, ytd }, _params, context) =>
    `In ${context.monthName} ${children(month.value)} in care went missing, ${n(ytd.value)} ${soFar(context)}.`,
});
