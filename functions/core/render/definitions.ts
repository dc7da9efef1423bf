/**
 * How each measure is counted, in words for readers of the pack (indicators.md, Measures).
 * Shown in the report's Definitions section and the workbook's Definitions sheet.
 */
import type { MeasureName } from '../config/pack-config';

export const MEASURE_DEFINITIONS: Record<MeasureName, string> = {
  cp_children: 'Children with a child protection plan open on the last day of the month (each child counted once).',
  cp_rate: 'Children with a child protection plan open on the last day of the month, per 10,000 children aged 0–17.',
  cla_rate: 'Children with a care episode open on the last day of the month, per 10,000 children aged 0–17.',
  cp_starts: 'Child protection plans that started in the month (year to date: since 1 April).',
  cp_ends: 'Child protection plans that ended in the month (year to date: since 1 April).',
  cp_ended_2y_pct:
    'Of the child protection plans that ended in the period, the percentage that had lasted two ' +
    'years or more. Year to date is all ended plans since 1 April, not an average of months.',
  cp_open_2y_pct:
    'Of the child protection plans open on the last day of the ' +
    'month, the percentage that had been open for two years or more.',
  cp_repeat_pct:
    'Of the child protection plans that started in the period, the percentage ' +
    'for a child who had a previous plan (from the recorded number of ' +
    'previous plans, or an earlier plan in the extract where that is missing).',
  cp_moved_in:
    'Child protection plans that started in the period following a ' +
    'transfer-in conference (the child moved into the area on a plan).',
  cp_moved_out: 'Child protection plans that ended in the period because the child transferred out of the area.',
  cp_reviews_timely_pct:
    'Of the child protection plans open on the last day of the month that ' +
    'have had a review fall due, the percentage never late: first review ' +
    'within 3 months of the start, then each within 6 months of the last.',
  cp_visits_timely_pct:
    'Of the children on a child protection plan on the last day of the month (plan started at least the ' +
    'visit window ago), the percentage seen on a visit within the window (28 days unless configured).',
  cin_visits_timely_pct:
    'Of the children on a child in need plan on the last day of the month (plan started at least the ' +
    'visit window ago), the percentage seen on a visit within the window (42 days unless configured).',
};
