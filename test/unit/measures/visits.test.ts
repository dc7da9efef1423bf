import { ExtractBuilder } from './extract-builder';
import { fraction, snapshotAt } from './measure-helpers';

describe('cp_visits_timely_pct (W = 28: on 30 Nov, due if started by 2 Nov, visited in 3..30 Nov)', () => {
  const extract = new ExtractBuilder()
    .cpPlan({ id: 'P1', person: 'c1', start: '2013-01-01' })
    .cpVisit('c1', '2013-11-02') // exactly W days before d: outside (d − W, d]
    .cpPlan({ id: 'P2', person: 'c2', start: '2013-01-01' })
    .cpVisit('c2', '2013-11-03')
    .cpPlan({ id: 'P3', person: 'c3', start: '2013-11-02' }) // started exactly d − W: due
    .cpVisit('c3', '2013-11-30')
    .cpPlan({ id: 'P4', person: 'c4', start: '2013-11-03' }) // started too recently: not due
    .cpVisit('c4', '2013-11-20')
    .cpPlan({ id: 'P5', person: 'c5', start: '2013-01-01', end: '2013-11-30' }) // not open on d
    .cpVisit('c5', '2013-11-20')
    .cpPlan({ id: 'P6a', person: 'c6', start: '2013-11-10' })
    .cpPlan({ id: 'P6b', person: 'c6', start: '2013-01-01' }) // earliest open plan makes c6 due
    .cpVisit('c6', '2013-12-01') // after d
    .cpPlan({ id: 'P7', person: 'c7', start: '2013-01-01' })
    .cpUnseenVisit('c7') // not kept by the reader: never counts
    .cpPlan({ id: 'P8', person: 'c8', start: '2013-01-01' })
    .cinVisit('c8', '2013-11-20') // a CIN visit is not a CP visit
    .cpPlan({ id: 'P9', person: 'c9', start: '2013-01-01' })
    .cpVisit('c9', '2013-11-10')
    .cpVisit('c9', '2013-11-20') // two visits: counted once
    .cpPlan({ id: 'P10a', person: 'c10', start: '2013-01-01', end: '2013-06-01' })
    .cpPlan({ id: 'P10b', person: 'c10', start: '2013-11-20' }) // its only open plan is recent: not due
    .build();

  it('visited: c2, c3, c9 of due: c1, c2, c3, c6, c7, c8, c9', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2013-11-30')).toEqual(fraction(3, 7));
  });
  it('the default window is 28 days', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2013-11-30', { windowDays: 28 })).toEqual(fraction(3, 7));
  });
  it('a wider window takes in the visit on 2 Nov and the plan started on 3 Nov', () => {
    // W = 29: due if started by 1 Nov; visited in 2..30 Nov. c3 (2 Nov) and c4 (3 Nov) are not due.
    // c1, c2, c9 of c1, c2, c6, c7, c8, c9
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2013-11-30', { windowDays: 29 })).toEqual(fraction(3, 6));
  });
  it('nobody due: 0 of 0', () => {
    expect(snapshotAt(extract, 'cp_visits_timely_pct', '2013-01-15')).toEqual(fraction(0, 0));
  });
});

describe(
  'cin_visits_timely_pct (default W = 42: on 30 Nov, ' + 'due if started by 19 Oct, visited in 20 Oct..30 Nov)',
  () => {
    const extract = new ExtractBuilder()
      .cinPlan({ id: 'N1', person: 'c11', start: '2013-01-01' })
      .cinVisit('c11', '2013-10-20')
      .cinPlan({ id: 'N2', person: 'c12', start: '2013-01-01' })
      .cinVisit('c12', '2013-10-19') // exactly W before d
      .cinPlan({ id: 'N3', person: 'c13', start: '2013-10-19' })
      .cpPlan({ id: 'P1', person: 'c14', start: '2013-01-01' }) // a CP plan does not make a CIN child
      .cpVisit('c14', '2013-11-01')
      .build();

    it('c11 of c11, c12, c13', () => {
      expect(snapshotAt(extract, 'cin_visits_timely_pct', '2013-11-30')).toEqual(fraction(1, 3));
    });
    it('with windowDays 28 nobody is visited in time (0%, not no value)', () => {
      expect(snapshotAt(extract, 'cin_visits_timely_pct', '2013-11-30', { windowDays: 28 })).toEqual(fraction(0, 3));
    });
  },
);
