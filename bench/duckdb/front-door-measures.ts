/**
 * The front-door measures' SQL over the working tables of front-door.ts and child-protection.ts:
 * (col, num, den) for every column; den is NULL for counts and the population for rates.
 */
import type { MeasureParams, MeasureSql } from './sql-common';

const flowRows = (table: string, dateColumn: string) => `
    SELECT c.col, count(x.${dateColumn}) AS num, NULL AS den
    FROM cols c LEFT JOIN ${table} x ON x.${dateColumn} BETWEEN c.a AND c.b GROUP BY c.col`;
const flowRate = (table: string, dateColumn: string) => `
    SELECT f.col, f.num, pp.n AS den FROM (${flowRows(table, dateColumn)}) f JOIN col_pop pp USING (col)`;
const referralPercent = (condition: string) => `
    SELECT c.col, count(r.referral_date) FILTER (WHERE ${condition}) AS num, count(r.referral_date) AS den
    FROM cols c LEFT JOIN referrals r ON r.referral_date BETWEEN c.a AND c.b GROUP BY c.col`;

/**
 * In time: with `windowDays` W, done − event ≤ W; with `windowWorkingDays` N (or neither: the measure's
 * default N working days), at most N working days in (event, done] (the calendar's wd_within macro).
 */
function withinSql(params: MeasureParams, defaultWorkingDays: number, event: string, done: string): string {
  const whole = (key: string): number | undefined => {
    const value = params[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`DuckDB baseline: ${key} is not whole`);
    return value;
  };
  const days = whole('windowDays');
  if (days !== undefined) return `${done} - ${event} <= ${days}`;
  return `wd_within(${event}, ${done}, ${whole('windowWorkingDays') ?? defaultWorkingDays})`;
}

const timely = (table: string, event: string, done: string, condition: string) => `
    SELECT c.col, count(x.${done}) FILTER (WHERE ${condition}) AS num, count(x.${done}) AS den
    FROM cols c LEFT JOIN ${table} x ON x.${done} BETWEEN c.a AND c.b GROUP BY c.col`;

export const FRONT_DOOR_SQL = {
  contacts: () => flowRows('ssd_contacts', 'cont_contact_date'),
  referrals: () => flowRows('referrals', 'referral_date'),
  referral_rate: () => flowRate('referrals', 'referral_date'),
  rereferral_pct: () =>
    referralPercent(`EXISTS (SELECT 1 FROM referrals p WHERE p.person = r.person
      AND p.referral_date BETWEEN (r.referral_date - INTERVAL 12 MONTH)::DATE AND r.referral_date - 1)`),
  referral_nfa_pct: () => referralPercent('r.nfa'),
  s47_rate: () => flowRate('ssd_s47_enquiry', 's47e_s47_start_date'),
  cin_rate: () => `
    SELECT c.col, count(DISTINCT r.person) AS num, any_value(pp.n) AS den
    FROM cols c JOIN col_pop pp USING (col)
      LEFT JOIN referrals r ON NOT r.nfa AND is_open(r.referral_date, r.close_date, c.d) GROUP BY c.col`,
  assessments_timely_pct: (params) =>
    timely('assessments_done', 'start_date', 'done_date', withinSql(params, 45, 'x.start_date', 'x.done_date')),
  icpc_timely_pct: (params) =>
    timely('enquiry_conferences', 's47_start', 'held', withinSql(params, 15, 'x.s47_start', 'x.held')),
} satisfies Record<string, MeasureSql>;
