/**
 * cp_visits_timely_pct with `windowWorkingDays: 10`, counted by hand from the definition
 * (docs/WORKING-DAYS.md): at d the window is (x, d], x the latest day such that (x, d] holds
 * exactly 10 working days; a visit on any day of the window counts; a child is due when their
 * plan started on or before x. Bank holidays from GOV.UK's list (the shipped snapshot).
 */
import { OutsideWorkingDayCalendarError } from '../../../functions/core/working-days';
import { ExtractBuilder } from './extract-builder';
import { fraction, snapshotAt, snapshotsAt } from './measure-helpers';

const TEN = { windowWorkingDays: 10 };
const OLD_PLAN = '2012-01-01';

describe('Christmas 2013 (25, 26 Dec bank holidays), at Tue 31 Dec 2013', () => {
  // Counting back the working days from 31 Dec: 31 Tue (1), 30 Mon (2), [29, 28 weekend], 27 Fri (3),
  // [26, 25 bank holidays], 24 Tue (4), 23 Mon (5), [22, 21], 20 Fri (6), 19 (7), 18 (8), 17 (9), 16 Mon (10):
  // the window opens on Mon 16 Dec, so x = Sun 15 Dec.
  // With 27 Dec a closure day: 31 (1), 30 (2), 24 (3), 23 (4), 20 (5), 19 (6), 18 (7), 17 (8), 16 (9),
  // 13 Fri (10): x = Thu 12 Dec.
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'P1', person: 'c1', start: OLD_PLAN })
    .cpVisit('c1', '2013-12-16') // the window's first day
    .cpPlan({ id: 'P2', person: 'c2', start: OLD_PLAN })
    .cpVisit('c2', '2013-12-15') // x itself (a Sunday): outside; inside when 27 Dec is closed
    .cpPlan({ id: 'P3', person: 'c3', start: OLD_PLAN })
    .cpVisit('c3', '2013-12-13') // outside; inside when 27 Dec is closed
    .cpPlan({ id: 'P4', person: 'c4', start: OLD_PLAN })
    .cpVisit('c4', '2013-12-12') // outside in both (x when 27 Dec is closed)
    .cpPlan({ id: 'P5', person: 'c5', start: OLD_PLAN })
    .cpVisit('c5', '2013-12-25') // Christmas Day, inside the window: counts
    .cpPlan({ id: 'P6', person: 'c6', start: '2013-12-15' }) // started on x: due (not when 27 Dec is closed)
    .cpVisit('c6', '2013-12-20')
    .cpPlan({ id: 'P7', person: 'c7', start: '2013-12-16' }) // started on x + 1: not due
    .cpVisit('c7', '2013-12-20')
    .cpPlan({ id: 'P8', person: 'c8', start: '2013-12-12' }) // due in both, never visited
    .cpPlan({ id: 'P9', person: 'c9', start: '2013-12-13' }) // due; x + 1 when 27 Dec is closed: not due
    .build();

  it('x = 15 Dec: visited c1, c5, c6 of due c1, c2, c3, c4, c5, c6, c8, c9', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2013-12-31', TEN)).toEqual(fraction(3, 8));
  });

  it('27 Dec a closure day, x = 12 Dec: visited c1, c2, c3, c5 of due c1, c2, c3, c4, c5, c8', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2013-12-31', TEN, ['2013-12-27'])).toEqual(fraction(4, 6));
  });

  it('a closure day on a weekend changes nothing', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2013-12-31', TEN, ['2013-12-28'])).toEqual(fraction(3, 8));
  });
});

describe('Easter 2014 (Good Friday 18 April, Easter Monday 21 April), at Wed 30 April 2014', () => {
  // 30 Wed (1), 29 (2), 28 Mon (3), [27, 26 weekend], 25 Fri (4), 24 (5), 23 (6), 22 Tue (7), [21 Easter Monday,
  // 20, 19, 18 Good Friday], 17 Thu (8), 16 (9), 15 Tue (10): x = Mon 14 April.
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'E1', person: 'e1', start: OLD_PLAN })
    .cpVisit('e1', '2014-04-14') // x: outside
    .cpPlan({ id: 'E2', person: 'e2', start: OLD_PLAN })
    .cpVisit('e2', '2014-04-15') // the window's first day
    .cpPlan({ id: 'E3', person: 'e3', start: OLD_PLAN })
    .cpVisit('e3', '2014-04-18') // Good Friday, inside the window: counts
    .cpPlan({ id: 'E4', person: 'e4', start: OLD_PLAN })
    .cpVisit('e4', '2014-04-26') // a Saturday inside the window: counts
    .cpPlan({ id: 'E5', person: 'e5', start: '2014-04-14' }) // started on x: due, not visited
    .cpPlan({ id: 'E6', person: 'e6', start: '2014-04-15' }) // started on x + 1: not due
    .cpVisit('e6', '2014-04-20')
    .cpPlan({ id: 'E7', person: 'e7', start: OLD_PLAN })
    .cpVisit('e7', '2014-05-01') // after d
    .build();

  it('visited e2, e3, e4 of due e1, e2, e3, e4, e5, e7', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2014-04-30', TEN)).toEqual(fraction(3, 6));
  });
});

