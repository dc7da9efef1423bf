/**
 * cla_long_term_stability_pct: of the children in care at d for 2.5 years or more and under 16, those in the same
 * placement for 2 years or more, or placed for adoption (A3–A6) with the placement just before together lasting 2
 * years. Expected numbers worked by hand from docs/MEASURES.md ("Children in care"); the hand-worked extract of
 * test/crosscheck has the 16th birthday and the 2 years to the day.
 */
import { ExtractBuilder } from '../extract-builder';
import { fraction, snapshotsAt } from '../measure-helpers';

describe('long-term placement stability', () => {
  const extract = new ExtractBuilder()
    // F: in care since 2010-01-01, placed for adoption (A4) on 2013-01-01, but the placement before ended on
    // 2012-12-01 (a month's gap between): the adoptive placement counts on its own, under 2 years → not stable.
    .claEpisode({ id: 'F1', person: 'F', start: '2010-01-01' })
    .birth('F', '2006-01-01')
    .claPlacement('F', '2010-01-01', '2012-12-01', 'U4')
    .claPlacement('F', '2013-01-01', null, 'A4')
    // G: the same, placed for adoption with the foster carers (A3) straight from a placement since 2010: stable.
    .claEpisode({ id: 'G1', person: 'G', start: '2010-01-01' })
    .birth('G', '2006-01-01')
    .claPlacement('G', '2010-01-01', '2013-01-01', 'U4')
    .claPlacement('G', '2013-01-01', null, ' a3 ')
    // H: no date of birth: not counted. J: in care since 2011-10-01, 2.5 years to the day at 2014-04-01, not at
    // 2014-03-31; one placement throughout.
    .claEpisode({ id: 'H1', person: 'H', start: '2010-01-01' })
    .claPlacement('H', '2010-01-01')
    .claEpisode({ id: 'J1', person: 'J', start: '2011-10-01' })
    .birth('J', '2008-05-05')
    .claPlacement('J', '2011-10-01')
    .build();

  it('31 March 2014: G of F and G; 1 April 2014: G and J of F, G and J', () => {
    expect(snapshotsAt(extract, 'cla_long_term_stability_pct', ['2014-03-31', '2014-04-01'])).toEqual([
      fraction(1, 2),
      fraction(2, 3),
    ]);
  });
});
