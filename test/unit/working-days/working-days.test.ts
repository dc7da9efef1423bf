/**
 * The two working-day rules against hand-counted dates (docs/WORKING-DAYS.md). Each
 * expected value is counted from the real calendar in the comment beside it, with the
 * GOV.UK bank holidays of the shipped snapshot; "(n)" marks the nth working day counted.
 */
import fc from 'fast-check';
import { dayFromIso, isoFromDay } from '../../../functions/core/calendar';
import type { Day } from '../../../functions/core/types';
import {
  ClosureDaysError,
  defaultWorkingDays,
  OutsideWorkingDayCalendarError,
  shippedHolidays,
} from '../../../functions/core/working-days';

const d = dayFromIso;
const iso = isoFromDay;
const calendar = defaultWorkingDays();

describe('the shipped GOV.UK snapshot', () => {
  const holidays = new Set(shippedHolidays().holidays.map(iso));

  it('covers 2011 to 2028, every year with at least eight bank holidays', () => {
    expect([calendar.firstYear, calendar.lastYear]).toEqual([2011, 2028]);
    for (let year = 2011; year <= 2028; year += 1)
      expect([...holidays].filter((day) => day.startsWith(`${year}-`)).length).toBeGreaterThanOrEqual(8);
  });

  it('has the one-off and moved holidays GOV.UK lists', () => {
    for (const day of [
      '2011-04-29',
      '2012-06-04',
      '2012-06-05',
      '2020-05-08',
      '2022-06-03',
      '2022-09-19',
      '2023-05-08',
    ])
      expect([day, calendar.isWorkingDay(d(day))]).toEqual([day, false]);
    // The usual dates they replaced are ordinary Mondays in those years.
    for (const day of ['2012-05-28', '2020-05-04', '2022-05-30'])
      expect([day, calendar.isWorkingDay(d(day))]).toEqual([day, true]);
  });
});

describe('windowStart: visits every N working days, window (x, d]', () => {
  it('at a year end, over Christmas and New Year 2012/13', () => {
    // Back from Fri 4 Jan 2013: 4(1) 3(2) 2(3), 1 Jan holiday, Mon 31 Dec(4), weekend, 28(5) 27(6),
    // 26 and 25 holidays, Mon 24(7), weekend, 21(8) 20(9) Wed 19(10): x is Tue 18 December.
    expect(iso(calendar.windowStart(d('2013-01-04'), 10))).toBe('2012-12-18');
    // With closure days 27, 28 and 31 December: 4(1) 3(2) 2(3), 24(4) 21(5) 20(6) 19(7) 18(8) 17(9) Fri 14(10).
    const closing = defaultWorkingDays(['2012-12-27', '2012-12-28', '2012-12-31']);
    expect(iso(closing.windowStart(d('2013-01-04'), 10))).toBe('2012-12-13');
  });

  it('across the moved 2020 early May bank holiday (Fri 8 May, not Mon 4 May)', () => {
    // Back from Tue 12 May 2020: 12(1) 11(2), 8 holiday, weekend, 7(3) 6(4) 5(5) Mon 4(6), weekend,
    // 1(7) 30 Apr(8) 29(9) Tue 28(10): x is Mon 27 April.
    expect(iso(calendar.windowStart(d('2020-05-12'), 10))).toBe('2020-04-27');
  });

  it('evaluated on a weekend: the window runs back to the last working days', () => {
    // Sun 10 May 2020, N = 1: Sat, Fri 8 (holiday), Thu 7(1): x is Wed 6 May; the window holds 7–10 May.
    expect(iso(calendar.windowStart(d('2020-05-10'), 1))).toBe('2020-05-06');
  });

  it('with N large enough to cross the year boundary', () => {
    // Back from Fri 31 Jan 2014: January has 22 working days (1 Jan holiday): 2–3, 6–10, 13–17, 20–24, 27–31.
    // Then 31 Dec(23) 30(24) 27(25) 24(26) 23(27), 16–20 (32), 9–13 (37), 2–6 (42), 29 Nov(43) 28(44) Wed 27(45).
    expect(iso(calendar.windowStart(d('2014-01-31'), 45))).toBe('2013-11-26');
  });

  it('refuses a window that would start before the calendar', () => {
    // 2011 starts with Sat 1, Sun 2, Mon 3 (holiday): by Wed 5 January only two working days are known.
    expect(() => calendar.windowStart(d('2011-01-05'), 3)).toThrow(OutsideWorkingDayCalendarError);
    expect(() => calendar.windowStart(d('2011-01-05'), 3)).toThrow(/2011-01-05.*covers 2011–2028/);
  });
});

