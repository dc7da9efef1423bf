/** Whether the extract reaches the end of the pack's month (coverage.ts): the latest activity per table. */
import { dayFromIso } from '../../../functions/core/calendar';
import { coverageProblem, latestActivity, STALE_EXTRACT_DAYS } from '../../../functions/core/extract/coverage';
import { ExtractBuilder } from '../measures/extract-builder';

/** An extract whose records all end by 2013-12-02 (a plan end), as the 2013-11 upload does. */
function november(): ExtractBuilder {
  return new ExtractBuilder()
    .cpPlan({ id: 'P1', person: 'a', start: '2012-06-01', end: '2013-12-02' })
    .cpVisit('a', '2013-11-28')
    .review('P1', '2013-11-20');
}

describe('the latest activity in an extract', () => {
  test.each([
    [
      'a CP plan end',
      (b: ExtractBuilder) => b.cpPlan({ id: 'P9', person: 'z', start: '2013-01-01', end: '2014-01-05' }),
    ],
    ['a CP plan start', (b: ExtractBuilder) => b.cpPlan({ id: 'P9', person: 'z', start: '2014-01-05' })],
    ['a review held', (b: ExtractBuilder) => b.review('P1', '2014-01-05')],
    ['a CP visit', (b: ExtractBuilder) => b.cpVisit('a', '2014-01-05')],
    [
      'a CIN plan end',
      (b: ExtractBuilder) => b.cinPlan({ id: 'C1', person: 'y', start: '2013-01-01', end: '2014-01-05' }),
    ],
    ['a CIN visit', (b: ExtractBuilder) => b.cinVisit('y', '2014-01-05')],
    ['a care episode start', (b: ExtractBuilder) => b.claEpisode({ id: 'E1', person: 'x', start: '2014-01-05' })],
    [
      'a care episode ceasing',
      (b: ExtractBuilder) => b.claEpisode({ id: 'E1', person: 'x', start: '2013-01-01', end: '2014-01-05' }),
    ],
  ])('counts %s', (_what, add) => {
    expect(latestActivity(november().build())).toBe(dayFromIso('2013-12-02'));
    expect(latestActivity(add(november()).build())).toBe(dayFromIso('2014-01-05'));
  });

  it('is null for an extract with no dated record', () => {
    expect(latestActivity(new ExtractBuilder().build())).toBeNull();
  });
});

describe('the extract against the month', () => {
  it('refuses 2014-03 on the 2013-11 extract, naming the latest date found', () => {
    const problem = coverageProblem(november().build(), '2014-03');
    expect(problem).toMatchObject({ kind: 'extract-too-old', value: '2013-12-02' });
    expect(problem?.message).toContain(
      "the extract's latest record is 2013-12-02; a pack for 2014-03 needs data to 31 March 2014 " +
        '— is this the right folder?',
    );
  });

  it('accepts the month the extract is for', () => {
    expect(coverageProblem(november().build(), '2013-11')).toBeNull();
  });

  it('accepts an old month on a newer extract (a rerun)', () => {
    expect(coverageProblem(november().build(), '2012-11')).toBeNull();
  });

  it(`allows the latest record up to ${STALE_EXTRACT_DAYS} days before the month's end, not one more`, () => {
    // December 2013 ends on the 31st: the 24th is 7 days before, the 23rd 8.
    const upTo = (date: string) => new ExtractBuilder().cpVisit('a', date).build();
    expect(STALE_EXTRACT_DAYS).toBe(7);
    expect(coverageProblem(upTo('2013-12-24'), '2013-12')).toBeNull();
    expect(coverageProblem(upTo('2013-12-23'), '2013-12')?.value).toBe('2013-12-23');
  });

  it('refuses an extract with no dated record at all', () => {
    expect(coverageProblem(new ExtractBuilder().build(), '2013-11')?.message).toMatch(
      /^the extract holds no dated record; a pack for 2013-11 needs data to 30 November 2013/,
    );
  });
});
