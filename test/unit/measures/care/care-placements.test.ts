/**
 * cla_placements_3plus_pct: children in care at d with three or more placements (a day or more) in the twelve
 * months to d. Expected numbers worked by hand from docs/MEASURES.md ("Children in care").
 */
import { ExtractBuilder } from '../extract-builder';
import { fraction, snapshotsAt } from '../measure-helpers';

describe('cla_placements_3plus_pct', () => {
  const extract = new ExtractBuilder()
    // A: placements 2012-06-01..2013-04-01, 2013-04-01..2013-09-01, open since 2013-09-01. At 2014-03-31 (year from
    // 2013-04-01) the first ended on the year's first day: it was open on 1 April, so three. At 2014-04-30 (year
    // from 2013-05-01) two.
    .claEpisode({ id: 'A1', person: 'A', start: '2012-06-01' })
    .claPlacement('A', '2012-06-01', '2013-04-01')
    .claPlacement('A', '2013-04-01', '2013-09-01')
    .claPlacement('A', '2013-09-01')
    // B: four rows, but one in and out the same day (under 24 hours): three count.
    .claEpisode({ id: 'B1', person: 'B', start: '2013-05-01' })
    .claPlacement('B', '2013-05-01', '2013-06-01')
    .claPlacement('B', '2013-06-01', '2013-06-01')
    .claPlacement('B', '2013-06-01', '2013-12-01')
    .claPlacement('B', '2013-12-01')
    // C: three placements but left care on 2014-03-31: not in the denominator at 31 March.
    .claEpisode({ id: 'C1', person: 'C', start: '2013-06-01', end: '2014-03-31' })
    .claPlacement('C', '2013-06-01', '2013-07-01')
    .claPlacement('C', '2013-07-01', '2013-08-01')
    .claPlacement('C', '2013-08-01', '2014-03-31')
    // D: in care, one placement; E: in care, a placement starting after d (2014-04-02) does not count at 31 March.
    .claEpisode({ id: 'D1', person: 'D', start: '2010-01-01' })
    .claPlacement('D', '2010-01-01')
    .claEpisode({ id: 'E1', person: 'E', start: '2013-10-01' })
    .claPlacement('E', '2013-10-01', '2013-11-01')
    .claPlacement('E', '2013-11-01', '2014-04-02')
    .claPlacement('E', '2014-04-02')
    .build();

  it('31 March 2014: A and B of A, B, D, E; 30 April 2014: B and E of A, B, D, E', () => {
    // 30 April (year from 2013-05-01): A has 2 (the first ended 2013-04-01, before); B 3 (its first began on
    // 1 May); E 3 (its third began 2 April); D 1.
    expect(snapshotsAt(extract, 'cla_placements_3plus_pct', ['2014-03-31', '2014-04-30'])).toEqual([
      fraction(2, 4),
      fraction(2, 4),
    ]);
  });
});