describe('deadline and withinWorkingDays: within N working days of an event (event day = day 0)', () => {
  it('over Easter 2013', () => {
    // Event Thu 28 Mar 2013: Good Friday 29, weekend, Easter Monday 1 Apr, Tue 2(1) Wed 3(2) Thu 4(3).
    expect(iso(calendar.deadline(d('2013-03-28'), 2))).toBe('2013-04-03');
    expect(calendar.withinWorkingDays(d('2013-03-28'), d('2013-04-03'), 2)).toBe(true);
    expect(calendar.withinWorkingDays(d('2013-03-28'), d('2013-04-04'), 2)).toBe(false);
  });

  it('ICPC within 15 working days across the moved 2012 spring bank holiday', () => {
    // S47 starts Tue 22 May 2012: 23(1) 24(2) 25(3), Mon 28 May is a working day in 2012 (4), 29(5) 30(6)
    // 31(7) 1 Jun(8), 4 and 5 June holidays, 6(9) 7(10) 8(11) 11(12) 12(13) 13(14) Thu 14(15) Fri 15(16).
    expect(iso(calendar.deadline(d('2012-05-22'), 15))).toBe('2012-06-14');
    expect(calendar.withinWorkingDays(d('2012-05-22'), d('2012-06-14'), 15)).toBe(true); // on the deadline day
    expect(calendar.withinWorkingDays(d('2012-05-22'), d('2012-06-15'), 15)).toBe(false); // the day after
    expect(calendar.workingDaysBetween(d('2012-05-22'), d('2012-06-15'))).toBe(16);
  });

  it('the deadline runs to the day before the next working day (2020 VE day)', () => {
    // Event Fri 1 May 2020: Mon 4(1) 5(2) 6(3) 7(4), Fri 8 holiday, weekend, Mon 11(5): the last day in time is Sun 10.
    expect(iso(calendar.deadline(d('2020-05-01'), 4))).toBe('2020-05-10');
    expect(calendar.withinWorkingDays(d('2020-05-01'), d('2020-05-08'), 4)).toBe(true);
    expect(calendar.withinWorkingDays(d('2020-05-01'), d('2020-05-11'), 4)).toBe(false);
  });

  it('an event on a weekend counts from the next working day', () => {
    // Sat 7 Dec 2013 is day 0: 9–13 (5), 16–20 (10), 23(11) 24(12), 25–26 holidays, 27(13), 30(14) 31(15),
    // 1 Jan holiday, Thu 2 Jan(16): the deadline is Wed 1 January 2014.
    expect(iso(calendar.deadline(d('2013-12-07'), 15))).toBe('2014-01-01');
    expect(calendar.withinWorkingDays(d('2013-12-07'), d('2013-12-31'), 15)).toBe(true);
    expect(calendar.withinWorkingDays(d('2013-12-07'), d('2014-01-02'), 15)).toBe(false);
  });

  it('an assessment within 45 working days across the year end, with and without closure days', () => {
    // Starts Mon 2 Dec 2013: 3–6 (4), 9–13 (9), 16–20 (14), 23(15) 24(16), 27(17), 30(18) 31(19), 2–3 Jan (21),
    // 6–10 (26), 13–17 (31), 20–24 (36), 27–31 (41), Feb 3(42) 4(43) 5(44) Thu 6(45) Fri 7(46).
    expect(iso(calendar.deadline(d('2013-12-02'), 45))).toBe('2014-02-06');
    // Closed 27, 30 and 31 December: three fewer in December, so Feb 6(42) 7(43) 10(44) Tue 11(45) Wed 12(46).
    const closing = defaultWorkingDays(['2013-12-27', '2013-12-30', '2013-12-31']);
    expect(iso(closing.deadline(d('2013-12-02'), 45))).toBe('2014-02-11');
    expect(closing.withinWorkingDays(d('2013-12-02'), d('2014-02-11'), 45)).toBe(true);
    expect(closing.withinWorkingDays(d('2013-12-02'), d('2014-02-12'), 45)).toBe(false);
  });

  it('done on the event day is 0 working days; done before the event is for the caller to exclude', () => {
    expect(calendar.withinWorkingDays(d('2013-12-02'), d('2013-12-02'), 0)).toBe(true);
    expect(() => calendar.withinWorkingDays(d('2013-12-02'), d('2013-12-01'), 15)).toThrow(RangeError);
  });

  it('refuses a deadline beyond the calendar', () => {
    expect(() => calendar.deadline(d('2028-12-20'), 45)).toThrow(OutsideWorkingDayCalendarError);
  });
});

