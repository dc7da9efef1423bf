import { isoFromDay } from '../../../functions/core/calendar';
import { UsageError } from '../../../functions/core/errors';
import { assertMonthEnded } from '../../../functions/core/extract/period';
import { londonDayOf, londonPeriodOf, periodForSchedule } from '../../../functions/run/period';

describe('the month a scheduled run reports on (Europe/London)', () => {
  test.each([
    // Ordinary: 2 December 07:00 GMT reports November.
    ['2013-12-02T07:00:00Z', '2013-11'],
    // 23:30 UTC on 30 November is still 30 November in London (GMT): reports October.
    ['2013-11-30T23:30:00Z', '2013-10'],
    // 23:30 UTC on 31 March 2014 is 00:30 on 1 April BST: April has begun, so March.
    ['2014-03-31T23:30:00Z', '2014-03'],
    // 22:59 UTC on 31 March 2014 is 23:59 BST, still March: reports February.
    ['2014-03-31T22:59:00Z', '2014-02'],
    // 23:30 UTC on 31 October 2014 is 23:30 GMT (BST ended 26 October): still October, so September.
    ['2014-10-31T23:30:00Z', '2014-09'],
    // 23:30 UTC on 30 September 2014 is 00:30 BST on 1 October: reports September.
    ['2014-09-30T23:30:00Z', '2014-09'],
    // New Year: 1 January reports the previous December.
    ['2014-01-01T00:00:00Z', '2013-12'],
    // An offset in the event is honoured: 08:00+01:00 on 1 May is 07:00 UTC.
    ['2014-05-01T08:00:00+01:00', '2014-04'],
  ])('%s → %s', (scheduledTime, period) => {
    expect(periodForSchedule(new Date(scheduledTime))).toBe(period);
  });

  test('the London month of an instant', () => {
    expect(londonPeriodOf(new Date('2014-03-31T23:00:00Z'))).toBe('2014-04');
    expect(londonPeriodOf(new Date('2013-12-31T23:59:59Z'))).toBe('2013-12');
  });
});

describe('a month that has not ended is refused', () => {
  const today = (iso: string) => londonDayOf(new Date(iso));

  test('the London date of an instant', () => {
    // 23:30 UTC on 31 March 2014 is 00:30 BST on 1 April.
    expect(isoFromDay(today('2014-03-31T23:30:00Z'))).toBe('2014-04-01');
    expect(isoFromDay(today('2013-11-30T23:30:00Z'))).toBe('2013-11-30');
  });

  test('the current month, naming today and the latest month that can be made', () => {
    const refuse = () => assertMonthEnded('2026-12', today('2026-12-01T09:00:00Z'));
    expect(refuse).toThrow(UsageError);
    expect(refuse).toThrow('2026-12 has not ended (today is 2026-12-01); a pack can be made for 2026-11 or earlier');
  });

  test('a month far in the future', () => {
    expect(() => assertMonthEnded('2099-01', today('2026-12-01T09:00:00Z'))).toThrow(
      '2099-01 has not ended (today is 2026-12-01); a pack can be made for 2026-11 or earlier',
    );
  });

  test("the month before today's, from its first day on (in London)", () => {
    expect(() => assertMonthEnded('2026-11', today('2026-12-01T00:00:00Z'))).not.toThrow();
    // 23:30 UTC on 31 March 2014 is already April in London: March has ended.
    expect(() => assertMonthEnded('2014-03', today('2014-03-31T23:30:00Z'))).not.toThrow();
    expect(() => assertMonthEnded('2014-03', today('2014-03-31T22:30:00Z'))).toThrow(/today is 2014-03-31/);
  });

  test('the month a schedule computes has always ended at the scheduled time', () => {
    const at = new Date('2014-05-01T07:00:00Z');
    expect(() => assertMonthEnded(periodForSchedule(at), londonDayOf(at))).not.toThrow();
  });
});
