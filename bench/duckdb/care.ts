/**
 * The children-in-care family of the DuckDB baseline: periods of care from the care episodes
 * (loaded by the child-protection family as table `cla`), placements, reviews, visits and
 * missing episodes, with the working tables its measures (care-measures.ts) read. Written
 * from docs/MEASURES.md ("Children in care"), not from the TypeScript.
 */
import type { SqlFamily } from './sql-common';

const TABLES: SqlFamily['tables'] = {
  ssd_missing: [
    { name: 'miss_person_id', kind: 'text' },
    { name: 'miss_missing_episode_start_date', kind: 'date' },
    { name: 'miss_missing_episode_end_date', kind: 'date' },
    { name: 'miss_missing_episode_type', kind: 'text' },
  ],
  ssd_cla_placement: [
    { name: 'clap_person_id', kind: 'text' },
    { name: 'clap_cla_id', kind: 'text' },
    { name: 'clap_cla_placement_start_date', kind: 'date' },
    { name: 'clap_cla_placement_end_date', kind: 'date' },
    { name: 'clap_cla_placement_type', kind: 'text' },
  ],
  ssd_cla_reviews: [
    { name: 'clar_cla_person_id', kind: 'text' },
    { name: 'clar_cla_review_date', kind: 'date' },
    { name: 'clar_cla_review_cancelled', kind: 'flag' },
  ],
  ssd_cla_visits: [
    { name: 'clav_person_id', kind: 'text' },
    { name: 'clav_cla_id', kind: 'text' },
    { name: 'clav_cla_visit_date', kind: 'date' },
    { name: 'clav_cla_visit_seen', kind: 'flag' },
  ],
};

/**
 * A period of care: a child's episodes merged while each starts on or before the latest
 * ceased date so far (gaps and islands; an open episode counts as ceasing at the end of time).
 */
function prepareSql(): string {
  return `
CREATE OR REPLACE TABLE cla_periods AS
  WITH e AS (
    SELECT person, start_date, coalesce(end_date, DATE '9999-12-31') AS end_or_max FROM cla),
  m AS (
    SELECT *, max(end_or_max) OVER (PARTITION BY person ORDER BY start_date, end_or_max
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end FROM e),
  g AS (
    SELECT *, sum(CASE WHEN previous_end IS NULL OR start_date > previous_end THEN 1 ELSE 0 END)
      OVER (PARTITION BY person ORDER BY start_date, end_or_max ROWS UNBOUNDED PRECEDING) AS period FROM m)
  SELECT person, min(start_date) AS start_date, nullif(max(end_or_max), DATE '9999-12-31') AS end_date
  FROM g GROUP BY person, period;
CREATE OR REPLACE TABLE cla_of_period AS
  SELECT clae_cla_id AS cla_id, min(clae_person_id) AS person FROM ssd_cla_episodes
  WHERE clae_cla_id IS NOT NULL GROUP BY clae_cla_id;
CREATE OR REPLACE TABLE cla_placements AS
  SELECT coalesce(p.clap_person_id, k.person) AS person, p.clap_cla_placement_start_date AS start_date,
         p.clap_cla_placement_end_date AS end_date, p.clap_cla_placement_type AS placement_type
  FROM ssd_cla_placement p LEFT JOIN cla_of_period k ON k.cla_id = p.clap_cla_id
  WHERE coalesce(p.clap_person_id, k.person) IS NOT NULL;
CREATE OR REPLACE TABLE missing_in_care AS
  SELECT m.miss_person_id AS person, m.miss_missing_episode_start_date AS start_date,
         m.miss_missing_episode_end_date AS end_date
  FROM ssd_missing m
  WHERE NOT regexp_matches(lower(trim(coalesce(m.miss_missing_episode_type, ''))), '^(a|absent|away)\\b')
    AND EXISTS (SELECT 1 FROM cla_periods p
      WHERE p.person = m.miss_person_id AND is_open(p.start_date, p.end_date, m.miss_missing_episode_start_date));
CREATE OR REPLACE TABLE cla_held_reviews AS
  SELECT DISTINCT clar_cla_person_id AS person, clar_cla_review_date AS review_date FROM ssd_cla_reviews
  WHERE clar_cla_review_date IS NOT NULL AND NOT coalesce(clar_cla_review_cancelled, false);
CREATE OR REPLACE TABLE cla_seen_visits AS
  SELECT coalesce(v.clav_person_id, k.person) AS person, v.clav_cla_visit_date AS visit_date
  FROM ssd_cla_visits v LEFT JOIN cla_of_period k ON k.cla_id = v.clav_cla_id
  WHERE coalesce(v.clav_cla_visit_seen, true) AND v.clav_cla_visit_date IS NOT NULL
    AND coalesce(v.clav_person_id, k.person) IS NOT NULL;
`;
}

export const CARE: SqlFamily = { tables: TABLES, prepare: prepareSql };
