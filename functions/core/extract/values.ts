/**
 * Parsers for the cell values of an extract (docs/EXTRACT.md, "Parsing rules"). Each parser
 * takes the raw cell and returns the value, or `undefined` when the cell does not parse:
 * the caller turns that into a data-quality problem naming the row and column. No parser
 * throws, whatever the input.
 */
import { dayFromParts, daysInMonth } from '../calendar';
import type { Day } from '../types';

/** A workbook error cell (`#N/A`, `#REF!`...): never a valid value of any type. */
export class CellError {
  constructor(readonly text: string) {}
}

/** A raw cell as read: CSV cells are always text; workbook cells may be typed. */
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

/** An empty cell, or the text `NULL`, is a missing value (spaces around are ignored). */
export function isMissing(cell: CellValue): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  return text === '' || text === 'NULL';
}

// The time part is validated (so `2013-01-01 25:00` is not silently a date) and then dropped.
// An ISO zone suffix is accepted and ignored: dates are calendar dates, never shifted.
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ]${TIME}(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$`);
const UK_DATE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:[T ]${TIME})?$`);

function validDay(
  year: number,
  month: number,
  day: number,
  hour?: string,
  minute?: string,
  second?: string,
): Day | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59)) return undefined;
  if (second !== undefined && Number(second) > 59) return undefined;
  return dayFromParts(year, month, day);
}

/**
 * The Day of the 1st of every month from 1900 to 2199 (and of January 2200, to give the
 * last month's length): the plain-date path looks a date up here instead of computing it.
 */
const TABLE_FIRST_YEAR = 1900;
const TABLE_MONTHS = 300 * 12;
const MONTH_STARTS = Int32Array.from({ length: TABLE_MONTHS + 1 }, (_, i) =>
  dayFromParts(TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1),
);

const DIGIT_0 = 48;
const DASH = 45;

/** The value of the ASCII digit at `at`, or -1 when it is not one. */
function digitAt(text: string, at: number): number {
  const value = text.charCodeAt(at) - DIGIT_0;
  return value >= 0 && value <= 9 ? value : -1;
}

/**
 * Exactly `YYYY-MM-DD`, read from the character codes: nearly every date of an extract
 * has this form, and this is about three times faster than the regular expressions
 * (millions of date cells nationally). `null` when the text has another form.
 */
function parsePlainIsoDate(text: string): Day | undefined | null {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const y1 = digitAt(text, 0);
  const y2 = digitAt(text, 1);
  const y3 = digitAt(text, 2);
  const y4 = digitAt(text, 3);
  const m1 = digitAt(text, 5);
  const m2 = digitAt(text, 6);
  const d1 = digitAt(text, 8);
  const d2 = digitAt(text, 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) return null;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  const index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (month < 1 || month > 12 || index < 0 || index >= TABLE_MONTHS) return validDay(year, month, day);
  const first = MONTH_STARTS[index];
  return day >= 1 && day <= MONTH_STARTS[index + 1] - first ? first + day - 1 : undefined;
}

/** A date written as text, in any form the spec allows; `undefined` when it is not one. */
export function parseDateText(text: string): Day | undefined {
  const plain = parsePlainIsoDate(text);
  if (plain !== null) return plain;
  const trimmed = text.trim();
  let m = ISO_DATE.exec(trimmed);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
  m = UK_DATE.exec(trimmed);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5], m[6]);
  return undefined;
}

const MS_PER_DAY = 86_400_000;

/**
 * A date cell: text in any allowed form, or a native workbook date. exceljs turns a
 * workbook date serial into a Date at that instant in UTC, so its UTC day is the calendar
 * date (any time of day is dropped). A plain number is not a date.
 */
export function parseDateCell(cell: CellValue): Day | undefined {
  if (typeof cell === 'string') return parseDateText(cell);
  if (cell instanceof Date) {
    const ms = cell.getTime();
    return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : undefined;
  }
  return undefined;
}

const FLAG_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['y', true],
  ['yes', true],
  ['1', true],
  ['true', true],
  ['n', false],
  ['no', false],
  ['0', false],
  ['false', false],
]);

/** A Y/N flag: Y/N, Yes/No, 1/0, true/false in any case; a workbook boolean or 1/0 number. */
export function parseFlagCell(cell: CellValue): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell === 'string') {
    if (cell === 'Y') return true; // the usual spellings, without a lower-case copy per cell
    if (cell === 'N') return false;
    return FLAG_WORDS.get(cell.trim().toLowerCase());
  }
  return undefined;
}

const INTEGER = /^[+-]?\d+(?:\.0*)?$/;

/** A whole number (`3`, `+3`, `3.0`; a workbook number with no fraction). */
export function parseIntegerCell(cell: CellValue): number | undefined {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const trimmed = cell.trim();
  if (!INTEGER.test(trimmed)) return undefined;
  const value = Number.parseInt(trimmed, 10);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * A text cell (identifiers): spaces around are trimmed. Workbook numbers become their
 * shortest decimal text, so an id typed as the number 1234 matches the text `1234`.
 */
export function parseTextCell(cell: CellValue): string | undefined {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : undefined;
  return undefined;
}

/** How a raw cell is shown in a problem message. */
export function describeCell(cell: CellValue): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return Number.isFinite(cell.getTime()) ? cell.toISOString() : 'Invalid Date';
  if (cell instanceof CellError) return cell.text;
  return String(cell);
}
