/**
 * The DuckDB baseline's own working-day calendar, written from docs/WORKING-DAYS.md (not from
 * functions/core/working-days/): a table with every day of the bank-holiday file's years and
 * whether it is a working day, and macros for the docs' two rules. DuckDB reads the shipped
 * snapshot file itself, so the only thing shared with the pipeline is the data.
 *
 * `wd_calendar(day, working, worked)`: `worked` is the number of working days from the
 * calendar's first day up to and including `day`, so the working days in (a, b] are
 * worked(b) − worked(a). A day outside the calendar raises an error naming it, never a guess.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_HOLIDAYS_FILE } from '../../functions/core/working-days';
import { sqlString } from './sql-common';

/**
 * The bank-holiday snapshot the core ships (docs/WORKING-DAYS.md, "The bank holidays"), found by walking up from
 * this file: the bench runs it bundled from bench/data/build/, the tests from bench/duckdb/.
 */
function shippedHolidayFile(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, SHIPPED_HOLIDAYS_FILE);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`DuckDB baseline: no ${SHIPPED_HOLIDAYS_FILE} above ${__dirname}`);
  }
}

export const SHIPPED_HOLIDAY_FILE = shippedHolidayFile();

/**
 * The calendar table and the macros:
 * - `wd_worked(d)`: working days from the calendar's start up to and including d;
 * - `wd_between(a, b)`: the working days in (a, b];
 * - `wd_window_start(d, n)`: rule (a), visits: the latest x such that (x, d] holds exactly n working days;
 * - `wd_duration(event, done)`, `wd_within(event, done, n)`, `wd_deadline(event, n)`: rule (b), "within n
 *   working days of an event": the event day is day 0, the duration is the working days in (event, done],
 *   in time when at most n; the deadline is the last day still in time.
 */
export function workingDaysSql(closureDays: readonly string[], holidayFile = SHIPPED_HOLIDAY_FILE): string {
  const closures = closureDays.map((day) => `(DATE ${sqlString(day)})`);
  const json =
    `read_json(${sqlString(holidayFile)}, format = 'auto', ` +
    `columns = {firstYear: 'INTEGER', lastYear: 'INTEGER', events: 'STRUCT(date VARCHAR, title VARCHAR)[]'})`;
  return `
CREATE OR REPLACE TABLE wd_closures (day DATE);
${closures.length ? `INSERT INTO wd_closures VALUES ${closures.join(', ')};` : ''}
CREATE OR REPLACE TABLE wd_file AS SELECT firstYear AS first_year, lastYear AS last_year, events FROM ${json};
CREATE OR REPLACE TABLE wd_holidays AS SELECT DISTINCT CAST(e.date AS DATE) AS day
  FROM (SELECT unnest(events) AS e FROM wd_file);
CREATE OR REPLACE TABLE wd_calendar AS
  WITH days AS (
    SELECT unnest(generate_series(make_date(first_year, 1, 1), make_date(last_year, 12, 31), INTERVAL 1 DAY))::DATE
      AS day FROM wd_file),
  marked AS (
    SELECT day, isodow(day) <= 5 AND day NOT IN (SELECT day FROM wd_holidays)
      AND day NOT IN (SELECT day FROM wd_closures) AS working FROM days)
  SELECT day, working, sum(working::INTEGER) OVER (ORDER BY day) AS worked FROM marked;
CREATE OR REPLACE MACRO wd_outside(d) AS error(
  'the day ' || strftime(d, '%Y-%m-%d') || ' is outside the working-day calendar, which covers ' ||
  (SELECT first_year || '–' || last_year FROM wd_file));
CREATE OR REPLACE MACRO wd_worked(d) AS coalesce((SELECT worked FROM wd_calendar WHERE day = d), wd_outside(d));
CREATE OR REPLACE MACRO wd_between(a, b) AS wd_worked(b) - wd_worked(a);
CREATE OR REPLACE MACRO wd_window_start(d, n) AS coalesce(
  (SELECT max(day) FROM wd_calendar WHERE worked = wd_worked(d) - n),
  error('the window of ' || n || ' working days to ' || strftime(d, '%Y-%m-%d') ||
    ' starts before the working-day calendar, which covers ' || (SELECT first_year || '–' || last_year FROM wd_file)));
CREATE OR REPLACE MACRO wd_duration(event, done) AS CASE
  WHEN done < event
    THEN error('done ' || strftime(done, '%Y-%m-%d') || ' before its event ' || strftime(event, '%Y-%m-%d'))
  ELSE wd_between(event, done) END;
CREATE OR REPLACE MACRO wd_within(event, done, n) AS wd_duration(event, done) <= n;
CREATE OR REPLACE MACRO wd_deadline(event, n) AS CASE
  WHEN (SELECT max(worked) FROM wd_calendar) > wd_worked(event) + n
    THEN (SELECT max(day) FROM wd_calendar WHERE worked <= wd_worked(event) + n)
  ELSE error('the deadline ' || n || ' working days after ' || strftime(event, '%Y-%m-%d') ||
    ' is beyond the working-day calendar, which covers ' || (SELECT first_year || '–' || last_year FROM wd_file))
  END;`;
}
