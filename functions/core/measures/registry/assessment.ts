/**
 * Assessment and child protection enquiries: assessments completed within 45 working days,
 * section 47 enquiries per 10,000, and initial conferences within 15 working days of the
 * enquiry's start. Definitions checked at the source:
 * - LAIT's data dictionary, dfe-analytical-services/local-authority-interactive-tool
 *   01_data/02_prod/lait_data_dictionary.csv (commit 2e30e39): 304 "Continuous assessments
 *   completed within 45 working days" (polarity High; "a count of continuous assessments with an
 *   end date recorded within the collection year"), 217 "Section 47 enquiries rate per 10,000
 *   children", 218 "Percentage of child protection conferences held within 15 days" (polarity
 *   High; "within 15 working days of the strategy discussion which decided whether s.47 enquiries
 *   should be initiated");
 * - the start DfE counts an assessment's duration from: its own start date (DfE's C2 "Completed
 *   assessments by duration of assessment" bands begin "Started and finished the same day",
 *   explore-education-statistics data catalogue), not the referral, though Working Together
 *   words the 45 days "from the point of referral";
 * - the SSD columns: data-to-insight/ssd-data-model data/objects/ssd_cin_assessments.yml
 *   (cina_assessment_start_date, cina_assessment_auth_date), ssd_s47_enquiry.yml
 *   (s47e_s47_start_date, the date of the strategy discussion), ssd_initial_cp_conference.yml
 *   (icpc_s47_enquiry_id, icpc_icpc_date), commit 4987c73.
 * The working-day rule is docs/WORKING-DAYS.md's "within N working days of an event".
 */
import { assessmentsTimely, conferencesTimely, s47Count } from '../front-door';
import { outOf, percentOf, rateOf, soFar } from './draft-words';
import { flowMeasure, NO_PARAMS } from './measure';
import { timescaleOf, timescaleParams, timescaleWords, type Timescale } from './timescale';

const ASSESSMENT_WINDOW: Timescale = { unit: 'working days', length: 45 };
const ICPC_WINDOW: Timescale = { unit: 'working days', length: 15 };
const TIMESCALE_MEASURES = 'assessment and conference timeliness measures';
const YEAR_TO_DATE = 'Year to date is every one since 1 April, so a percentage is Σ numerators / Σ denominators.';

const within = (event: string, done: string) =>
  `With \`windowWorkingDays\` N (the default), in time when (${event}, ${done}] holds at most N working days: ` +
  `the ${event} is day 0, something done on the deadline day is in time (docs/WORKING-DAYS.md); with ` +
  `\`windowDays\` W, when ${done} − ${event} ≤ W.`;

export const assessmentsTimelyMeasure = flowMeasure({
  name: 'assessments_timely_pct',
  unit: 'percent',
  reads: [
    {
      table: 'ssd_cin_assessments',
      columns: ['cina_assessment_id', 'cina_assessment_start_date', 'cina_assessment_auth_date'],
    },
  ],
  params: timescaleParams(ASSESSMENT_WINDOW, TIMESCALE_MEASURES),
  definition: (params) =>
    'Of the assessments completed (authorised) in the period, the percentage completed within ' +
    `${timescaleWords(timescaleOf(params, ASSESSMENT_WINDOW))} of the assessment's start.`,
  counted:
    'Of assessments with `cina_assessment_auth_date` in [a, b] (an authorisation date before the start, such as ' +
    "SystemC's 1900-01-01 for none, is not completed), those whose start `cina_assessment_start_date` is within " +
    `the window. ${within('start', 'authorisation')} ${YEAR_TO_DATE}`,
  prepare: (index, windows, params, { workingDays }) =>
    assessmentsTimely(index, windows, timescaleOf(params, ASSESSMENT_WINDOW), workingDays),
  draft: (figures, params, context) =>
    `Of the assessments completed, ${outOf(figures.month)} in ${context.monthName} and ${outOf(figures.ytd)} ` +
    `(${percentOf(figures, figures.ytd)}) ${soFar(context)} were completed within ` +
    `${timescaleWords(timescaleOf(params, ASSESSMENT_WINDOW))}.`,
});

export const s47RateMeasure = flowMeasure({
  name: 's47_rate',
  unit: 'rate',
  reads: [{ table: 'ssd_s47_enquiry', columns: ['s47e_s47_enquiry_id', 's47e_person_id', 's47e_s47_start_date'] }],
  params: NO_PARAMS,
  definition: 'Section 47 enquiries started in the period per 10,000 children aged 0–17.',
  counted:
    'Rows of `ssd_s47_enquiry` with `s47e_s47_start_date` in [a, b], per 10,000 of the 0–17 population (chosen ' +
    'as for `cp_rate`, at b); a child with two enquiries counts twice, as DfE counts enquiries.',
  prepare: s47Count,
  draft: (figures, _params, context) =>
    `In ${context.monthName} the rate of section 47 enquiries was ${rateOf(figures, figures.month)} per 10,000 ` +
    `(${figures.month.numerator ?? 0} ${figures.month.numerator === 1 ? 'enquiry' : 'enquiries'}), ` +
    `${rateOf(figures, figures.ytd)} ${soFar(context)}.`,
});

export const icpcTimelyMeasure = flowMeasure({
  name: 'icpc_timely_pct',
  unit: 'percent',
  reads: [
    {
      table: 'ssd_initial_cp_conference',
      columns: ['icpc_s47_enquiry_id', 'icpc_icpc_date', 'icpc_icpc_transfer_in'],
      optional: ['icpc_person_id', 'icpc_cp_plan_id'],
    },
    { table: 'ssd_s47_enquiry', columns: ['s47e_s47_enquiry_id', 's47e_person_id', 's47e_s47_start_date'] },
  ],
  params: timescaleParams(ICPC_WINDOW, TIMESCALE_MEASURES),
  definition: (params) =>
    'Of the initial child protection conferences held in the period, the percentage held within ' +
    `${timescaleWords(timescaleOf(params, ICPC_WINDOW))} of the strategy discussion that started the section 47 ` +
    'enquiry.',
  counted:
    'Of conferences with `icpc_icpc_date` in [a, b] linked to their enquiry (`icpc_s47_enquiry_id` = ' +
    '`s47e_s47_enquiry_id`, and the same child where both name one), those held within the window of ' +
    '`s47e_s47_start_date`. Transfer-in conferences, conferences with no enquiry id, those of other ' +
    "authorities' plans and those dated before the enquiry started are not counted. " +
    `${within('enquiry start', 'conference')} ${YEAR_TO_DATE}`,
  prepare: (index, windows, params, { workingDays }) =>
    conferencesTimely(index, windows, timescaleOf(params, ICPC_WINDOW), workingDays),
  draft: (figures, params, context) =>
    `Of the initial conferences, ${outOf(figures.month)} in ${context.monthName} and ${outOf(figures.ytd)} ` +
    `(${percentOf(figures, figures.ytd)}) ${soFar(context)} were held within ` +
    `${timescaleWords(timescaleOf(params, ICPC_WINDOW))} of the section 47 enquiry starting.`,
});
