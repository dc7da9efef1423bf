/**
 * The care-leaver family of the DuckDB baseline: ssd_care_leavers and ssd_person's date of
 * birth, and the three percentages over the 19–21 cohort, written from the definition in
 * docs/MEASURES.md (SSDA903 codes or their descriptions, data-to-insight/ssd-data-model
 * data/objects/ssd_care_leavers.yml).
 */
import type { MeasureSql, SqlFamily } from './sql-common';

const TABLES: SqlFamily['tables'] = {
  ssd_care_leavers: [
    { name: 'clea_person_id', kind: 'text' },
    { name: 'clea_care_leaver_eligibility', kind: 'text' },
    { name: 'clea_care_leaver_in_touch', kind: 'text' },
    { name: 'clea_care_leaver_accommodation', kind: 'text' },
    { name: 'clea_care_leaver_accom_suitable', kind: 'text' },
    { name: 'clea_care_leaver_activity', kind: 'text' },
  ],
  ssd_person: [
    { name: 'pers_person_id', kind: 'text' },
    { name: 'pers_dob', kind: 'date' },
  ],
};

/** One row per young person in the cohort's terms: date of birth, and each status as a truth value. */
function prepareSql(loaded: ReadonlyMap<string, Set<string> | null>): string {
  if (!loaded.get('ssd_care_leavers') || !loaded.get('ssd_person')) return '';
  return `
CREATE OR REPLACE TABLE care_leaver AS
  SELECT p.pers_dob AS dob,
    upper(trim(coalesce(l.clea_care_leaver_in_touch, ''))) AS in_touch,
    lower(trim(coalesce(l.clea_care_leaver_eligibility, 'former relevant'))) = 'former relevant' AS former_relevant,
    (lower(trim(coalesce(l.clea_care_leaver_accommodation, ''))) IN ('g', 'h', 'r')
      OR regexp_matches(lower(trim(coalesce(l.clea_care_leaver_accommodation, ''))),
        '^(gone abroad|deported|residence not known)')) AS suitability_unknown,
    (trim(coalesce(l.clea_care_leaver_accom_suitable, '')) = '1'
      OR starts_with(lower(trim(coalesce(l.clea_care_leaver_accom_suitable, ''))),
        'accommodation is considered suitable')) AS suitable,
    (regexp_matches(lower(trim(coalesce(l.clea_care_leaver_activity, ''))), '^[fp][1-5]$')
      OR starts_with(lower(trim(coalesce(l.clea_care_leaver_activity, ''))), 'young person engaged')) AS eet
  FROM ssd_care_leavers l JOIN ssd_person p ON p.pers_person_id = l.clea_person_id
  WHERE p.pers_dob IS NOT NULL;
`;
}

export const CARE_LEAVERS: SqlFamily = { tables: TABLES, prepare: prepareSql };

/** (col, num, den) over the young people aged 19–21 at each column's day, died and returned home left out. */
const overCohort = (denominator: string, numerator: string) => `
    SELECT c.col, count(x.dob) FILTER (WHERE ${denominator} AND ${numerator}) AS num,
      count(x.dob) FILTER (WHERE ${denominator}) AS den
    FROM cols c LEFT JOIN care_leaver x
      ON x.former_relevant AND x.in_touch NOT IN ('DIED', 'RHOM')
        AND c.d >= x.dob + INTERVAL 19 YEAR AND c.d < x.dob + INTERVAL 22 YEAR
    GROUP BY c.col`;

export const CARE_LEAVERS_SQL = {
  care_leavers_in_touch_pct: () => overCohort('true', "x.in_touch = 'YES'"),
  care_leavers_suitable_accommodation_pct: () => overCohort('NOT x.suitability_unknown', 'x.suitable'),
  care_leavers_eet_pct: () => overCohort('true', 'x.eet'),
} satisfies Record<string, MeasureSql>;
