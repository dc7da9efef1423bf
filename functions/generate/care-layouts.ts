/**
 * The children-in-care tables' columns per layout (layouts.ts spreads them in): the real
 * SSD's names in the real order, from data-to-insight/ssd-data-model (commit 4987c73),
 * deployment_extracts/systemc/live/ssd_deployment_proc_files/procs/ssd_<table>.sql (systemc) and
 * deployment_extracts/mosaic/live/ssd_deployment_individual_files/populate_ssd_data_warehouse.sql
 * (mosaic: no clap_person_id; placements name the period of care).
 */
import type { LayoutColumns } from './layouts';

export const CARE_SPEC: LayoutColumns = {
  ssd_cla_placement: [
    'clap_cla_placement_id',
    'clap_person_id',
    'clap_cla_placement_start_date',
    'clap_cla_placement_end_date',
    'clap_cla_placement_type',
  ],
  ssd_cla_reviews: ['clar_cla_person_id', 'clar_cla_review_date', 'clar_cla_review_due_date'],
  ssd_cla_visits: ['clav_person_id', 'clav_cla_visit_date', 'clav_cla_visit_seen'],
  ssd_missing: [
    'miss_table_id',
    'miss_person_id',
    'miss_missing_episode_start_date',
    'miss_missing_episode_end_date',
    'miss_missing_episode_type',
  ],
};

const MISSING = [
  'miss_table_id',
  'miss_person_id',
  'miss_missing_episode_start_date',
  'miss_missing_episode_type',
  'miss_missing_episode_end_date',
  'miss_missing_rhi_offered',
  'miss_missing_rhi_accepted',
];

export const CARE_SYSTEMC: LayoutColumns = {
  ssd_cla_placement: [
    'clap_cla_placement_id',
    'clap_cla_id',
    'clap_person_id',
    'clap_cla_placement_start_date',
    'clap_cla_placement_type',
    'clap_cla_placement_urn',
    'clap_cla_placement_distance',
    'clap_cla_placement_provider',
    'clap_cla_placement_postcode',
    'clap_cla_placement_end_date',
    'clap_cla_placement_change_reason',
  ],
  ssd_cla_reviews: [
    'clar_cla_review_id',
    'clar_cla_id',
    'clar_cla_person_id',
    'clar_cla_review_due_date',
    'clar_cla_review_date',
    'clar_cla_review_cancelled',
    'clar_cla_review_participation',
  ],
  ssd_cla_visits: [
    'clav_cla_visit_id',
    'clav_cla_id',
    'clav_person_id',
    'clav_cla_visit_date',
    'clav_cla_visit_seen',
    'clav_cla_visit_seen_alone',
  ],
  ssd_missing: MISSING,
};

export const CARE_MOSAIC: LayoutColumns = {
  ssd_cla_placement: [
    'clap_cla_placement_id',
    'clap_cla_placement_start_date',
    'clap_cla_placement_type',
    'clap_cla_placement_urn',
    'clap_cla_placement_distance',
    'clap_cla_id',
    'clap_cla_placement_provider',
    'clap_cla_placement_postcode',
    'clap_cla_placement_end_date',
    'clap_cla_placement_change_reason',
  ],
  ssd_cla_reviews: [
    'clar_cla_review_id',
    'clar_cla_review_due_date',
    'clar_cla_review_date',
    'clar_cla_review_participation',
    'clar_cla_id',
    'clar_cla_review_cancelled',
    'clar_cla_person_id',
  ],
  ssd_cla_visits: [
    'clav_cla_id',
    'clav_cla_visit_id',
    'clav_cla_visit_date',
    'clav_cla_visit_seen',
    'clav_cla_visit_seen_alone',
    'clav_person_id',
  ],
  ssd_missing: MISSING,
};
