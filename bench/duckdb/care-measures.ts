/**
 * The children-in-care measures' SQL over the working tables of care.ts: (col, num, den) for
 * every column; den is NULL for counts.
 */
import { FIRST_REVIEW_LOOKUP_MONTHS } from '../../functions/core/measures/care/care-reviews';
import { VISIT_WINDOW_DAYS } from '../../functions/core/measures/registry/care-timeliness';
import { windowStart } from './cp-measures';
import type { MeasureParams, MeasureSql } from './sql-common';

/** Children (each once) with a period of care starting or ending in the column's window [a, b]. */
const childrenWithPeriodEvent = (dateColumn: string) => `
    SELECT c.col, count(DISTINCT x.person) AS num, NULL AS den
    FROM cols c LEFT JOIN cla_periods x ON x.${dateColumn} BETWEEN c.a AND c.b GROUP BY c.col`;

/**
 * Children in care at d since on or before x (x = d − W, or with windowWorkingDays the working-day window start,
 * as the CP visit SQL computes it), and of them those with a seen visit in (x, d].
 */
const visitedInCare = (params: MeasureParams) => `
    WITH windows AS (SELECT c.col, c.d, ${windowStart(params, VISIT_WINDOW_DAYS)} AS x FROM cols c),
    due AS (
      SELECT DISTINCT w.col, w.d, w.x, p.person FROM windows w JOIN cla_periods p
        ON is_open(p.start_date, p.end_date, w.d) AND p.start_date <= w.x),
    seen AS (
      SELECT DISTINCT due.col, due.person FROM due JOIN cla_seen_visits v
        ON v.person = due.person AND v.visit_date > due.x AND v.visit_date <= due.d)
    SELECT c.col, count(seen.person) AS num, count(due.person) AS den
    FROM cols c LEFT JOIN due ON due.col = c.col
      LEFT JOIN seen ON seen.col = due.col AND seen.person = due.person
    GROUP BY c.col`;

/** Children in care at d, each once. */
const IN_CARE =
  'SELECT DISTINCT c.col, c.d, x.person FROM cols c JOIN cla_periods x ON is_open(x.start_date, x.end_date, c.d)';

/** Placements of a day or more in the twelve months to d (start ≤ d, end missing or on/after d − 1 year + 1 day). */
const threePlacements = () => `
    WITH in_care AS (${IN_CARE}),
    n AS (
      SELECT i.col, i.person, count(p.person) AS placements FROM in_care i LEFT JOIN cla_placements p
        ON p.person = i.person AND p.start_date <= i.d
        AND (p.end_date IS NULL OR (p.end_date > p.start_date AND p.end_date >= (i.d - INTERVAL 1 YEAR)::DATE + 1))
      GROUP BY i.col, i.person)
    SELECT c.col, count(n.person) FILTER (WHERE n.placements >= 3) AS num, count(n.person) AS den
    FROM cols c LEFT JOIN n ON n.col = c.col GROUP BY c.col`;

/**
 * Long-term stability: in care at d for a period that started 30 months or more before, under 16 at d (date of
 * birth from ssd_person); stable when a placement open at d started 2 years or more before d, an adoptive one
 * (A3–A6) counting from the start of the placement before it when that one ran up to it.
 */
const longTermStability = () => `
    WITH due AS (
      SELECT DISTINCT c.col, c.d, x.person FROM cols c
        JOIN cla_periods x ON is_open(x.start_date, x.end_date, c.d) AND x.start_date <= (c.d - INTERVAL 30 MONTH)::DATE
        JOIN ssd_person s ON s.pers_person_id = x.person AND c.d < (s.pers_dob + INTERVAL 16 YEAR)::DATE),
    placed AS (
      SELECT person, start_date, end_date, placement_type,
        lag(start_date) OVER w AS previous_start, lag(end_date) OVER w AS previous_end
      FROM cla_placements WINDOW w AS (PARTITION BY person ORDER BY start_date)),
    stable AS (
      SELECT DISTINCT due.col, due.person FROM due JOIN placed p
        ON p.person = due.person AND is_open(p.start_date, p.end_date, due.d)
        AND CASE WHEN regexp_matches(upper(trim(coalesce(p.placement_type, ''))), '^A[3-6]$')
              AND p.previous_start IS NOT NULL AND (p.previous_end IS NULL OR p.previous_end >= p.start_date)
            THEN least(p.previous_start, p.start_date) ELSE p.start_date END <= (due.d - INTERVAL 2 YEAR)::DATE)
    SELECT c.col, count(stable.person) AS num, count(due.person) AS den
    FROM cols c LEFT JOIN due ON due.col = c.col
      LEFT JOIN stable ON stable.col = due.col AND stable.person = due.person
    GROUP BY c.col`;

