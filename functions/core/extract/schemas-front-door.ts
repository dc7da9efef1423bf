/**
 * The front door's own tables (docs/EXTRACT-SSD.md, "Front door"): contacts, continuous
 * assessments and section 47 enquiries. Referrals are ssd_cin_episodes and conferences
 * ssd_initial_cp_conference (schemas.ts).
 *
 * Checked at the source, data-to-insight/ssd-data-model (commit 4987c73, 2026-07-14):
 * data/objects/ssd_contacts.yml, ssd_cin_assessments.yml, ssd_s47_enquiry.yml; the SystemC
 * procs deployment_extracts/systemc/live/ssd_deployment_proc_files/procs/ssd_contacts.sql,
 * ssd_cin_assessments.sql, ssd_s47_enquiry.sql; the Mosaic script
 * deployment_extracts/mosaic/live/ssd_deployment_individual_files/populate_ssd_data_warehouse.sql
 * (##ssd_contacts, ##ssd_cin_assessments, ##ssd_s47_enquiry: the same column names).
 */
import type { TableSchema } from './schema-types';

export const CONTACTS: TableSchema = {
  table: 'ssd_contacts',
  columns: [
    { name: 'cont_contact_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'cont_person_id', layout: 'ssd', type: 'text', required: true },
    // DATETIME, nullable in the SSD: an undated contact is counted in no month.
    { name: 'cont_contact_date', layout: 'ssd', type: 'date', inHeader: true },
  ],
  add(row, _rowNumber, out) {
    const day = row.optionalDay(2);
    // Before the pack's reach: counted, not kept, and its child not looked up (pruning.ts).
    if (day !== null && out.frontDoor.contactPruner.prunes(day)) return;
    out.person(row.text(1));
    if (day !== null) out.frontDoor.contact(day);
  },
};

export const CIN_ASSESSMENTS: TableSchema = {
  table: 'ssd_cin_assessments',
  columns: [
    { name: 'cina_assessment_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'cina_person_id', layout: 'ssd', type: 'text', required: true },
    { name: 'cina_assessment_start_date', layout: 'ssd', type: 'date', inHeader: true },
    // No span check: SystemC writes 1900-01-01 for an assessment with no FormEndDate answer
    // (ISNULL(..., '1900-01-01') in procs/ssd_cin_assessments.sql); such a date is before its start
    // and is read as not yet completed (front-door-links.ts).
    { name: 'cina_assessment_auth_date', layout: 'ssd', type: 'date' },
  ],
  add(row, _rowNumber, out) {
    out.person(row.text(1));
    const start = row.optionalDay(2);
    if (start !== null) out.frontDoor.assessment(start, row.optionalDay(3));
  },
};

export const S47_ENQUIRY: TableSchema = {
  table: 'ssd_s47_enquiry',
  columns: [
    // Not unique in Mosaic: a group-working step is one id for several children (D2I's Annex A script,
    // admin/tools-ssd_dfe_returns/AnnexA_sqlserver_v1.2.0_1_20240731.sql, joins on id and person).
    { name: 's47e_s47_enquiry_id', layout: 'ssd', type: 'text', required: true },
    { name: 's47e_person_id', layout: 'ssd', type: 'text', required: true },
    // "Date of the strategy discussion at which the Section 47 Enquiries were initiated" (S47E004A).
    { name: 's47e_s47_start_date', layout: 'ssd', type: 'date', inHeader: true },
  ],
  add(row, _rowNumber, out) {
    out.frontDoor.enquiry(out.enquiryIds.ordinal(row.text(0)), out.person(row.text(1)), row.optionalDay(2));
  },
};
