import { ExtractBuilder } from './extract-builder';
import { count, fraction, snapshotAt } from './measure-helpers';

describe('cp_children (distinct children with a CP plan open at d)', () => {
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'A1', person: 'A', start: '2013-06-01' })
    // Ends on the month's last day: not open at 30 June, open the day before.
    .cpPlan({ id: 'B1', person: 'B', start: '2013-01-01', end: '2013-06-30' })
    // Two overlapping plans of one child count once.
    .cpPlan({ id: 'C1', person: 'C', start: '2013-03-01', end: '2013-08-01' })
    .cpPlan({ id: 'C2', person: 'C', start: '2013-05-01' })
    .cpPlan({ id: 'D1', person: 'D', start: '2013-07-01' })
    .build();

  it('counts A and C at 30 June (B ended that day, D not started)', () => {
    expect(snapshotAt(extract, 'cp_children', '2013-06-30')).toEqual(count(2));
  });
  it('counts B on the day before its end', () => {
    expect(snapshotAt(extract, 'cp_children', '2013-06-29')).toEqual(count(3));
  });
  it('counts C once while both of its plans are open, and after the first ends', () => {
    expect(snapshotAt(extract, 'cp_children', '2013-05-15')).toEqual(count(2)); // B, C
    expect(snapshotAt(extract, 'cp_children', '2013-08-31')).toEqual(count(3)); // A, C, D
  });
  it('cp_rate counts the same children (population is applied by the pack)', () => {
    expect(snapshotAt(extract, 'cp_rate', '2013-06-30')).toEqual(count(2));
  });
  it('is zero with no plans', () => {
    expect(snapshotAt(new ExtractBuilder().build(), 'cp_children', '2013-06-30')).toEqual(count(0));
  });
});

describe('cla_rate count (distinct children with a care episode open at d)', () => {
  const extract = new ExtractBuilder()
    .claEpisode({ id: 'E1', person: 'A', start: '2012-01-01', end: '2013-06-01' })
    .claEpisode({ id: 'E2', person: 'A', start: '2013-06-01' }) // a new episode the day the last ends
    .claEpisode({ id: 'E3', person: 'B', start: '2013-02-01', end: '2013-11-30' })
    .claEpisode({ id: 'E4', person: 'C', start: '2013-12-01' })
    .build();

  it('counts a child with consecutive episodes once, and not an episode ending on d', () => {
    expect(snapshotAt(extract, 'cla_rate', '2013-06-01')).toEqual(count(2)); // A (E2), B
    expect(snapshotAt(extract, 'cla_rate', '2013-11-30')).toEqual(count(1)); // A only
  });
});

describe('cp_open_2y_pct (plans open at d for two years or more)', () => {
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'P1', person: 'A', start: '2012-02-29' }) // 29 Feb 2012 + 2 years = 28 Feb 2014
    .cpPlan({ id: 'P2', person: 'B', start: '2013-01-01' })
    .cpPlan({ id: 'P3', person: 'C', start: '2011-01-01', end: '2014-02-28' }) // ends on d: not open
    .build();

  it('the 29 February plan is not two years old on 27 February 2014', () => {
    expect(snapshotAt(extract, 'cp_open_2y_pct', '2014-02-27')).toEqual(fraction(1, 3)); // P3 only
  });
  it('it is on 28 February 2014, when P3 has ended', () => {
    expect(snapshotAt(extract, 'cp_open_2y_pct', '2014-02-28')).toEqual(fraction(1, 2)); // P1 of P1, P2
  });
  it('zero plans open gives 0 of 0', () => {
    expect(snapshotAt(extract, 'cp_open_2y_pct', '2010-01-01')).toEqual(fraction(0, 0));
  });
});