describe('the moved spring bank holiday 2012 (4 June, not 28 May; 5 June the Diamond Jubilee)', () => {
  // At Thu 31 May: 31 (1), 30 (2), 29 (3), 28 Mon, a working day in 2012 (4), 25 Fri (5), 24 (6), 23 (7), 22 (8),
  // 21 Mon (9), 18 Fri (10): x = Thu 17 May. (Were 28 May a holiday, x would be 16 May.)
  // At Fri 15 June: 15 (1), 14 (2), 13 (3), 12 (4), 11 Mon (5), 8 Fri (6), 7 (7), 6 Wed (8), [5, 4 bank holidays],
  // 1 Fri (9), 31 May Thu (10): x = Wed 30 May.
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'M1', person: 'm1', start: OLD_PLAN })
    .cpVisit('m1', '2012-05-17') // x on 31 May: outside
    .cpPlan({ id: 'M2', person: 'm2', start: OLD_PLAN })
    .cpVisit('m2', '2012-05-18') // inside on 31 May; outside on 15 June
    .cpPlan({ id: 'M3', person: 'm3', start: '2012-05-17' }) // started on x (31 May): due in both
    .cpPlan({ id: 'M4', person: 'm4', start: '2012-05-18' }) // x + 1 on 31 May: not due; due on 15 June
    .cpPlan({ id: 'M5', person: 'm5', start: OLD_PLAN })
    .cpVisit('m5', '2012-05-31') // inside in both
    .cpPlan({ id: 'M6', person: 'm6', start: OLD_PLAN })
    .cpVisit('m6', '2012-05-30') // inside on 31 May; x on 15 June: outside
    .build();

  it('31 May: visited m2, m5, m6 of due m1, m2, m3, m5, m6; 15 June: m5 of all six', () => {
    expect(snapshotsAt(extract, 'cp_visits_timely_pct', ['2012-05-31', '2012-06-15'], TEN)).toEqual([
      fraction(3, 5),
      fraction(1, 6),
    ]);
  });
});

describe('the moved early May bank holiday 2020 (Fri 8 May, VE day, not Mon 4 May), at Fri 15 May 2020', () => {
  // 15 (1), 14 (2), 13 (3), 12 (4), 11 Mon (5), [10, 9, 8 bank holiday], 7 Thu (6), 6 (7), 5 (8), 4 Mon, a working
  // day in 2020 (9), 1 Fri (10): x = Thu 30 April. (Were 4 May the holiday, x would be 29 April.)
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'V1', person: 'v1', start: OLD_PLAN })
    .cpVisit('v1', '2020-04-30') // x: outside
    .cpPlan({ id: 'V2', person: 'v2', start: OLD_PLAN })
    .cpVisit('v2', '2020-05-01') // the window's first day
    .cpPlan({ id: 'V3', person: 'v3', start: '2020-04-30' }) // started on x: due
    .cpPlan({ id: 'V4', person: 'v4', start: '2020-05-01' }) // x + 1: not due
    .build();

  it('visited v2 of due v1, v2, v3', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2020-05-15', TEN)).toEqual(fraction(1, 3));
  });
});

describe('outside the calendar (2011–2028): an error naming the date and the years, never a guess', () => {
  const extract = new ExtractBuilder().cpPlan({ id: 'P1', person: 'c1', start: '2009-01-01' }).build();

  it('an evaluation day in 2010', () => {
    expect(() => snapshotAt(extract, 'cp_visits_timely_pct', '2010-12-31', TEN)).toThrow(
      OutsideWorkingDayCalendarError,
    );
    expect(() => snapshotAt(extract, 'cp_visits_timely_pct', '2010-12-31', TEN)).toThrow(
      /2010-12-31 is outside the working-day calendar, which covers 2011–2028/,
    );
  });

  it('a window that would reach back into 2010', () => {
    // 5 Jan 2011 is the 2nd working day of 2011 (3 Jan was the New Year holiday): ten cannot fit.
    expect(() => snapshotAt(extract, 'cp_visits_timely_pct', '2011-01-05', TEN)).toThrow(
      /10-working-day window ending 2011-01-05 is outside the working-day calendar, which covers 2011–2028/,
    );
  });

  it('calendar-day windows need no calendar', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2010-12-31', { windowDays: 28 })).toEqual(fraction(0, 1));
  });
});
