/**
 * A definition that changes from a month (`paramsFrom`): the seed's "from January CP visits are
 * measured as happening every 10 working days". Each column is measured under the definition in
 * force at the month of its last day. Counted by hand:
 *
 * Under 28 days at d the window is (d − 28, d]; under 10 working days at Fri 31 Jan 2014 it is
 * (Sun 19 Jan, 31 Jan] (31, 30, 29, 28, 27, 24, 23, 22, 21, 20 Jan are the ten working days).
 *   a: plan 2012-01-01, visit Fri 10 Jan 2014   b: plan 2012-01-01, visits 2013-03-20 and Mon 20 Jan 2014
 *   c: plan 2012-01-01, visit 2013-12-20        d: plan 2014-01-10, visit Sat 25 Jan 2014
 * Prior year 2012/13 (31 Mar 2013, 28 days, window from 4 Mar): due a, b, c; visited b: 1 of 3.
 * Aug–Nov 2013 (28 days): due a, b, c; no visits: 0 of 3 each.
 * Dec 2013 (28 days, window 4–31 Dec): due a, b, c; visited c: 1 of 3.
 * Jan 2014 and the year to date (10 working days, x = 19 Jan): due a, b, c, d (d started 10 Jan, before x);
 * visited b (20 Jan) and d (Saturday 25 Jan); a's visit on 10 Jan is before the window: 2 of 4.
 * (Under 28 days January would have been 3 of 3: a, b and d's plan too young.)
 */
import { UserError } from '../../../functions/core/errors';
import { buildPack } from '../../../functions/core/pack/build-pack';
import { buildPackView } from '../../../functions/core/render/view-model';
import { exampleMeta } from '../../fixtures/pack/example-pack';
import { ExtractBuilder } from '../measures/extract-builder';
import { configWith, emptyQuality } from './pack-fixtures';

const extract = new ExtractBuilder()
  .cpPlan({ id: 'A', person: 'a', start: '2012-01-01' })
  .cpVisit('a', '2014-01-10')
  .cpPlan({ id: 'B', person: 'b', start: '2012-01-01' })
  .cpVisit('b', '2013-03-20')
  .cpVisit('b', '2014-01-20')
  .cpPlan({ id: 'C', person: 'c', start: '2012-01-01' })
  .cpVisit('c', '2013-12-20')
  .cpPlan({ id: 'D', person: 'd', start: '2014-01-10' })
  .cpVisit('d', '2014-01-25')
  .build();

const visits = {
  code: 'OP380',
  title: 'Child Protection Visits',
  measure: 'cp_visits_timely_pct',
  params: { windowDays: 28 },
  paramsFrom: [{ from: '2014-01', params: { windowWorkingDays: 10 } }],
  rag: { polarity: 'higher', targets: { '2013/14': 95 } },
};
const config = configWith([{ id: 'cp', title: 'CP visits', indicators: [visits] }], {
  population: { '2012': 10000, '2013': 10000, '2014': 10000 },
});
const packFor = (period: string) => buildPack({ extract, config, period, quality: emptyQuality() });
const TEXT_28 = /within the window of 28 days\.$/;
const TEXT_10 = /within the window of 10 working days\.$/;

describe('a January 2014 pack of an indicator measured in working days from January', () => {
  const pack = packFor('2014-01');
  const row = pack.sections[0].indicators[0];

  it('measures each column under the definition in force at its month', () => {
    expect(row.priorYear).toMatchObject({ numerator: 1, denominator: 3 });
    expect(row.months.map((m) => [m.period, m.numerator, m.denominator])).toEqual([
      ['2013-08', 0, 3],
      ['2013-09', 0, 3],
      ['2013-10', 0, 3],
      ['2013-11', 0, 3],
      ['2013-12', 1, 3],
      ['2014-01', 2, 4],
    ]);
    expect(row.ytd).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
  });

  it('records the definitions in force and which each column used', () => {
    expect(row.definitions).toEqual([
      { from: null, params: { windowDays: 28 }, text: expect.stringMatching(TEXT_28) as unknown },
      { from: '2014-01', params: { windowWorkingDays: 10 }, text: expect.stringMatching(TEXT_10) as unknown },
    ]);
    expect(row.columnDefinitions).toEqual({ priorYear: 0, months: [0, 0, 0, 0, 0, 1], ytd: 1 });
  });

  it('judges no trend from December (28 days) to January (10 working days)', () => {
    expect(row.trend).toEqual({ direction: null, better: null });
  });

  it('drafts the sentence under January’s definition', () => {
    expect(pack.sections[0].comments.performance.text).toBe(
      'As at the end of January 2 out of 4 children on CP plans had been visited within the last 10 working days.',
    );
  });

  it('marks the columns measured under the earlier definition, with a footnote and dated definitions', () => {
    const view = buildPackView(pack, exampleMeta);
    const shown = view.sections[0].rows[0];
    expect(shown.marks).toEqual({ priorYear: '†', months: ['†', '†', '†', '†', '†', ''], ytd: '' });
    expect(shown.footnote).toMatch(
      /^† 2012\/13, .+, Dec.+ measured under the definition until December 2013: Of the children .* 28 days\.$/,
    );
    expect(view.definitions.map((d) => [d.codes, d.dates])).toEqual([
      ['OP380', 'Until December 2013'],
      ['OP380', 'From January 2014'],
    ]);
  });
});

describe('the same indicator before the change', () => {
  it('a December 2013 pack shows only the 28-day definition, nothing marked', () => {
    const row = packFor('2013-12').sections[0].indicators[0];
    expect(row.definitions).toEqual([
      { from: null, params: { windowDays: 28 }, text: expect.stringMatching(TEXT_28) as unknown },
    ]);
    expect(row.columnDefinitions).toEqual({ priorYear: 0, months: [0, 0, 0, 0, 0, 0], ytd: 0 });
    expect(row.months[5]).toMatchObject({ period: '2013-12', numerator: 1, denominator: 3 });
    expect(buildPackView(packFor('2013-12'), exampleMeta).sections[0].rows[0].footnote).toBeNull();
  });
});

describe('a working-day window the calendar cannot answer', () => {
  it('fails the run naming the indicator, the date and the years covered', () => {
    const early = configWith(
      [{ id: 'cp', title: 'CP', indicators: [{ ...visits, paramsFrom: [], params: { windowWorkingDays: 10 } }] }],
      {
        population: { '2009': 10000, '2010': 10000, '2011': 10000 },
      },
    );
    // February 2011: the prior-year column is 31 March 2010, before the calendar's first year.
    const run = () => buildPack({ extract, config: early, period: '2011-02', quality: emptyQuality() });
    expect(run).toThrow(UserError);
    expect(run).toThrow(
      'Indicator OP380 (cp_visits_timely_pct) cannot be computed: the evaluation day 2010-03-31 is outside the ' +
        'working-day calendar, which covers 2011–2028',
    );
  });
});
