/**
 * Calendar arithmetic on `Day`s (whole days since 1970-01-01) and reporting periods
 * (`YYYY-MM`), as docs/MEASURES.md defines it: financial years run 1 April to 31 March,
 * month arithmetic clamps to the end of the month, and a record is open at d when
 * start ≤ d < end. Dates are calendar dates: there are no time zones here.
 */
import type { Day, Period } from './types';

export interface DateParts {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/*
 * Civil date <-> day count by Howard Hinnant's algorithms ("chrono-compatible low-level
 * date algorithms"): plain integer arithmetic, so the measures' many date calculations
 * allocate no Date objects. Days before 1970 are negative.
 */

/** The Day of a valid calendar date (month 1..12, day within the month). */
export function dayFromParts(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function partsOfDay(day: Day): DateParts {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1 };
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1];
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD` calendar date; null when it is not one (e.g. 2013-02-30). */
export function parseIsoDay(text: string): Day | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromParts(year, month, day);
}

/** `YYYY-MM-DD` to Day; throws on anything else (for literals the caller knows are valid). */
export function dayFromIso(text: string): Day {
  const day = parseIsoDay(text);
  if (day === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return day;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function isoFromDay(day: Day): string {
  const { year, month, day: dom } = partsOfDay(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dom)}`;
}

/**
 * The same day of the month n months later, clamped to the last day of that month
 * (31 August + 3 months = 30 November).
 */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dom } = partsOfDay(day);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return dayFromParts(newYear, newMonth, Math.min(dom, daysInMonth(newYear, newMonth)));
}

/** addMonths(d, 12n): 29 February 2012 + 2 years = 28 February 2014. */
export function addYears(day: Day, years: number): Day {
  return addMonths(day, 12 * years);
}

/** Open at d: started on or before d and not yet ended (a record ending on d is closed at d). */
export function isOpenAt(start: Day, end: Day | null, day: Day): boolean {
  return start <= day && (end === null || end > day);
}

// ---- Reporting periods (YYYY-MM) ----

const PERIOD = /^(\d{4})-(\d{2})$/;

export function isPeriod(text: string): boolean {
  const match = PERIOD.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

export function parsePeriod(period: Period): { year: number; month: number } {
  const match = PERIOD.exec(period);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new RangeError(`not a YYYY-MM period: ${JSON.stringify(period)}`);
  return { year: Number(match[1]), month };
}

export function periodOf(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${pad2(month)}`;
}

export function periodOfDay(day: Day): Period {
  const { year, month } = partsOfDay(day);
  return periodOf(year, month);
}

export function periodFirstDay(period: Period): Day {
  const { year, month } = parsePeriod(period);
  return dayFromParts(year, month, 1);
}

export function periodLastDay(period: Period): Day {
  const { year, month } = parsePeriod(period);
  return dayFromParts(year, month, daysInMonth(year, month));
}

export function addPeriods(period: Period, months: number): Period {
  const { year, month } = parsePeriod(period);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  return periodOf(newYear, index - newYear * 12 + 1);
}

export function previousPeriod(period: Period): Period {
  return addPeriods(period, -1);
}

/** The `count` months ending at (and including) `period`, oldest first. */
export function periodsEnding(period: Period, count: number): Period[] {
  const periods: Period[] = [];
  for (let back = count - 1; back >= 0; back -= 1) periods.push(addPeriods(period, -back));
  return periods;
}

/** The full month name, e.g. "November". */
export function monthName(period: Period): string {
  return MONTH_NAMES[parsePeriod(period).month - 1];
}

// ---- Financial years (1 April to 31 March) ----

/** The year in which d's financial year starts: 2013 for any date from April 2013 to March 2014. */
export function financialYearStartOfDay(day: Day): number {
  return financialYearStart(partsOfDay(day));
}

export function financialYearStartOfPeriod(period: Period): number {
  return financialYearStart(parsePeriod(period));
}

function financialYearStart({ year, month }: { year: number; month: number }): number {
  return month >= 4 ? year : year - 1;
}

/** "2013/14" for the financial year starting in 2013. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${pad2((startYear + 1) % 100)}`;
}

/** 1 April of the start year. */
export function financialYearFirstDay(startYear: number): Day {
  return dayFromParts(startYear, 4, 1);
}

/** 31 March of the year after the start year. */
export function financialYearLastDay(startYear: number): Day {
  return dayFromParts(startYear + 1, 3, 31);
}
