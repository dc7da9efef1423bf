/**
 * Reads a bank-holiday file: the project's snapshot format, or GOV.UK's own
 * bank-holidays.json (https://www.gov.uk/bank-holidays.json), so an operator can drop in
 * either. Pure: the caller reads the file and passes its text. Every problem is reported
 * with the file's name, the entry and what is wrong, as a `HolidayFileError`.
 */
import * as z from 'zod';
import { dayFromParts, parseIsoDay } from '../calendar';
import { issueLines } from '../config/zod-helpers';
import { UserError } from '../errors';
import { printable } from '../printable';
import type { Day } from '../types';

/** The division the shipped snapshot holds and a GOV.UK file is read for. */
export const DEFAULT_DIVISION = 'england-and-wales';

/** A bank-holiday file is invalid; the message names the file, the entry and the problem. */
export class HolidayFileError extends UserError {
  override name = 'HolidayFileError';
}

/** A validated holiday list: every holiday of every year from firstYear to lastYear. */
export interface HolidayCalendarData {
  source: string;
  division: string;
  firstYear: number;
  lastYear: number;
  /** Ascending, without duplicates (GOV.UK lists a day twice when two holidays share it). */
  holidays: Day[];
}

const isoDate = z.string().refine((text) => parseIsoDay(text) !== null, { message: 'not a YYYY-MM-DD calendar date' });
const event = z.object({ date: isoDate, title: z.string().min(1) });
const year = z.number().int().min(1900).max(2200);

/** The project's own snapshot format (bank-holidays.england-and-wales.json). */
const snapshotSchema = z.strictObject({
  source: z.string().min(1),
  retrieved: isoDate,
  division: z.string().min(1),
  firstYear: year,
  lastYear: year,
  events: z.array(event).min(1),
});

/** GOV.UK's bank-holidays.json: `{ "england-and-wales": { "division", "events": [...] }, "scotland": ... }`. */
const govUkDivision = z.object({ division: z.string(), events: z.array(event).min(1) });

/**
 * Parses and validates a holiday file's text.
 * @param fileName names the file in error messages.
 * @param division the GOV.UK division to read when the file is GOV.UK's own format.
 */
export function parseHolidayFile(text: string, fileName: string, division = DEFAULT_DIVISION): HolidayCalendarData {
  const fail = (problem: string): never => {
    throw new HolidayFileError(`Bank-holiday file ${printable(fileName)}: ${problem}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${error instanceof Error ? printable(error.message) : 'unreadable'})`);
  }
  return parseHolidayValue(value, fileName, division);
}

/** As parseHolidayFile, for a value already parsed from JSON (the shipped snapshot is imported as a module). */
export function parseHolidayValue(value: unknown, fileName: string, division = DEFAULT_DIVISION): HolidayCalendarData {
  const fail = (problem: string): never => {
    throw new HolidayFileError(`Bank-holiday file ${printable(fileName)}: ${problem}`);
  };
  const invalid = (issues: readonly z.core.$ZodIssue[], what: string): never =>
    fail(`not a valid ${what}:\n${issueLines(issues.slice(0, 20)).join('\n')}`);

  if (typeof value === 'object' && value !== null && 'events' in value) {
    const parsed = snapshotSchema.safeParse(value);
    if (!parsed.success) return invalid(parsed.error.issues, 'bank-holiday snapshot');
    const { source, firstYear, lastYear, events } = parsed.data;
    if (firstYear > lastYear) fail(`firstYear ${firstYear} is after lastYear ${lastYear}`);
    return checked(fail, { source, division: parsed.data.division, firstYear, lastYear }, events, 'events');
  }
  const record = z.record(z.string(), z.unknown()).safeParse(value);
  if (!record.success || !(division in record.data))
    return fail(`neither the snapshot format (with "events") nor GOV.UK's bank-holidays.json with "${division}"`);
  const parsed = govUkDivision.safeParse(record.data[division]);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [division, ...issue.path] }));
    return invalid(issues, `GOV.UK bank-holidays.json`);
  }
  const years = parsed.data.events.map((entry) => Number(entry.date.slice(0, 4)));
  const header = { source: 'GOV.UK bank-holidays.json', division, firstYear: Math.min(...years) };
  return checked(fail, { ...header, lastYear: Math.max(...years) }, parsed.data.events, `${division}.events`);
}

/**
 * Every event inside the declared years, and every declared year with at least one holiday:
 * England and Wales have had bank holidays every year, so an empty year is a gap in the file,
 * and a gap must not turn into a year of working days.
 */
function checked(
  fail: (problem: string) => never,
  header: Omit<HolidayCalendarData, 'holidays'>,
  events: ReadonlyArray<{ date: string; title: string }>,
  where: string,
): HolidayCalendarData {
  const days = new Set<Day>();
  const yearsSeen = new Set<number>();
  events.forEach((entry, index) => {
    const entryYear = Number(entry.date.slice(0, 4));
    if (entryYear < header.firstYear || entryYear > header.lastYear)
      fail(`${where}[${index}] (${entry.date}) is outside ${header.firstYear}–${header.lastYear}`);
    yearsSeen.add(entryYear);
    days.add(parseIsoDay(entry.date) ?? fail(`${where}[${index}]: not a date`));
  });
  const missing: number[] = [];
  for (let y = header.firstYear; y <= header.lastYear; y += 1) if (!yearsSeen.has(y)) missing.push(y);
  if (missing.length > 0) fail(`no holidays listed for ${missing.join(', ')} (a year cannot be left out)`);
  return { ...header, holidays: [...days].sort((a, b) => a - b) };
}

/** The first and last Day of the years a holiday list covers. */
export function coveredDays(data: Pick<HolidayCalendarData, 'firstYear' | 'lastYear'>): { first: Day; last: Day } {
  return { first: dayFromParts(data.firstYear, 1, 1), last: dayFromParts(data.lastYear, 12, 31) };
}
