/**
 * The children-in-care tables beyond ssd_cla_episodes (docs/EXTRACT.md, "Children in care"):
 * placements, care reviews, statutory visits and missing episodes. Column names as the SSD
 * writes them, checked at data-to-insight/ssd-data-model (commit 4987c73): data/objects/
 * ssd_cla_placement.yml, ssd_cla_reviews.yml, ssd_cla_visits.yml, ssd_missing.yml; the SystemC
 * procs deployment_extracts/systemc/live/ssd_deployment_proc_files/procs/ssd_<table>.sql; the
 * Mosaic deployment_extracts/mosaic/live/ssd_deployment_individual_files/
 * populate_ssd_data_warehouse.sql (whose ##ssd_cla_placement has no clap_person_id: its
 * placements name the period of care, clap_cla_id = clae_cla_id).
 */
import type { TableSchema } from './schema-types';

export const CLA_PLACEMENT: TableSchema = {
  table: 'ssd_cla_placement',
  columns: [
    { name: 'clap_cla_placement_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'clap_person_id', layout: 'ssd', type: 'text' },
    { name: 'clap_cla_id', layout: 'ssd', type: 'text' },
    { name: 'clap_cla_placement_start_date', layout: 'ssd', type: 'date', required: true },
    { name: 'clap_cla_placement_end_date', layout: 'ssd', type: 'date' },
    // SSDA903 PLACE codes (U1–U6 foster, A3–A6 placed for adoption, …).
    { name: 'clap_cla_placement_type', layout: 'ssd', type: 'text' },
  ],
  linkedBy: [1, 2],
  span: { start: 3, end: 4, sameDayWarning: false },
  add(row, rowNumber, out) {
    const person = row.optionalText(1);
    out.care.addPlacement(person === null ? null : out.person(person), row.optionalText(2), {
      start: row.day(3),
      end: row.optionalDay(4),
      type: row.optionalText(5),
      row: rowNumber,
    });
  },
};

export const CLA_REVIEWS: TableSchema = {
  table: 'ssd_cla_reviews',
  columns: [
    { name: 'clar_cla_person_id', layout: 'ssd', type: 'text', required: true },
    { name: 'clar_cla_review_date', layout: 'ssd', type: 'date', inHeader: true },
    // NCHAR(1) Y/N (procs/ssd_cla_reviews.sql): a cancelled review was not held.
    { name: 'clar_cla_review_cancelled', layout: 'ssd', type: 'flag', flagDefault: false },
    { name: 'clar_cla_review_due_date', layout: 'ssd', type: 'date', mayBeFuture: true },
  ],
  add(row, _rowNumber, out) {
    const day = row.optionalDay(1);
    // Not held: no date, or cancelled.
    if (day === null || row.flag(2)) return;
    out.care.addReview(out.person(row.text(0)), day);
  },
};

export const CLA_VISITS: TableSchema = {
  table: 'ssd_cla_visits',
  columns: [
    { name: 'clav_person_id', layout: 'ssd', type: 'text' },
    { name: 'clav_cla_visit_date', layout: 'ssd', type: 'date', inHeader: true },
    { name: 'clav_cla_visit_seen', layout: 'ssd', type: 'flag', flagDefault: true },
    { name: 'clav_cla_id', layout: 'ssd', type: 'text' },
  ],
  linkedBy: [0, 3],
  add(row, _rowNumber, out) {
    out.addVisit(out.care.visits, row.optionalText(0), row.optionalText(3), row.optionalDay(1), row.flag(2));
  },
};

export const MISSING: TableSchema = {
  table: 'ssd_missing',
  columns: [
    { name: 'miss_table_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'miss_person_id', layout: 'ssd', type: 'text', required: true },
    { name: 'miss_missing_episode_start_date', layout: 'ssd', type: 'date', required: true },
    { name: 'miss_missing_episode_end_date', layout: 'ssd', type: 'date' },
    // "Missing/ Absent" (ssd_missing.yml): DfE counts missing and away without authorisation apart.
    { name: 'miss_missing_episode_type', layout: 'ssd', type: 'text' },
  ],
  span: { start: 2, end: 3, sameDayWarning: false },
  add(row, rowNumber, out) {
    out.care.missing.push({
      person: out.person(row.text(1)),
      start: row.day(2),
      end: row.optionalDay(3),
      away: isAway(row.optionalText(4)),
      row: rowNumber,
    });
  },
};

/** An episode of "away from placement without authorisation" (Absent, Away, A): not a missing one. */
function isAway(type: string | null): boolean {
  return type !== null && /^(a|absent|away)\b/i.test(type.trim());
}
