/**
 * The child-protection family of the DuckDB baseline: CP plans, conferences, reviews and
 * visits, CIN plans and visits, care episodes and CIN episodes (for transfers out), loaded
 * as docs/EXTRACT.md and docs/EXTRACT-SSD.md say, with the working tables its measures read.
 */
import type { SqlFamily } from './sql-common';

const TABLES: SqlFamily['tables'] = {
  ssd_cp_plans: [
    { name: 'cppl_cp_plan_id', kind: 'text' },
    { name: 'cppl_person_id', kind: 'text' },
    { name: 'cppl_cp_plan_start_date', kind: 'date' },
    { name: 'cppl_cp_plan_end_date', kind: 'date' },
    { name: 'cppl_number_of_previous_cp_plans', kind: 'int' },
    { name: 'cppl_cp_plan_transfer_out', kind: 'flag' },
    { name: 'cppl_referral_id', kind: 'text' },
    { name: 'cppl_cp_plan_ola', kind: 'flag' },
  ],
  ssd_initial_cp_conference: [
    { name: 'icpc_cp_plan_id', kind: 'text' },
    { name: 'icpc_icpc_transfer_in', kind: 'flag' },
    // For the front door's conference timeliness (front-door.ts).
    { name: 'icpc_icpc_date', kind: 'date' },
    { name: 'icpc_s47_enquiry_id', kind: 'text' },
    { name: 'icpc_person_id', kind: 'text' },
  ],
  ssd_cp_reviews: [
    { name: 'cppr_cp_plan_id', kind: 'text' },
    { name: 'cppr_cp_review_date', kind: 'date' },
    { name: 'cppr_person_id', kind: 'text' },
  ],
  ssd_cp_visits: [
    { name: 'cppv_person_id', kind: 'text' },
    { name: 'cppv_cp_visit_date', kind: 'date' },
    { name: 'cppv_cp_visit_seen', kind: 'flag' },
    { name: 'cppv_cp_plan_id', kind: 'text' },
  ],
  ssd_cin_plans: [
    // Mosaic: cin_plan_id (populate_ssd_data_warehouse.sql).
    { name: 'cinp_cin_plan_id', kind: 'text', alternatives: ['cin_plan_id'] },
    { name: 'cinp_person_id', kind: 'text' },
    { name: 'cinp_cin_plan_start_date', kind: 'date' },
    { name: 'cinp_cin_plan_end_date', kind: 'date' },
    { name: 'cinp_referral_id', kind: 'text' },
  ],
  ssd_cin_visits: [
    { name: 'cinv_person_id', kind: 'text' },
    { name: 'cinv_cin_visit_date', kind: 'date' },
    { name: 'cinv_cin_visit_seen', kind: 'flag' },
    // Mosaic: the child's referral id, despite the name.
    { name: 'cinv_cin_plan_id', kind: 'text' },
  ],
  ssd_cla_episodes: [
    { name: 'clae_cla_episode_id', kind: 'text' },
    { name: 'clae_person_id', kind: 'text' },
    { name: 'clae_cla_episode_start_date', kind: 'date' },
    { name: 'clae_cla_episode_ceased_date', kind: 'date', alternatives: ['clae_cla_episode_ceased'] },
    // The period of care: the care family (care.ts) links Mosaic's placements through it.
    { name: 'clae_cla_id', kind: 'text' },
  ],
  ssd_cin_episodes: [
    { name: 'cine_referral_id', kind: 'text' },
    { name: 'cine_person_id', kind: 'text' },
    { name: 'cine_referral_date', kind: 'date' },
    { name: 'cine_close_date', kind: 'date' },
    { name: 'cine_close_reason', kind: 'text' },
    // For the front door's referral measures (front-door.ts).
    { name: 'cine_referral_nfa', kind: 'flag' },
  ],
};

/**
 * Transfer out per docs/EXTRACT-SSD.md: the local flag when the column exists; else, for
 * an ended plan, its CIN episode (by referral id; with no referral id, the child's one
 * episode open on the end date) closed with RC5; no single episode, or no
 * ssd_cin_episodes at all: unknown (NULL, never counted).
 */
function transferOutSql(loaded: ReadonlyMap<string, Set<string> | null>): string {
  if (loaded.get('ssd_cp_plans')?.has('cppl_cp_plan_transfer_out')) return 'coalesce(p.transfer_flag, false)';
  if (!loaded.get('ssd_cin_episodes')) return 'NULL::BOOLEAN';
  return `CASE WHEN p.end_date IS NULL THEN false ELSE (
    SELECT CASE WHEN count(*) = 1
      THEN bool_and(e.cine_close_date IS NOT NULL
        AND regexp_matches(upper(trim(coalesce(e.cine_close_reason, ''))), '^RC5([^0-9]|$)'))
      END
    FROM ssd_cin_episodes e
    WHERE CASE WHEN p.referral IS NOT NULL THEN e.cine_referral_id = p.referral
      ELSE e.cine_person_id = p.person AND (e.cine_referral_date IS NULL OR e.cine_referral_date <= p.end_date)
        AND (e.cine_close_date IS NULL OR e.cine_close_date >= p.end_date) END) END`;
}

