/**
 * The SSD tables the pack reads (docs/EXTRACT.md, "Tables"): their columns (by canonical name, with the names other
 * layouts write), which are required, their types, and how a validated row becomes a
 * record of the extract builder. Linking across tables (reviews and visits to plans,
 * other authorities' plans, transfers out) happens after the read (links.ts).
 *
 * Checked at the source, data-to-insight/ssd-data-model (commit 4987c73, 2026-07-14):
 * data/objects/ssd_*.yml; deployment_extracts/systemc/live/ssd_deployment_proc_files/
 * procs/ssd_*.sql (v1.4.5); deployment_extracts/mosaic/live/ssd_deployment_individual_files/
 * populate_ssd_data_warehouse.sql; deployment_extracts_la_release/*_v1.2.4_1.sql. The
 * column-by-column notes are in docs/EXTRACT-SSD.md.
 */
import type { TableName } from '../types';
import type { TableSchema } from './schema-types';
import { CIN_ASSESSMENTS, CONTACTS, S47_ENQUIRY } from './schemas-front-door';
import { CLA_PLACEMENT, CLA_REVIEWS, CLA_VISITS, MISSING } from './schemas-care';
import { CARE_LEAVERS, PERSON } from './schemas-care-leavers';
import { isRc5 } from './transfer-out';

export type { ColumnSchema, ColumnType, RowValue, TableSchema, ColumnLayout } from './schema-types';
export { RowValues } from './schema-types';

