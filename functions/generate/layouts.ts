/**
 * The column sets the generator writes, per layout:
 * - spec: the columns of docs/EXTRACT.md (the contract the pack was first built on);
 * - systemc: the SSD as D2I's SystemC/Eclipse scripts create it (data-to-insight/
 *   ssd-data-model, deployment_extracts/systemc/live/ssd_deployment_proc_files/procs/
 *   ssd_*.sql, v1.4.5): every column of each table, in its order, SQL Server datetimes,
 *   the text NULL for a missing value, plus ssd_cin_episodes;
 * - mosaic: as the Mosaic script creates it (deployment_extracts/mosaic/live/
 *   ssd_deployment_individual_files/populate_ssd_data_warehouse.sql): cin_plan_id, no
 *   person on CP visits and CP reviews, CIN visits carrying the referral id. (That script
 *   declares cppv_cp_visit_id twice in ##ssd_cp_visits; it is written once here.)
 * Only column names are taken from those files: the values are the generator's own.
 */
import type { TableName } from '../core/types';
import { CARE_MOSAIC, CARE_SPEC, CARE_SYSTEMC } from './care-layouts';
import { CARE_LEAVER_SPEC, CARE_LEAVER_SYSTEMC } from './care-leaver-layouts';

export const LAYOUTS = ['spec', 'systemc', 'mosaic'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** A header name, and the generator field it is filled from when that has another name. */
type Column = string | { header: string; from: string };
export type LayoutColumns = Partial<Record<TableName, readonly Column[]>>;

const SPEC: LayoutColumns = {
  ssd_cp_plans: [
    'cppl_cp_plan_id',
    'cppl_person_id',
    'cppl_cp_plan_start_date',
    'cppl_cp_plan_end_date',
    'cppl_cp_plan_initial_category',
    'cppl_number_of_previous_cp_plans',
    'cppl_cp_plan_transfer_out',
  ],
  ssd_initial_cp_conference: ['icpc_cp_plan_id', 'icpc_icpc_transfer_in', 'icpc_icpc_date', 'icpc_s47_enquiry_id'],
  ssd_cp_reviews: ['cppr_cp_plan_id', 'cppr_cp_review_date', 'cppr_cp_review_due'],
  ssd_cp_visits: ['cppv_person_id', 'cppv_cp_visit_date', 'cppv_cp_visit_seen', 'cppv_cp_plan_id'],
  ssd_cin_plans: ['cinp_cin_plan_id', 'cinp_person_id', 'cinp_cin_plan_start_date', 'cinp_cin_plan_end_date'],
  ssd_cin_visits: ['cinv_person_id', 'cinv_cin_visit_date', 'cinv_cin_visit_seen'],
  ssd_cla_episodes: [
    'clae_cla_episode_id',
    'clae_person_id',
    'clae_cla_episode_start_date',
    'clae_cla_episode_ceased_date',
  ],
  // The front door (front-door.ts).
  ssd_cin_episodes: [
    'cine_referral_id',
    'cine_person_id',
    'cine_referral_date',
    'cine_referral_nfa',
    'cine_close_reason',
    'cine_close_date',
  ],
  ssd_contacts: ['cont_contact_id', 'cont_person_id', 'cont_contact_date'],
  ssd_cin_assessments: [
    'cina_assessment_id',
    'cina_person_id',
    'cina_assessment_start_date',
    'cina_assessment_auth_date',
  ],
  ssd_s47_enquiry: ['s47e_s47_enquiry_id', 's47e_person_id', 's47e_s47_start_date'],
  ...CARE_SPEC,
  ...CARE_LEAVER_SPEC,
};

const CP_PLANS = [
  'cppl_cp_plan_id',
  'cppl_referral_id',
  'cppl_icpc_id',
  'cppl_person_id',
  'cppl_cp_plan_start_date',
  'cppl_cp_plan_end_date',
  'cppl_cp_plan_ola',
  'cppl_cp_plan_initial_category',
  'cppl_cp_plan_latest_category',
];
const ICPC = [
  'icpc_icpc_id',
  'icpc_icpc_meeting_id',
  'icpc_s47_enquiry_id',
  'icpc_person_id',
  'icpc_cp_plan_id',
  'icpc_referral_id',
  'icpc_icpc_transfer_in',
  'icpc_icpc_target_date',
  'icpc_icpc_date',
  'icpc_icpc_outcome_cp_flag',
  'icpc_icpc_outcome_json',
  'icpc_icpc_team',
  'icpc_icpc_worker_id',
];
const CIN_EPISODES = [
  'cine_referral_id',
  'cine_person_id',
  'cine_referral_date',
  'cine_cin_primary_need_code',
  'cine_referral_source_code',
  'cine_referral_source_desc',
  'cine_referral_outcome_json',
  'cine_referral_nfa',
  'cine_close_reason',
  'cine_close_date',
  'cine_referral_team',
  'cine_referral_worker_id',
];
const CONTACTS = [
  'cont_contact_id',
  'cont_person_id',
  'cont_contact_date',
  'cont_contact_source_code',
  'cont_contact_source_desc',
  'cont_contact_outcome_json',
];
const CIN_ASSESSMENTS = [
  'cina_assessment_id',
  'cina_person_id',
  'cina_referral_id',
  'cina_assessment_start_date',
  'cina_assessment_child_seen',
  'cina_assessment_auth_date',
  'cina_assessment_outcome_json',
  'cina_assessment_outcome_nfa',
  'cina_assessment_team',
  'cina_assessment_worker_id',
];
const S47_ENQUIRY = [
  's47e_s47_enquiry_id',
  's47e_referral_id',
  's47e_person_id',
  's47e_s47_start_date',
  's47e_s47_end_date',
  's47e_s47_nfa',
  's47e_s47_outcome_json',
];
const VISIT_FLAGS = (prefix: string) => [
  `${prefix}_visit_seen`,
  `${prefix}_visit_seen_alone`,
  `${prefix}_visit_bedroom`,
];

const SYSTEMC: LayoutColumns = {
  ssd_cp_plans: CP_PLANS,
  ssd_initial_cp_conference: ICPC,
  ssd_cp_reviews: [
    'cppr_cp_review_id',
    'cppr_person_id',
    'cppr_cp_plan_id',
    'cppr_cp_review_due',
    'cppr_cp_review_date',
    'cppr_cp_review_meeting_id',
    'cppr_cp_review_outcome_continue_cp',
    'cppr_cp_review_quorate',
    'cppr_cp_review_participation',
  ],
  ssd_cp_visits: [
    'cppv_cp_visit_id',
    'cppv_person_id',
    'cppv_cp_plan_id',
    'cppv_cp_visit_date',
    ...VISIT_FLAGS('cppv_cp'),
  ],
  ssd_cin_plans: [
    'cinp_cin_plan_id',
    'cinp_referral_id',
    'cinp_person_id',
    'cinp_cin_plan_start_date',
    'cinp_cin_plan_end_date',
    'cinp_cin_plan_team',
    'cinp_cin_plan_worker_id',
  ],
  ssd_cin_visits: ['cinv_cin_visit_id', 'cinv_person_id', 'cinv_cin_visit_date', ...VISIT_FLAGS('cinv_cin')],
  ssd_cla_episodes: [
    'clae_cla_episode_id',
    'clae_person_id',
    'clae_cla_placement_id',
    'clae_cla_episode_start_date',
    'clae_cla_episode_start_reason',
    'clae_cla_primary_need_code',
    'clae_cla_episode_ceased_date',
    'clae_cla_episode_ceased_reason',
    'clae_cla_id',
    'clae_referral_id',
    'clae_cla_last_iro_contact_date',
    'clae_entered_care_date',
  ],
  ssd_cin_episodes: CIN_EPISODES,
  // The front door: procs/ssd_contacts.sql, ssd_cin_assessments.sql, ssd_s47_enquiry.sql.
  ssd_contacts: CONTACTS,
  ssd_cin_assessments: CIN_ASSESSMENTS,
  ssd_s47_enquiry: [...S47_ENQUIRY.slice(0, 7), 's47e_s47_completed_by_team', 's47e_s47_completed_by_worker_id'],
  ...CARE_SYSTEMC,
  ...CARE_LEAVER_SYSTEMC,
};

const MOSAIC: LayoutColumns = {
  ...SYSTEMC,
  ...CARE_MOSAIC,
  ssd_cp_reviews: [
    'cppr_cp_review_id',
    'cppr_cp_plan_id',
    'cppr_cp_review_due',
    'cppr_cp_review_date',
    'cppr_cp_review_outcome_continue_cp',
    'cppr_cp_review_quorate',
    'cppr_cp_review_participation',
  ],
  ssd_cp_visits: ['cppv_cp_visit_id', 'cppv_cp_plan_id', 'cppv_cp_visit_date', ...VISIT_FLAGS('cppv_cp')],
  ssd_cin_plans: [
    { header: 'cin_plan_id', from: 'cinp_cin_plan_id' },
    'cinp_referral_id',
    'cinp_person_id',
    'cinp_cin_plan_start_date',
    'cinp_cin_plan_end_date',
    'cinp_cin_plan_team',
    'cinp_cin_plan_worker_id',
  ],
  // Mosaic fills cinv_cin_plan_id with the child's referral spanning the visit.
  ssd_cin_visits: [
    'cinv_cin_visit_id',
    { header: 'cinv_cin_plan_id', from: 'cinv_referral_id' },
    'cinv_cin_visit_date',
    ...VISIT_FLAGS('cinv_cin'),
  ],
  // ##ssd_s47_enquiry: the worker before the team.
  ssd_s47_enquiry: [...S47_ENQUIRY, 's47e_s47_completed_by_worker_id', 's47e_s47_completed_by_team'],
};

export const LAYOUT_COLUMNS: Readonly<Record<Layout, LayoutColumns>> = { spec: SPEC, systemc: SYSTEMC, mosaic: MOSAIC };

export const headerOf = (column: Column): string => (typeof column === 'string' ? column : column.header);
export const fieldOf = (column: Column): string => (typeof column === 'string' ? column : column.from);

/** The tables a layout writes, in the reader's order. */
export function layoutTables(layout: Layout, all: readonly TableName[]): TableName[] {
  return all.filter((table) => LAYOUT_COLUMNS[layout][table] !== undefined);
}

const isDateField = (field: string): boolean =>
  field.endsWith('_date') || field.endsWith('_due') || field === 'pers_dob' || field.endsWith('_latest_contact');

/**
 * A generated value as the layout writes it: spec as given ('' = missing); the SSD
 * layouts as SQL Server exports them (datetime with milliseconds, NULL for missing).
 */
export function formatValue(layout: Layout, field: string, value: string | undefined): string {
  if (layout === 'spec') return value ?? '';
  if (value === undefined || value === '' || value === 'NULL') return 'NULL';
  return isDateField(field) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value} 00:00:00.000` : value;
}

/** Collects one block's rows, given by generator field name, as the layout writes them. */
export class BlockWriter {
  readonly rows: Partial<Record<TableName, string[][]>> = {};

  constructor(readonly layout: Layout) {}

  add(table: TableName, values: Record<string, string>): void {
    const columns = LAYOUT_COLUMNS[this.layout][table];
    if (columns === undefined) return;
    const row = columns.map((column) => formatValue(this.layout, fieldOf(column), values[fieldOf(column)]));
    (this.rows[table] ??= []).push(row);
  }
}
