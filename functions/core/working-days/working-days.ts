/**
 * The working-day calendar: a day is a working day unless it is a Saturday, a Sunday, a
 * bank holiday or one of the authority's own closure days. It covers whole calendar years
 * (those of its holiday list) and refuses to answer for a day outside them rather than guess.
 *
 * All counts are of half-open spans (a, b]: the working days after a, up to and including b.
 * Both rules (docs/WORKING-DAYS.md) are stated in those terms:
 *
 * - Visits every N working days, at d: the window is (x, d] with x = windowStart(d, N), the
 *   latest day such that (x, d] holds exactly N working days. A visit on any day of the window
 *   counts, working day or not; the denominator is the children whose plan started on or before x.
 * - Within N working days of an event (DfE's CIN census timescales: assessment within 45 working
 *   days of its start, ICPC within 15 working days of the strategy discussion / S47 start): the
 *   event day is day 0 and the duration of an event done on `done` is the number of working days
 *   in (event, done]; it is in time when that is at most N. deadline(event, N) is the last day
 *   still in time: the day before the (N+1)th working day after the event.
 *
 * Speed: a prefix count of working days over the covered range and the list of working days
 * make every query O(1) after an O(days) build (about 6,600 days for 18 years).
 */
import { isoFromDay, parseIsoDay } from '../calendar';
import { UserError } from '../errors';
import type { Day } from '../types';
import { coveredDays, type HolidayCalendarData } from './holiday-file';

/** A day outside the calendar's years was asked about; the message names it and the years covered. */
export class OutsideWorkingDayCalendarError extends UserError {
  override name = 'OutsideWorkingDayCalendarError';
  constructor(
    readonly day: Day,
    readonly firstYear: number,
    readonly lastYear: number,
    what: string,
  ) {
    super(
      `${what} ${isoFromDay(day)} is outside the working-day calendar, which covers ${firstYear}–${lastYear}` +
        ' (a newer bank-holiday file extends it: docs/WORKING-DAYS.md)',
    );
  }
}

/** The closure days are invalid (not a date, or outside the calendar's years). */
export class ClosureDaysError extends UserError {
  override name = 'ClosureDaysError';
}

export interface WorkingDays {
  readonly firstYear: number;
  readonly lastYear: number;
  /** True when d is inside the covered years. */
  covers(d: Day): boolean;
  isWorkingDay(d: Day): boolean;
  /** The number of working days in (a, b], for a ≤ b; both must be covered (a may be the day before the first). */
  workingDaysBetween(a: Day, b: Day): number;
  /** The latest x such that (x, d] holds exactly n working days (the visits window is (x, d]). */
  windowStart(d: Day, n: number): Day;
  /** The last day still within n working days of the event: the day before the (n+1)th working day after it. */
  deadline(eventDay: Day, n: number): Day;
  /** Whether something done on doneDay (≥ eventDay) is within n working days of the event. */
  withinWorkingDays(eventDay: Day, doneDay: Day, n: number): boolean;
}

export interface WorkingDaysInput {
  holidays: HolidayCalendarData;
  /** The authority's own closure days, `YYYY-MM-DD` (e.g. 27–31 December); each must be inside the covered years. */
  closureDays?: readonly string[];
}

const SATURDAY = 2; // 1970-01-01 was a Thursday, so Day 2 is a Saturday and Day 3 a Sunday.
const isWeekend = (d: Day): boolean => {
  const weekday = (((d - SATURDAY) % 7) + 7) % 7;
  return weekday === 0 || weekday === 1;
};

export function createWorkingDays({ holidays, closureDays = [] }: WorkingDaysInput): WorkingDays {
  const { firstYear, lastYear } = holidays;
  const { first, last } = coveredDays(holidays);
  const length = last - first + 1;
  const closed = new Uint8Array(length);
  for (const day of holidays.holidays) if (day >= first && day <= last) closed[day - first] = 1;
  closureDays.forEach((text, index) => {
    const day = parseIsoDay(text);
    if (day === null)
      throw new ClosureDaysError(`closureDays[${index}]: ${JSON.stringify(text)} is not a YYYY-MM-DD date`);
    if (day < first || day > last)
      throw new ClosureDaysError(
        `closureDays[${index}]: ${text} is outside the calendar's years ${firstYear}–${lastYear}`,
      );
    closed[day - first] = 1;
  });

  // before[i] = working days in [first, first + i), so (a, b] holds before[b - first + 1] - before[a - first + 1].
  const before = new Int32Array(length + 1);
  const working: Day[] = [];
  for (let i = 0; i < length; i += 1) {
    const open = closed[i] === 0 && !isWeekend(first + i);
    if (open) working.push(first + i);
    before[i + 1] = before[i] + (open ? 1 : 0);
  }

  const covers = (d: Day): boolean => Number.isInteger(d) && d >= first && d <= last;
  const need = (d: Day, what: string): void => {
    if (!covers(d)) throw new OutsideWorkingDayCalendarError(d, firstYear, lastYear, what);
  };
  const count = (n: number, what: string): void => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${n}`);
  };
  /** Working days in [first, d], for first - 1 ≤ d ≤ last. */
  const upTo = (d: Day): number => before[d - first + 1];

  return {
    firstYear,
    lastYear,
    covers,
    isWorkingDay(d) {
      need(d, 'the day');
      return before[d - first + 1] > before[d - first];
    },
    workingDaysBetween(a, b) {
      if (a !== first - 1) need(a, 'the start');
      need(b, 'the end');
      if (a > b) throw new RangeError(`the span starts ${isoFromDay(a)}, after it ends ${isoFromDay(b)}`);
      return upTo(b) - upTo(a);
    },
    windowStart(d, n) {
      need(d, 'the evaluation day');
      count(n, 'the number of working days');
      // The window must begin with the (k+1)th working day of the range (0-based k), so x is the day before it.
      const k = upTo(d) - n;
      if (k < 0) throw new OutsideWorkingDayCalendarError(d, firstYear, lastYear, `the ${n}-working-day window ending`);
      return n === 0 ? d : working[k] - 1;
    },
    deadline(eventDay, n) {
      need(eventDay, 'the event day');
      count(n, 'the number of working days');
      const k = upTo(eventDay) + n; // index of the (n+1)th working day after the event
      if (k >= working.length)
        throw new OutsideWorkingDayCalendarError(eventDay, firstYear, lastYear, `the ${n}-working-day deadline after`);
      return working[k] - 1;
    },
    withinWorkingDays(eventDay, doneDay, n) {
      need(eventDay, 'the event day');
      need(doneDay, 'the completion day');
      count(n, 'the number of working days');
      if (doneDay < eventDay)
        throw new RangeError(`done ${isoFromDay(doneDay)} before the event ${isoFromDay(eventDay)}: exclude it first`);
      return upTo(doneDay) - upTo(eventDay) <= n;
    },
  };
}
