/**
 * cla_visits_timely_pct: children in care at d (their period of care started on or before x), seen on a visit
 * in (x, d]. Expected numbers worked by hand from docs/MEASURES.md ("Children in care").
 */
import { ExtractBuilder } from '../extract-builder';
import { fraction, snapshotAt, snapshotsAt } from '../measure-helpers';

describe('cla_visits_timely_pct, default window 42 days', () => {
  // d = 2013-11-30, x = 2013-10-19: the window is 20 October to 30 November.
  const extract = new ExtractBuilder()
    // A: visited on x itself (19 October): outside (x, d]; not timely.
    .claEpisode({ id: 'A1', person: 'A', start: '2013-01-01' })
    .claVisit('A', '2013-10-19')
    // B: visited on 20 October, the window's first day: timely. A placement change (two episodes) is one period.
    .claEpisode({ id: 'B1', person: 'B', start: '2013-02-01', end: '2013-09-01' })
    .claEpisode({ id: 'B2', person: 'B', start: '2013-09-01' })
    .claVisit('B', '2013-10-20')
    // C: came into care on x (19 October): due (started on or before x), visited on d itself: timely.
    .claEpisode({ id: 'C1', person: 'C', start: '2013-10-19' })
    .claVisit('C', '2013-11-30')
    // D: came into care on 20 October, after x: not yet due, whatever the visits.
    .claEpisode({ id: 'D1', person: 'D', start: '2013-10-20' })
    // E: left care on d (ceased 2013-11-30): not in care at d.
    .claEpisode({ id: 'E1', person: 'E', start: '2012-01-01', end: '2013-11-30' })
    .claVisit('E', '2013-11-15')
    // F: back in care since 2013-11-01 after a gap: this period started after x, so not due, although
    // an earlier period began long ago.
    .claEpisode({ id: 'F1', person: 'F', start: '2011-01-01', end: '2013-06-01' })
    .claEpisode({ id: 'F2', person: 'F', start: '2013-11-01' })
    .build();

  it('at 2013-11-30: B and C of A, B, C', () => {
    expect(snapshotAt(extract, 'cla_visits_timely_pct', '2013-11-30')).toEqual(fraction(2, 3));
  });

  it('at 2013-10-31 (x = 2013-09-19): A and B visited; C and D not yet in care', () => {
    // Due: A, B (B's period began 2013-02-01), E (in care until 30 Nov). Visited in (19 Sep, 31 Oct]: A (19 Oct),
    // B (20 Oct); E's visit is on 15 November.
    expect(snapshotsAt(extract, 'cla_visits_timely_pct', ['2013-10-31'])).toEqual([fraction(2, 3)]);
  });

  it('with windowWorkingDays 10 at 2013-12-31 (x = Sun 15 December, over Christmas): only C', () => {
    // Counting back 10 working days from Tue 31 Dec 2013: 31, 30, 27, 24, 23, 20, 19, 18, 17, 16 December (25 and
    // 26 are bank holidays), so x = 15 December and the window is 16–31 December. Due: A, B, C, D (in care since
    // 20 October ≤ x), F (since 1 November) → 5. C's visit on 16 December counts; A's on 15 December (x) does not.
    const withChristmas = new ExtractBuilder()
      .claEpisode({ id: 'A1', person: 'A', start: '2013-01-01' })
      .claVisit('A', '2013-12-15')
      .claEpisode({ id: 'B1', person: 'B', start: '2013-02-01' })
      .claEpisode({ id: 'C1', person: 'C', start: '2013-10-19' })
      .claVisit('C', '2013-12-16')
      .claEpisode({ id: 'D1', person: 'D', start: '2013-10-20' })
      .claEpisode({ id: 'F2', person: 'F', start: '2013-11-01' })
      // G came into care on Mon 16 December, after x: not due.
      .claEpisode({ id: 'G1', person: 'G', start: '2013-12-16' })
      .build();
    expect(snapshotAt(withChristmas, 'cla_visits_timely_pct', '2013-12-31', { windowWorkingDays: 10 })).toEqual(
      fraction(1, 5),
    );
  });
});
