import { ExtractBuilder } from './extract-builder';
import { count, flowOver, fraction } from './measure-helpers';

const NOV = ['2013-11-01', '2013-11-30'] as const;

describe('cp_starts and cp_ends (both ends of the window included)', () => {
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'P1', person: 'A', start: '2013-11-01', end: '2013-11-30' })
    .cpPlan({ id: 'P2', person: 'B', start: '2013-11-30' })
    .cpPlan({ id: 'P3', person: 'C', start: '2013-10-31', end: '2013-11-01' })
    .cpPlan({ id: 'P4', person: 'D', start: '2013-06-01', end: '2013-12-01' })
    .cpPlan({ id: 'P5', person: 'E', start: '2013-12-01' })
    .cpPlan({ id: 'P6', person: 'F', start: '2013-01-01', end: '2013-10-31' })
    .build();

  it('starts: P1 and P2', () => {
    expect(flowOver(extract, 'cp_starts', ...NOV)).toEqual(count(2));
  });
  it('ends: P1 and P3; open plans never count', () => {
    expect(flowOver(extract, 'cp_ends', ...NOV)).toEqual(count(2));
  });
  it('a single-day window', () => {
    expect(flowOver(extract, 'cp_starts', '2013-10-31', '2013-10-31')).toEqual(count(1));
    expect(flowOver(extract, 'cp_ends', '2013-10-31', '2013-10-31')).toEqual(count(1));
  });
});

describe('cp_ended_2y_pct (of plans ending in the window, end ≥ start + 2 years)', () => {
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'P1', person: 'A', start: '2011-11-15', end: '2013-11-15' }) // exactly two years: counts
    .cpPlan({ id: 'P2', person: 'B', start: '2011-11-16', end: '2013-11-15' }) // a day short
    .cpPlan({ id: 'P3', person: 'C', start: '2012-02-29', end: '2014-02-28' }) // 29 Feb + 2y = 28 Feb
    .cpPlan({ id: 'P4', person: 'D', start: '2010-01-01' }) // open: not in any window
    .build();

  it('November 2013: 1 of 2', () => {
    expect(flowOver(extract, 'cp_ended_2y_pct', ...NOV)).toEqual(fraction(1, 2));
  });
  it('February 2014: the 29 February plan lasted two years', () => {
    expect(flowOver(extract, 'cp_ended_2y_pct', '2014-02-01', '2014-02-28')).toEqual(fraction(1, 1));
  });
  it('no plans ending: 0 of 0', () => {
    expect(flowOver(extract, 'cp_ended_2y_pct', '2013-06-01', '2013-06-30')).toEqual(fraction(0, 0));
  });
});

describe('cp_repeat_pct (plans starting in the window that are second or later plans)', () => {
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'R1', person: 'A', start: '2013-11-05', previousPlans: 2 }) // column says repeat, no history here
    .cpPlan({ id: 'B0', person: 'B', start: '2012-01-01', end: '2012-06-01' })
    .cpPlan({ id: 'R2', person: 'B', start: '2013-11-10', previousPlans: 0 }) // column says first: it wins over history
    .cpPlan({ id: 'C0', person: 'C', start: '2012-03-01', end: '2012-09-01' })
    .cpPlan({ id: 'R3', person: 'C', start: '2013-11-12' }) // column missing, history says repeat
    .cpPlan({ id: 'R4', person: 'D', start: '2013-11-20' }) // column missing, no history
    .cpPlan({ id: 'R5', person: 'E', start: '2013-12-20' }) // outside the window
    .build();

  it('November: R1 (column) and R3 (history) of R1..R4', () => {
    expect(flowOver(extract, 'cp_repeat_pct', ...NOV)).toEqual(fraction(2, 4));
  });
  it('a later plan does not make an earlier one a repeat', () => {
    expect(flowOver(extract, 'cp_repeat_pct', '2012-01-01', '2012-12-31')).toEqual(fraction(0, 2));
  });
});

describe('cp_moved_in and cp_moved_out', () => {
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'M1', person: 'A', start: '2013-11-03' })
    .conference('M1', false)
    .conference('M1', true) // any row saying Y makes it a transfer-in
    .cpPlan({ id: 'M2', person: 'B', start: '2013-11-04' })
    .conference('M2', false)
    .cpPlan({ id: 'M3', person: 'C', start: '2013-11-05' }) // no conference row
    .cpPlan({ id: 'M4', person: 'D', start: '2013-10-05' })
    .conference('M4', true) // transfer-in, but started in October
    .cpPlan({ id: 'O1', person: 'E', start: '2012-01-01', end: '2013-11-30', transferOut: true })
    .cpPlan({ id: 'O2', person: 'F', start: '2012-01-01', end: '2013-12-01', transferOut: true })
    .cpPlan({ id: 'O3', person: 'G', start: '2012-01-01', end: '2013-11-15' })
    .build();

  it('moved in: M1 only', () => {
    expect(flowOver(extract, 'cp_moved_in', ...NOV)).toEqual(count(1));
  });
  it('moved out: O1 only', () => {
    expect(flowOver(extract, 'cp_moved_out', ...NOV)).toEqual(count(1));
  });
});
