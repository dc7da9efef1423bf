/**
 * cla_starts and cla_ceased: children (each once) starting or ending a period of care in the window.
 * Expected numbers worked by hand from docs/MEASURES.md ("Children in care").
 */
import { ExtractBuilder } from '../extract-builder';
import { count, flowsOver } from '../measure-helpers';

const NOV = ['2013-11-01', '2013-11-30'] as const;
const YTD = ['2013-04-01', '2013-11-30'] as const;
const MARCH_YEAR = ['2012-04-01', '2013-03-31'] as const;

describe('periods of care from episodes', () => {
  const extract = new ExtractBuilder()
    // A: a placement change on 2013-06-10 (the new episode starts the day the first ceased): one period,
    // started 2013-05-01, ended 2013-11-30 (the last day of the window: counts).
    .claEpisode({ id: 'A1', person: 'A', start: '2013-05-01', end: '2013-06-10' })
    .claEpisode({ id: 'A2', person: 'A', start: '2013-06-10', end: '2013-11-30' })
    // B: left 2013-11-01 and came back 2013-11-02 (a day out of care): two periods, two starts and an end in
    // November, but B counts once in each.
    .claEpisode({ id: 'B1', person: 'B', start: '2012-01-01', end: '2013-11-01' })
    .claEpisode({ id: 'B2', person: 'B', start: '2013-11-02', end: '2013-11-20' })
    .claEpisode({ id: 'B3', person: 'B', start: '2013-11-25' })
    // C: an overlapping pair (a data slip, or a second legal status): one period 2013-03-31 .. open; it
    // started on the prior year's last day.
    .claEpisode({ id: 'C1', person: 'C', start: '2013-03-31', end: '2013-09-01' })
    .claEpisode({ id: 'C2', person: 'C', start: '2013-08-01' })
    // D: started 2013-12-01, after every window.
    .claEpisode({ id: 'D1', person: 'D', start: '2013-12-01' })
    // E: a same-day episode (in and out on 2012-04-01): a start and an end on the prior year's first day.
    .claEpisode({ id: 'E1', person: 'E', start: '2012-04-01', end: '2012-04-01' })
    .build();

  it('cla_starts: November B (twice, counted once); YTD A and B; 2012/13 C and E', () => {
    // November: B's periods starting 2013-11-02 and 2013-11-25 → 1 child. YTD since 2013-04-01: A (05-01), B → 2.
    // 2012/13: C (2013-03-31, the last day) and E (2012-04-01, the first day) → 2; B's first period began earlier.
    expect(flowsOver(extract, 'cla_starts', [NOV, YTD, MARCH_YEAR])).toEqual([count(1), count(2), count(2)]);
  });

  it('cla_ceased: November A (on the 30th) and B (twice, once counted); 2012/13 E', () => {
    // November: A (2013-11-30), B (2013-11-01 and 2013-11-20) → 2. YTD: the same 2 (C's first episode ceasing on
    // 2013-09-01 is not an end: C2 is open). 2012/13: E → 1.
    expect(flowsOver(extract, 'cla_ceased', [NOV, YTD, MARCH_YEAR])).toEqual([count(2), count(2), count(1)]);
  });
});