/**
 * Care reviews: for each child in care at d, the steps of the walk as (due, met_by) — the first due 20 working days
 * after the start (not looked up for a period started 15 months or more before d: it stands as the year's start),
 * met by the first held review on or after the start; then review k's 3 (k = 1) or 6 months, met by review k + 1.
 * Late when some step's overdue days (due, met_by] (met_by missing: no end) meet (d − 1 year, d].
 */
const reviewsTimely = () => `
    WITH in_care AS MATERIALIZED (
      SELECT c.col, c.d, (c.d - INTERVAL 1 YEAR)::DATE AS year_start, x.person, x.start_date,
        x.start_date > (c.d - INTERVAL ${FIRST_REVIEW_LOOKUP_MONTHS} MONTH)::DATE AS recent
      FROM cols c JOIN cla_periods x ON is_open(x.start_date, x.end_date, c.d)),
    -- Looked up only for the recent starts (the calendar raises an error for a day before its years).
    recent AS MATERIALIZED (SELECT DISTINCT start_date FROM in_care WHERE recent),
    deadlines AS (SELECT start_date, wd_deadline(start_date, 20) AS first_due FROM recent),
    with_due AS (
      SELECT i.*, CASE WHEN i.recent THEN dl.first_due END AS first_due
      FROM in_care i LEFT JOIN deadlines dl ON dl.start_date = i.start_date),
    due AS (SELECT * FROM with_due WHERE first_due IS NULL OR first_due <= d),
    held AS (
      SELECT due.col, due.person, r.review_date,
        row_number() OVER (PARTITION BY due.col, due.person ORDER BY r.review_date) AS k,
        lead(r.review_date) OVER (PARTITION BY due.col, due.person ORDER BY r.review_date) AS next_review
      FROM due JOIN cla_held_reviews r ON r.person = due.person AND r.review_date >= due.start_date),
    steps AS (
      SELECT due.col, due.person, due.d, due.year_start, coalesce(due.first_due, due.year_start) AS due_date,
        (SELECT h.review_date FROM held h WHERE h.col = due.col AND h.person = due.person AND h.k = 1) AS met_by
      FROM due
      UNION ALL
      SELECT h.col, h.person, due.d, due.year_start,
        (h.review_date + CASE WHEN h.k = 1 THEN INTERVAL 3 MONTH ELSE INTERVAL 6 MONTH END)::DATE, h.next_review
      FROM held h JOIN due ON due.col = h.col AND due.person = h.person),
    late AS (
      SELECT DISTINCT col, person FROM steps
      WHERE greatest(due_date, year_start) < least(coalesce(met_by, DATE '9999-12-31'), d))
    SELECT c.col, count(due.person) - count(late.person) AS num, count(due.person) AS den
    FROM cols c LEFT JOIN due ON due.col = c.col
      LEFT JOIN late ON late.col = due.col AND late.person = due.person
    GROUP BY c.col`;

/** Children missing from care at some time in [a, b]: an episode starting by b and not over before a. */
const missingChildren = () => `
    SELECT c.col, count(DISTINCT m.person) AS num, NULL AS den
    FROM cols c LEFT JOIN missing_in_care m ON m.start_date <= c.b AND (m.end_date IS NULL OR m.end_date >= c.a)
    GROUP BY c.col`;

export const CARE_SQL = {
  cla_starts: () => childrenWithPeriodEvent('start_date'),
  cla_ceased: () => childrenWithPeriodEvent('end_date'),
  cla_visits_timely_pct: visitedInCare,
  cla_reviews_timely_pct: reviewsTimely,
  cla_placements_3plus_pct: threePlacements,
  cla_long_term_stability_pct: longTermStability,
  cla_missing: missingChildren,
} satisfies Record<string, MeasureSql>;
