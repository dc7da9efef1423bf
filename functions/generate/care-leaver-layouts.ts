/**
 * The care leavers' tables' columns per layout (layouts.ts spreads them in): the real SSD's
 * names in the real order, from data-to-insight/ssd-data-model (commit 4987c73),
 * procs/ssd_care_leavers.sql and ssd_person.sql (SystemC); the Mosaic script has the same
 * columns (ssd_person in another order, which the reader does not mind).
 */
import type { LayoutColumns } from './layouts';

export const CARE_LEAVER_SPEC: LayoutColumns = {
  ssd_care_leavers: [
    'clea_person_id',
    'clea_care_leaver_eligibility',
    'clea_care_leaver_in_touch',
    'clea_care_leaver_latest_contact',
    'clea_care_leaver_accommodation',
    'clea_care_leaver_accom_suitable',
    'clea_care_leaver_activity',
  ],
  ssd_person: ['pers_person_id', 'pers_dob'],
};

const CARE_LEAVERS = [
  'clea_table_id',
  'clea_person_id',
  'clea_care_leaver_eligibility',
  'clea_care_leaver_in_touch',
  'clea_care_leaver_latest_contact',
  'clea_care_leaver_accommodation',
  'clea_care_leaver_accom_suitable',
  'clea_care_leaver_activity',
  'clea_pathway_plan_review_date',
  'clea_care_leaver_personal_advisor',
  'clea_care_leaver_allocated_team',
  'clea_care_leaver_worker_id',
];
const PERSON = [
  'pers_legacy_id',
  'pers_person_id',
  'pers_upn',
  'pers_forename',
  'pers_surname',
  'pers_sex',
  'pers_gender',
  'pers_ethnicity',
  'pers_dob',
  'pers_single_unique_id',
  'pers_upn_unknown',
  'pers_send_flag',
  'pers_expected_dob',
  'pers_death_date',
  'pers_is_mother',
  'pers_nationality',
];

export const CARE_LEAVER_SYSTEMC: LayoutColumns = { ssd_care_leavers: CARE_LEAVERS, ssd_person: PERSON };
