/**
 * The child-protection measures' SQL over the working tables of child-protection.ts: for each
 * measure, (col, num, den) for every column; den is NULL for counts (and the population for rates).
 */
import type { MeasureParams, MeasureSql } from './sql-common';

/** The SQL shapes several measures share. */
const snapshotChildren = (table: string) => `
    SELECT c.col, count(DISTINCT x.person) AS num, any_value(pp.n) AS den
    FROM cols c JOIN col_pop pp USING (col)
      LEFT JOIN ${table} x ON is_open(x.start_date, x.end_date, c.d) GROUP BY c.col`;
const flowCount = (dateColumn: string, condition = 'true') => `
    SELECT c.col, count(x.id) FILTER (WHERE ${condition}) AS num, NULL AS den
    FROM cols c LEFT JOIN cp x ON x.${dateColumn} BETWEEN c.a AND c.b GROUP BY c.col`;
const flowPercent = (dateColumn: string, condition: string) => `
    SELECT c.col, count(x.id) FILTER (WHERE ${condition}) AS num, count(x.id) AS den
    FROM cols c LEFT JOIN cp x ON x.${dateColumn} BETWEEN c.a AND c.b GROUP BY c.col`;
/** A whole number parameter, if given. */
function wholeNumber(params: MeasureParams, key: string): number | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new Error(`DuckDB baseline: ${key} is not a whole number`);
  return value;
}

/**
 * x, the day before the visit window (x, d] at a column's d (docs/MEASURES.md): d − W with
 * `windowDays` W (the measure's default when neither window is given), or with
 * `windowWorkingDays` N the latest x such that (x, d] holds exactly N working days.
 */
function windowStart(params: MeasureParams, defaultDays: number): string {
  const workingDays = wholeNumber(params, 'windowWorkingDays');
  if (workingDays !== undefined) return `wd_window_start(c.d, ${workingDays})`;
  return `c.d - ${wholeNumber(params, 'windowDays') ?? defaultDays}`;
}

const visits = (plans: string, seen: string, params: MeasureParams, defaultDays: number) => `
    WITH windows AS (SELECT c.col, c.d, ${windowStart(params, defaultDays)} AS x FROM cols c),
    children AS (
      SELECT w.col, w.d, w.x, p.person, min(p.start_date) AS first_start
      FROM windows w JOIN ${plans} p ON is_open(p.start_date, p.end_date, w.d) GROUP BY w.col, w.d, w.x, p.person),
    due AS (SELECT * FROM children WHERE first_start <= x),
    visited AS (
      SELECT DISTINCT due.col, due.person FROM due JOIN ${seen} v
        ON v.person = due.person AND v.visit_date > due.x AND v.visit_date <= due.d)
    SELECT c.col, count(visited.person) AS num, count(due.person) AS den
    FROM cols c LEFT JOIN due ON due.col = c.col
      LEFT JOIN visited ON visited.col = due.col AND visited.person = due.person
    GROUP BY c.col`;

/** The parameters arrive with the registry's defaults applied. */
export const CHILD_PROTECTION_SQL = {
  cp_children: () => `SELECT col, num, NULL AS den FROM (${snapshotChildren('cp')})`,
  cp_rate: () => snapshotChildren('cp'),
  cla_rate: () => snapshotChildren('cla'),
  cp_starts: () => flowCount('start_date'),
  cp_ends: () => flowCount('end_date'),
  cp_moved_in: () => flowCount('start_date', 'x.id IN (SELECT id FROM transfer_in_plans)'),
  cp_moved_out: () => flowCount('end_date', 'x.transfer_out'),
  cp_ended_2y_pct: () => flowPercent('end_date', 'x.end_date >= x.start_date + to_months(24)'),
  cp_repeat_pct: () => flowPercent('start_date', 'x.is_repeat'),
  cp_open_2y_pct: () => `
        SELECT c.col, count(x.id) FILTER (WHERE c.d >= x.start_date + to_months(24)) AS num, count(x.id) AS den
        FROM cols c LEFT JOIN cp x ON is_open(x.start_date, x.end_date, c.d) GROUP BY c.col`,
  // The walk, without recursion: with the plan's start and its distinct held reviews
  // (after the start, on or before d) in date order, each step t has a due date
  // (start + 3 months, then review + 6 months) and a next review. The plan is late
  // exactly when some step falls due by d and its next review is missing or after
  // the due date: a step due after d ends the walk, and every later step is due later
  // still (addMonths is monotone), so no later step can fall due by d.
  cp_reviews_timely_pct: () => `
        WITH due_plans AS (
          SELECT c.col, c.d, x.id, x.start_date FROM cols c JOIN cp x
            ON is_open(x.start_date, x.end_date, c.d) AND x.start_date + to_months(3) <= c.d),
        steps AS (
          SELECT col, d, id, start_date AS t, (start_date + to_months(3))::DATE AS due FROM due_plans
          UNION ALL
          SELECT p.col, p.d, p.id, r.review_date, (r.review_date + to_months(6))::DATE
            FROM due_plans p JOIN held_reviews r
            ON r.id = p.id AND r.review_date > p.start_date AND r.review_date <= p.d),
        walked AS (
          SELECT col, id, bool_or(due <= d AND (next_review IS NULL OR next_review > due)) AS late
          FROM (SELECT *, lead(t) OVER (PARTITION BY col, id ORDER BY t) AS next_review FROM steps)
          GROUP BY col, id)
        SELECT c.col, count(w.id) FILTER (WHERE NOT w.late) AS num, count(w.id) AS den
        FROM cols c LEFT JOIN walked w ON w.col = c.col GROUP BY c.col`,
  // With neither window given: 28 (CP) and 42 (CIN) calendar days (docs/WORKING-DAYS.md, "In the measures").
  cp_visits_timely_pct: (params) => visits('cp', 'cp_seen_visits', params, 28),
  cin_visits_timely_pct: (params) => visits('cin', 'cin_seen_visits', params, 42),
} satisfies Record<string, MeasureSql>;
