import { londonPeriodOf, periodForSchedule } from '../../../functions/run/period';

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
