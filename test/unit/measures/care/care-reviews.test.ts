/**
 * cla_reviews_timely_pct: children in care whose reviews in the twelve months to d were all within timescale (the
 * first within 20 working days of the start, the second within 3 months of it, then 6). Expected numbers worked by
 * hand from docs/MEASURES.md ("Children in care") and the shipped bank holidays.
 */
import { ExtractBuilder } from '../extract-builder';
import { fraction, snapshotsAt } from '../measure-helpers';

describe('cla_reviews_timely_pct', () => {
  const extract = new ExtractBuilder()
    // A: in care Fri 2013-12-13. 20 working days after it, over Christmas (25, 26 Dec and 1 Jan are bank holidays):
    // Dec 16–20 (5), 23, 24, 27 (8), 30, 31 (10), Jan 2, 3 (12), 6–10 (17), 13, 14, 15 (20): due Wed 2014-01-15.
    // First review on 2014-01-16, a day late: late at 31 January (overdue on 16 January).
    .claEpisode({ id: 'A1', person: 'A', start: '2013-12-13' })
    .claReview('A', '2014-01-16')
    // B: the same start, first review on its deadline, 2014-01-15: timely. Its second is due 2014-04-15.
    .claEpisode({ id: 'B1', person: 'B', start: '2013-12-13' })
    .claReview('B', '2014-01-15')
    // C: in care 2014-01-20: first review due 2014-02-17 (20 working days, no holiday), after 31 January: not due.
    .claEpisode({ id: 'C1', person: 'C', start: '2014-01-20' })
    // D: a review on the day D came into care (Fri 2013-11-01) is the first (day 0 is within 20 working days); the
    // second, due 2014-02-01, is not yet due at 31 January.
    .claEpisode({ id: 'D1', person: 'D', start: '2013-11-01' })
    .claReview('D', '2013-11-01')
    // E: second review (due 2013-11-01, 3 months after 2013-08-01) not held by 31 January: late. The earlier
    // period's reviews (2012) are before this period's start and do not count as its first review.
    .claEpisode({ id: 'E0', person: 'E', start: '2012-01-01', end: '2012-06-01' })
    .claReview('E', '2012-02-01')
    .claEpisode({ id: 'E1', person: 'E', start: '2013-07-10' })
    .claReview('E', '2013-08-01')
    .build();

  it('31 January 2014: B and D of A, B, D, E; A (a day late) and E (second review missing) are late', () => {
    expect(snapshotsAt(extract, 'cla_reviews_timely_pct', ['2014-01-31'])).toEqual([fraction(2, 4)]);
  });

  it('with 2 and 3 January 2014 as closure days, A’s deadline moves to 2014-01-19 and A is on time', () => {
    // Two more days closed push the 20th working day on two: Jan 6–10 (15), 13–17 (20); the weekend after it is
    // still within 20 working days, so the deadline is Sunday 19 January.
    expect(snapshotsAt(extract, 'cla_reviews_timely_pct', ['2014-01-31'], {}, ['2014-01-02', '2014-01-03'])).toEqual([
      fraction(3, 4),
    ]);
  });

  it('two reviews recorded on one day are one review: the next is still due 3 months after it', () => {
    const twice = new ExtractBuilder()
      // G: in care Mon 2013-06-03 (first review due 2013-07-01, 20 working days); reviewed 2013-06-20, recorded
      // twice. The second review was due 2013-09-20 and was not held: late at 31 October (were the second row a
      // second review, the third would not be due until 2013-12-20).
      .claEpisode({ id: 'G1', person: 'G', start: '2013-06-03' })
      .claReview('G', '2013-06-20')
      .claReview('G', '2013-06-20')
      // H: the same, its second review held on its due date 2013-09-20: timely.
      .claEpisode({ id: 'H1', person: 'H', start: '2013-06-03' })
      .claReview('H', '2013-06-20')
      .claReview('H', '2013-09-20')
      .build();
    expect(snapshotsAt(twice, 'cla_reviews_timely_pct', ['2013-10-31'])).toEqual([fraction(1, 2)]);
  });
});