const CP_PLANS: TableSchema = {
  table: 'ssd_cp_plans',
  columns: [
    { name: 'cppl_cp_plan_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'cppl_person_id', layout: 'ssd', type: 'text', required: true },
    { name: 'cppl_cp_plan_start_date', layout: 'ssd', type: 'date', required: true },
    { name: 'cppl_cp_plan_end_date', layout: 'ssd', type: 'date' },
    { name: 'cppl_cp_plan_initial_category', layout: 'ssd', type: 'text' },
    // Not in the SSD: D2I's CIN census script counts earlier plans of the person instead.
    { name: 'cppl_number_of_previous_cp_plans', layout: 'spec', type: 'integer', nonNegative: true },
    // Not in the SSD: a local addition; where present it wins over the CIN-episode rule.
    { name: 'cppl_cp_plan_transfer_out', layout: 'spec', type: 'flag', flagDefault: false },
    { name: 'cppl_referral_id', layout: 'ssd', type: 'text' },
    // NCHAR(1) Y/N (procs/ssd_cp_plans.sql: cpp.IS_OLA): a temporary plan for another authority's child.
    { name: 'cppl_cp_plan_ola', layout: 'ssd', type: 'flag', flagDefault: false },
  ],
  span: { start: 2, end: 3, sameDayWarning: true },
  add(row, rowNumber, out) {
    out.addCpPlan(
      {
        id: out.planIds.own(row.text(0)),
        person: out.person(row.text(1)),
        start: row.day(2),
        end: row.optionalDay(3),
        previousPlans: row.optionalInteger(5),
        transferOut: row.flag(6),
        row: rowNumber,
      },
      row.optionalText(7),
      row.flag(8),
    );
  },
};

const INITIAL_CP_CONFERENCE: TableSchema = {
  table: 'ssd_initial_cp_conference',
  columns: [
    { name: 'icpc_cp_plan_id', layout: 'ssd', type: 'text' },
    { name: 'icpc_icpc_transfer_in', layout: 'ssd', type: 'flag', required: true, flagDefault: false },
    { name: 'icpc_icpc_date', layout: 'ssd', type: 'date' },
    // The enquiry the conference followed (data/objects/ssd_initial_cp_conference.yml, ICPC002A).
    { name: 'icpc_s47_enquiry_id', layout: 'ssd', type: 'text' },
    { name: 'icpc_person_id', layout: 'ssd', type: 'text' },
  ],
  add(row, rowNumber, out) {
    const person = row.optionalText(4);
    const s47Id = row.optionalText(3);
    const planId = row.optionalText(0);
    const date = row.optionalDay(2);
    const transferIn = row.flag(1);
    // Kept for conference timeliness only when it can be timed (front-door-links.ts): nationally most rows cannot.
    // Ids kept as stored copies, never as the parser's slices (each would keep its 64 KB of CSV text alive).
    if (s47Id !== null && date !== null && !transferIn)
      out.frontDoor.conferences.push({
        s47: out.enquiryIds.ordinal(s47Id),
        person: person === null ? null : out.person(person),
        planId: planId === null ? null : out.planIds.own(planId),
        date,
        row: rowNumber,
      });
    // A conference that did not lead to a plan has no plan id: it is ignored (spec).
    if (planId === null) return;
    out.initialConferences.push({ planId: out.planIds.own(planId), transferIn, row: rowNumber });
  },
};

const CP_REVIEWS: TableSchema = {
  table: 'ssd_cp_reviews',
  columns: [
    // Nullable: "reviews held pre-LCS implementation don't have a CP_PLAN_ID" (procs/ssd_cp_reviews.sql).
    { name: 'cppr_cp_plan_id', layout: 'ssd', type: 'text' },
    { name: 'cppr_cp_review_date', layout: 'ssd', type: 'date' },
    { name: 'cppr_cp_review_due', layout: 'ssd', type: 'date', mayBeFuture: true },
    // Given "for linking reviews to the ssd_cp_plans object" (same file); Mosaic has no such column.
    { name: 'cppr_person_id', layout: 'ssd', type: 'text' },
  ],
  linkedBy: [0, 3],
  add(row, rowNumber, out) {
    const date = row.optionalDay(1);
    // A review with no date has not been held: it is ignored (spec).
    if (date === null) return;
    const planId = row.optionalText(0);
    if (planId !== null) {
      out.cpReviews.push({ planId: out.planIds.own(planId), date, row: rowNumber });
      return;
    }
    const person = row.optionalText(3);
    out.planlessReviews.push({ person: person === null ? null : out.person(person), date, row: rowNumber });
  },
};

const CP_VISITS: TableSchema = {
  table: 'ssd_cp_visits',
  columns: [
    // Mosaic's ssd_cp_visits has no person column: its visits are linked by cppv_cp_plan_id.
    { name: 'cppv_person_id', layout: 'ssd', type: 'text' },
    // Nullable: the SystemC query keeps rows with "OR cn.EVENT_DTTM IS NULL" (procs/ssd_cp_visits.sql).
    { name: 'cppv_cp_visit_date', layout: 'ssd', type: 'date', inHeader: true },
    { name: 'cppv_cp_visit_seen', layout: 'ssd', type: 'flag', flagDefault: true },
    { name: 'cppv_cp_plan_id', layout: 'ssd', type: 'text' },
  ],
  linkedBy: [0, 3],
  add(row, _rowNumber, out) {
    out.addVisit(out.cpVisits, row.optionalText(0), row.optionalText(3), row.optionalDay(1), row.flag(2));
  },
};

const CIN_PLANS: TableSchema = {
  table: 'ssd_cin_plans',
  columns: [
    {
      name: 'cinp_cin_plan_id',
      layout: 'ssd',
      aliases: [{ name: 'cin_plan_id', layout: 'mosaic' }],
      type: 'text',
      required: true,
      unique: true,
    },
    { name: 'cinp_person_id', layout: 'ssd', type: 'text', required: true },
    { name: 'cinp_cin_plan_start_date', layout: 'ssd', type: 'date', required: true },
    { name: 'cinp_cin_plan_end_date', layout: 'ssd', type: 'date' },
    { name: 'cinp_referral_id', layout: 'ssd', type: 'text' },
  ],
  span: { start: 2, end: 3, sameDayWarning: true },
  add(row, rowNumber, out) {
    out.addCinPlan(
      {
        person: out.person(row.text(1)),
        start: row.day(2),
        end: row.optionalDay(3),
        row: rowNumber,
      },
      row.optionalText(4),
    );
  },
};

const CIN_VISITS: TableSchema = {
  table: 'ssd_cin_visits',
  columns: [
    { name: 'cinv_person_id', layout: 'ssd', type: 'text' },
    // Nullable as CP visits' date (procs/ssd_cin_visits.sql: "OR cn.EVENT_DTTM IS NULL").
    { name: 'cinv_cin_visit_date', layout: 'ssd', type: 'date', inHeader: true },
    { name: 'cinv_cin_visit_seen', layout: 'ssd', type: 'flag', flagDefault: true },
    // Mosaic only, and despite its name the child's referral spanning the visit
    // (max(ref.REFERRAL_ID) ... AS cinv_cin_plan_id): linked through cinp_referral_id.
    { name: 'cinv_cin_plan_id', layout: 'mosaic', type: 'text' },
  ],
  linkedBy: [0, 3],
  add(row, _rowNumber, out) {
    out.addVisit(out.cinVisits, row.optionalText(0), row.optionalText(3), row.optionalDay(1), row.flag(2));
  },
};

const CLA_EPISODES: TableSchema = {
  table: 'ssd_cla_episodes',
  columns: [
    { name: 'clae_cla_episode_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'clae_person_id', layout: 'ssd', type: 'text', required: true },
    { name: 'clae_cla_episode_start_date', layout: 'ssd', type: 'date', required: true },
    {
      name: 'clae_cla_episode_ceased_date',
      layout: 'ssd',
      aliases: [{ name: 'clae_cla_episode_ceased', layout: 'ssd-v1.2' }],
      type: 'date',
    },
    // The period of care (schemas-care.ts): Mosaic's placements name it instead of the child.
    { name: 'clae_cla_id', layout: 'ssd', type: 'text' },
  ],
  // An episode is not a plan: a same-day episode (e.g. a short break) is not suspicious.
  span: { start: 2, end: 3, sameDayWarning: false },
  add(row, rowNumber, out) {
    out.care.episodeOfCla(row.optionalText(4), out.person(row.text(1)));
    out.claEpisodes.push({
      person: out.person(row.text(1)),
      start: row.day(2),
      end: row.optionalDay(3),
      row: rowNumber,
    });
  },
};

/**
 * Referrals (front-door-links.ts) and transfers out (links.ts: cine_close_reason RC5, CIN census code).
 */
const CIN_EPISODES: TableSchema = {
  table: 'ssd_cin_episodes',
  columns: [
    { name: 'cine_referral_id', layout: 'ssd', type: 'text', required: true, unique: true },
    { name: 'cine_person_id', layout: 'ssd', type: 'text', required: true },
    { name: 'cine_referral_date', layout: 'ssd', type: 'date' },
    { name: 'cine_close_date', layout: 'ssd', type: 'date' },
    { name: 'cine_close_reason', layout: 'ssd', type: 'text' },
    // NCHAR(1) Y/N (procs/ssd_cin_episodes.sql: OUTCOME_NFA_FLAG); empty reads as N.
    { name: 'cine_referral_nfa', layout: 'ssd', type: 'flag', flagDefault: false },
  ],
  span: { start: 2, end: 3, sameDayWarning: false },
  sharedIds: { column: 0, table: (out) => out.cinEpisodes.referralIds },
  add(row, _rowNumber, out) {
    out.cinEpisodes.add({
      referral: row.text(0),
      person: out.person(row.text(1)),
      start: row.optionalDay(2),
      close: row.optionalDay(3),
      rc5: isRc5(row.optionalText(4)),
      nfa: row.flag(5),
    });
  },
};

export const TABLE_SCHEMAS: Readonly<Record<TableName, TableSchema>> = {
  ssd_cp_plans: CP_PLANS,
  ssd_initial_cp_conference: INITIAL_CP_CONFERENCE,
  ssd_cp_reviews: CP_REVIEWS,
  ssd_cp_visits: CP_VISITS,
  ssd_cin_plans: CIN_PLANS,
  ssd_cin_visits: CIN_VISITS,
  ssd_cla_episodes: CLA_EPISODES,
  ssd_cin_episodes: CIN_EPISODES,
  ssd_contacts: CONTACTS,
  ssd_cin_assessments: CIN_ASSESSMENTS,
  ssd_s47_enquiry: S47_ENQUIRY,
  ssd_cla_placement: CLA_PLACEMENT,
  ssd_cla_reviews: CLA_REVIEWS,
  ssd_cla_visits: CLA_VISITS,
  ssd_missing: MISSING,
  ssd_care_leavers: CARE_LEAVERS,
  ssd_person: PERSON,
};
