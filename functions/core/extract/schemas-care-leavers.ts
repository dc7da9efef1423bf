/**
 * The care-leaver tables: ssd_care_leavers (each young person's latest status) and ssd_person
 * (read for pers_dob only; no other column of it is kept, and the person id is interned like
 * every other). Columns as data-to-insight/ssd-data-model writes them (commit
 * 4987c73f5369395fa873397277fb8a66e9aa5243): data/objects/ssd_care_leavers.yml and
 * ssd_person.yml; deployment_extracts/systemc/live/ssd_deployment_proc_files/procs/
 * ssd_care_leavers.sql and ssd_person.sql; the Mosaic populate_ssd_data_warehouse.sql (same
 * names). The code sets: care-leaver-codes.ts.
 */
import {
  ACCOMMODATION_DESCRIPTIONS,
  ACTIVITY_DESCRIPTIONS,
  codeOf,
  inTouchCode,
  SUITABILITY_DESCRIPTIONS,
} from './care-leaver-codes';
import type { TableSchema } from './schema-types';

export const CARE_LEAVERS: TableSchema = {
  table: 'ssd_care_leavers',
  columns: [
    // One row per young person: a second row for the same person is an error, not a guess at which is current.
    { name: 'clea_person_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'clea_care_leaver_eligibility', layout: 'ssd', type: 'text' },
    { name: 'clea_care_leaver_in_touch', layout: 'ssd', type: 'text' },
    { name: 'clea_care_leaver_accommodation', layout: 'ssd', type: 'text' },
    { name: 'clea_care_leaver_accom_suitable', layout: 'ssd', type: 'text' },
    { name: 'clea_care_leaver_activity', layout: 'ssd', type: 'text' },
  ],
  add(row, rowNumber, out) {
    const eligibility = row.optionalText(1);
    const suitable = codeOf(row.optionalText(4), SUITABILITY_DESCRIPTIONS);
    out.careLeavers.push({
      person: out.person(row.text(0)),
      birth: null, // from ssd_person, when the extract is linked
      formerRelevant: eligibility === null ? null : eligibility.trim().toLowerCase() === 'former relevant',
      inTouch: inTouchCode(row.optionalText(2)),
      accommodation: codeOf(row.optionalText(3), ACCOMMODATION_DESCRIPTIONS),
      suitable: suitable === null ? null : suitable === '1',
      activity: codeOf(row.optionalText(5), ACTIVITY_DESCRIPTIONS),
      row: rowNumber,
    });
  },
};

export const PERSON: TableSchema = {
  table: 'ssd_person',
  columns: [
    { name: 'pers_person_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'pers_dob', layout: 'ssd', type: 'date' },
  ],
  add(row, _rowNumber, out) {
    const birth = row.optionalDay(1);
    if (birth !== null) out.births.set(out.person(row.text(0)), birth);
  },
};