describe('coverage and closure days', () => {
  it('names the day and the covered years for a day outside them', () => {
    expect(() => calendar.isWorkingDay(d('2010-12-31'))).toThrow(
      'the day 2010-12-31 is outside the working-day calendar, which covers 2011–2028',
    );
    expect(() => calendar.deadline(d('2029-01-01'), 1)).toThrow(/2029-01-01/);
    expect(calendar.covers(d('2011-01-01'))).toBe(true);
    expect(calendar.covers(d('2029-01-01'))).toBe(false);
  });

  it('rejects a closure day that is not a date or is outside the years', () => {
    expect(() => defaultWorkingDays(['2013-02-30'])).toThrow(ClosureDaysError);
    expect(() => defaultWorkingDays(['2013-12-27', '2030-12-27'])).toThrow(
      "closureDays[1]: 2030-12-27 is outside the calendar's years 2011–2028",
    );
  });

  it('rejects a negative or fractional number of working days', () => {
    expect(() => calendar.windowStart(d('2013-06-03'), -1)).toThrow(RangeError);
    expect(() => calendar.deadline(d('2013-06-03'), 1.5)).toThrow(RangeError);
  });
});

describe('properties over the whole calendar', () => {
  const first = d('2011-01-01');
  const last = d('2028-12-31');
  const holidaySet = new Set(shippedHolidays().holidays);
  const closures = ['2013-12-27', '2013-12-30', '2013-12-31', '2020-12-29'];
  const closing = defaultWorkingDays(closures);
  const closed = new Set([...holidaySet, ...closures.map(d)]);
  // Independent of the prefix counts: weekday by Date, holidays by set membership.
  const naiveWorking = (day: Day): boolean => {
    const weekday = new Date(day * 86_400_000).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !closed.has(day);
  };
  const naiveCount = (a: Day, b: Day): number => {
    let n = 0;
    for (let day = a + 1; day <= b; day += 1) if (naiveWorking(day)) n += 1;
    return n;
  };
  const day = fc.integer({ min: first + 400, max: last - 400 });
  const n = fc.integer({ min: 0, max: 250 });

  it('isWorkingDay agrees with a day-by-day check', () => {
    for (let day = first; day <= last; day += 1) expect(closing.isWorkingDay(day)).toBe(naiveWorking(day));
  });

  it('(windowStart(d, n), d] holds exactly n working days and is the latest such start', () => {
    fc.assert(
      fc.property(day, n, (dd, nn) => {
        const x = closing.windowStart(dd, nn);
        expect(naiveCount(x, dd)).toBe(nn);
        expect(naiveCount(x + 1, dd)).toBe(nn === 0 ? 0 : nn - 1);
        expect(closing.workingDaysBetween(x, dd)).toBe(nn);
      }),
    );
  });

  it('the deadline is the last day in time, and is monotone in the event day', () => {
    fc.assert(
      fc.property(day, day, n, (e1, e2, nn) => {
        const [a, b] = e1 <= e2 ? [e1, e2] : [e2, e1];
        expect(closing.deadline(a, nn)).toBeLessThanOrEqual(closing.deadline(b, nn));
        const deadline = closing.deadline(a, nn);
        expect(naiveCount(a, deadline)).toBe(nn);
        expect(closing.withinWorkingDays(a, deadline, nn)).toBe(true);
        expect(closing.withinWorkingDays(a, deadline + 1, nn)).toBe(false);
      }),
    );
  });
});
