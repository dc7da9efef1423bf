/**
 * Care leavers aged 19–21: in touch, in suitable accommodation, in education, employment or
 * training (docs/MEASURES.md; the rule and its sources: measures/care-leavers.ts). DfE's
 * definitions: dfe-analytical-services/local-authority-interactive-tool
 * 01_data/02_prod/lait_data_dictionary.csv (commit 2e30e3959a6ab8b2d22941b84764da41a40ac91b),
 * measures NoCareLeavers, CareLeaverAcc, CareLeaverEET, CareLeavers_LA_NotInTouch.
 */
import { careLeaversEet, careLeaversInTouch, careLeaversSuitable } from '../care-leavers';
import { atEnd, outOf } from './draft-words';
import { NO_PARAMS, snapshotMeasure, type ColumnsRead } from './measure';

/** The cohort's columns, and the status columns a measure adds. */
const cohortReads = (...status: string[]): readonly ColumnsRead[] => [
  {
    table: 'ssd_care_leavers',
    columns: ['clea_person_id', 'clea_care_leaver_in_touch', ...status],
    optional: ['clea_care_leaver_eligibility'],
  },
  { table: 'ssd_person', columns: ['pers_person_id', 'pers_dob'] },
];

const COHORT =
  'The cohort at d: young people in `ssd_care_leavers` whose `pers_dob` (ssd_person) makes them 19, 20 or 21 at ' +
  'd (addYears(dob, 19) ≤ d < addYears(dob, 22)), leaving out those whose `clea_care_leaver_eligibility` is ' +
  'recorded as other than Former Relevant (empty counts) and those whose `clea_care_leaver_in_touch` is DIED or ' +
  'RHOM. Each young person has one row (a second is an error); their latest recorded status is used, where DfE ' +
  'uses the status around the birthday in the year. No one in the cohort: no value, not 0. Codes are read as the ' +
  'SSDA903 code or its description.';

const WHO = 'care leavers aged 19 to 21 (former relevant young people) on the last day of the month';

export const careLeaversInTouchMeasure = snapshotMeasure({
  name: 'care_leavers_in_touch_pct',
  unit: 'percent',
  reads: cohortReads(),
  params: NO_PARAMS,
  definition: `Of the ${WHO}, the percentage the local authority is in touch with (latest recorded status).`,
  counted: `${COHORT} Numerator: \`clea_care_leaver_in_touch\` = YES.`,
  prepare: careLeaversInTouch,
  draft: (figures, _params, context) =>
    `${atEnd(context)} the authority was in touch with ${outOf(figures.month)} care leavers aged 19 to 21.`,
});

export const careLeaversSuitableMeasure = snapshotMeasure({
  name: 'care_leavers_suitable_accommodation_pct',
  unit: 'percent',
  reads: cohortReads('clea_care_leaver_accommodation', 'clea_care_leaver_accom_suitable'),
  params: NO_PARAMS,
  definition:
    `Of the ${WHO}, except those gone abroad, deported or whose residence is not known, the percentage in ` +
    'accommodation considered suitable.',
  counted:
    `${COHORT} Denominator: the cohort less \`clea_care_leaver_accommodation\` G (gone abroad), H (deported) and ` +
    'R (residence not known). Numerator: `clea_care_leaver_accom_suitable` = 1 (suitable).',
  prepare: careLeaversSuitable,
  draft: (figures, _params, context) =>
    `${atEnd(context)} ${outOf(figures.month)} care leavers aged 19 to 21 were in suitable accommodation.`,
});

export const careLeaversEetMeasure = snapshotMeasure({
  name: 'care_leavers_eet_pct',
  unit: 'percent',
  reads: cohortReads('clea_care_leaver_activity'),
  params: NO_PARAMS,
  definition: `Of the ${WHO}, the percentage in education, employment or training.`,
  counted:
    `${COHORT} Numerator: \`clea_care_leaver_activity\` F1–F5 or P1–P5 (full or part time in higher education, ` +
    'other education, an apprenticeship, training or employment); G4–G6 (not in EET) and no activity are not.',
  prepare: careLeaversEet,
  draft: (figures, _params, context) =>
    `${atEnd(context)} ${outOf(figures.month)} care leavers aged 19 to 21 were in education, employment or training.`,
});