/**
 * The working tables the measures read: plans, conferences, reviews, visits with the
 * spec's defaults applied, ignorable rows dropped, and the SSD rules of docs/EXTRACT-SSD.md
 * (other authorities' plans out with what links to them; reviews with no plan id linked
 * by the child; visits linked through their plan or referral; undated visits not counted).
 */
function prepareSql(loaded: ReadonlyMap<string, Set<string> | null>): string {
  return `
CREATE OR REPLACE TABLE cp_all AS
  SELECT cppl_cp_plan_id AS id, cppl_person_id AS person, cppl_cp_plan_start_date AS start_date,
         cppl_cp_plan_end_date AS end_date, cppl_referral_id AS referral, coalesce(cppl_cp_plan_ola, false) AS ola,
         cppl_cp_plan_transfer_out AS transfer_flag, cppl_number_of_previous_cp_plans AS previous
  FROM ssd_cp_plans;
CREATE OR REPLACE TABLE cp AS
  SELECT p.id, p.person, p.start_date, p.end_date, ${transferOutSql(loaded)} AS transfer_out,
         CASE WHEN p.previous IS NOT NULL THEN p.previous > 0
              ELSE p.start_date > min(p.start_date) OVER (PARTITION BY p.person) END AS is_repeat
  FROM cp_all p WHERE NOT p.ola;
CREATE OR REPLACE TABLE transfer_in_plans AS
  SELECT DISTINCT icpc_cp_plan_id AS id FROM ssd_initial_cp_conference
  WHERE icpc_cp_plan_id IS NOT NULL AND coalesce(icpc_icpc_transfer_in, false);
CREATE OR REPLACE TABLE review_plans AS
  SELECT coalesce(r.cppr_cp_plan_id, (
           SELECT CASE WHEN count(*) = 1 THEN any_value(p.id) END FROM cp_all p
           WHERE p.person = r.cppr_person_id AND p.start_date <= r.cppr_cp_review_date
             AND (p.end_date IS NULL OR r.cppr_cp_review_date <= p.end_date))) AS id,
         r.cppr_cp_review_date AS review_date
  FROM ssd_cp_reviews r WHERE r.cppr_cp_review_date IS NOT NULL;
CREATE OR REPLACE TABLE held_reviews AS
  SELECT DISTINCT id, review_date FROM review_plans
  WHERE id IS NOT NULL AND id NOT IN (SELECT id FROM cp_all WHERE ola);
CREATE OR REPLACE TABLE cp_seen_visits AS
  SELECT coalesce(v.cppv_person_id, p.person) AS person, v.cppv_cp_visit_date AS visit_date
  FROM ssd_cp_visits v LEFT JOIN cp_all p ON p.id = v.cppv_cp_plan_id
  WHERE coalesce(v.cppv_cp_visit_seen, true) AND v.cppv_cp_visit_date IS NOT NULL AND NOT coalesce(p.ola, false)
    AND coalesce(v.cppv_person_id, p.person) IS NOT NULL;
CREATE OR REPLACE TABLE cin_referral AS
  SELECT cinp_referral_id AS referral,
         CASE WHEN count(DISTINCT cinp_person_id) = 1 THEN any_value(cinp_person_id) END AS person
  FROM ssd_cin_plans WHERE cinp_referral_id IS NOT NULL GROUP BY cinp_referral_id;
CREATE OR REPLACE TABLE cin_seen_visits AS
  SELECT coalesce(v.cinv_person_id, r.person) AS person, v.cinv_cin_visit_date AS visit_date
  FROM ssd_cin_visits v LEFT JOIN cin_referral r ON r.referral = v.cinv_cin_plan_id
  WHERE coalesce(v.cinv_cin_visit_seen, true) AND v.cinv_cin_visit_date IS NOT NULL
    AND coalesce(v.cinv_person_id, r.person) IS NOT NULL;
CREATE OR REPLACE TABLE cin AS
  SELECT cinp_person_id AS person, cinp_cin_plan_start_date AS start_date, cinp_cin_plan_end_date AS end_date
  FROM ssd_cin_plans;
CREATE OR REPLACE TABLE cla AS
  SELECT clae_person_id AS person, clae_cla_episode_start_date AS start_date, clae_cla_episode_ceased_date AS end_date
  FROM ssd_cla_episodes;
`;
}

export const CHILD_PROTECTION: SqlFamily = { tables: TABLES, prepare: prepareSql };
