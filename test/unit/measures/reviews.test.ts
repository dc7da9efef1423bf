import { dayFromIso, isoFromDay } from '../../../functions/core/calendar';
import { firstLateDay } from '../../../functions/core/measures/reviews';
import { ExtractBuilder } from './extract-builder';
import { fraction, snapshotAt } from './measure-helpers';

const lateDay = (start: string, reviews: string[]): string =>
  isoFromDay(firstLateDay(dayFromIso(start), reviews.map(dayFromIso)));

describe('firstLateDay (the reviews walk)', () => {
  it('no review: late from the first due date, start + 3 months', () => {
    expect(lateDay('2013-08-31', [])).toBe('2013-11-30');
  });
  it('a review on the due day is in time; the next is due 6 months after it', () => {
    expect(lateDay('2013-02-10', ['2013-05-10'])).toBe('2013-11-10');
    expect(lateDay('2013-02-10', ['2013-05-10', '2013-11-10'])).toBe('2014-05-10');
  });
  it('a review a day late: late from the due date', () => {
    expect(lateDay('2013-05-15', ['2013-08-16'])).toBe('2013-08-15');
  });
  it('an early review moves the next due date earlier', () => {
    expect(lateDay('2013-05-15', ['2013-06-01'])).toBe('2013-12-01');
  });
  it('a review on or before the start does not count', () => {
    expect(lateDay('2013-05-01', ['2013-04-30', '2013-05-01'])).toBe('2013-08-01');
  });
  it('two reviews on one day count once', () => {
    expect(lateDay('2013-01-10', ['2013-03-01', '2013-03-01'])).toBe('2013-09-01');
  });
});

describe('cp_reviews_timely_pct', () => {
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'A', person: 'a', start: '2013-08-31' }) // due 30 Nov, missing: late on 30 Nov
    .cpPlan({ id: 'B', person: 'b', start: '2013-08-31' })
    .review('B', '2013-11-30') // on the due day
    .cpPlan({ id: 'C', person: 'c', start: '2013-05-15' })
    .review('C', '2013-08-16') // a day late
    .cpPlan({ id: 'D', person: 'd', start: '2013-05-15' })
    .review('D', '2013-06-01') // early: next due 1 Dec
    .cpPlan({ id: 'E', person: 'e', start: '2013-09-01' }) // first review not yet due on 30 Nov
    .cpPlan({ id: 'F', person: 'f', start: '2013-02-10' })
    .review('F', '2013-05-10')
    .review('F', '2013-11-10')
    .cpPlan({ id: 'G', person: 'g', start: '2013-02-10' })
    .review('G', '2013-05-10') // second review (due 10 Nov) missing
    .cpPlan({ id: 'H', person: 'h', start: '2013-01-01', end: '2013-11-30' }) // ended on d
    .cpPlan({ id: 'I', person: 'i', start: '2013-05-01' })
    .review('I', '2013-05-01') // held on the start date: does not count
    .build();

  it('30 November: B, D, F in time out of A, B, C, D, F, G, I due', () => {
    expect(snapshotAt(extract, 'cp_reviews_timely_pct', '2013-11-30')).toEqual(fraction(3, 7));
  });
  it('29 November: A and B are not yet due; H is still open (and late, never reviewed); C, G, I are late', () => {
    // D, F of C, D, F, G, H, I
    expect(snapshotAt(extract, 'cp_reviews_timely_pct', '2013-11-29')).toEqual(fraction(2, 6));
  });
  it('no plan due: 0 of 0', () => {
    expect(snapshotAt(extract, 'cp_reviews_timely_pct', '2013-02-01')).toEqual(fraction(0, 0));
  });
});
