import { buildPack, serializePack } from '../../../functions/core/pack/build-pack';
import { ConfigError, UserError } from '../../../functions/core/errors';
import type { PackIndicator } from '../../../functions/core/pack/pack-types';
import { ExtractBuilder } from '../measures/extract-builder';
import { configWith, emptyQuality } from './pack-fixtures';

/*
 * Reporting month November 2013, two months shown (October, November).
 * Population: 2012 → 10,000; 2013 → 20,000.
 *   P1 a 2012-06-01 open            P4 d 2012-05-01 .. 2013-05-01
 *   P2 b 2013-10-10 .. 2013-11-15   P5 d 2013-06-01 open (a repeat, known from P4)
 *   P3 c 2013-11-05 open, previous plans 1
 * CP visits: a 2013-10-20, 2013-11-25; d 2013-10-04, 2013-11-01.
 */
function extractInOrder(order: number[] = [0, 1, 2, 3, 4]) {
  const plans = [
    { id: 'P1', person: 'a', start: '2012-06-01' },
    { id: 'P2', person: 'b', start: '2013-10-10', end: '2013-11-15' },
    { id: 'P3', person: 'c', start: '2013-11-05', previousPlans: 1 },
    { id: 'P4', person: 'd', start: '2012-05-01', end: '2013-05-01' },
    { id: 'P5', person: 'd', start: '2013-06-01' },
  ];
  const builder = new ExtractBuilder();
  for (const i of order) builder.cpPlan(plans[i]);
  return builder
    .cpVisit('a', '2013-10-20')
    .cpVisit('d', '2013-11-01')
    .cpVisit('a', '2013-11-25')
    .cpVisit('d', '2013-10-04')
    .build();
}

const config = configWith(
  [
    {
      id: 'child-protection',
      title: 'Child protection',
      indicators: [
        { code: 'CH', title: 'Children on a plan', measure: 'cp_children' },
        {
          code: 'RATE',
          title: 'Rate',
          measure: 'cp_rate',
          decimals: 1,
          rag: { polarity: 'band', targets: { '2013/14': 2 } },
        },
        { code: 'ST', title: 'Starts', measure: 'cp_starts', dataOnly: true },
        {
          code: 'RP',
          title: 'Repeats',
          measure: 'cp_repeat_pct',
          rag: { polarity: 'lower', targets: { '2013/14': 50 } },
        },
        {
          code: 'END2',
          title: 'Ended after 2 years',
          measure: 'cp_ended_2y_pct',
          rag: { polarity: 'lower', targets: { '2013/14': 7 } },
        },
      ],
    },
    {
      id: 'visits',
      title: 'Visits',
      indicators: [
        {
          code: 'VIS',
          title: 'CP visits',
          measure: 'cp_visits_timely_pct',
          params: { windowDays: 28 },
          rag: { polarity: 'higher', targets: { '2013/14': 95 } },
        },
      ],
    },
  ],
  { monthsShown: 2 },
);

const comments = {
  sections: { visits: { performance: '  Visits are on track.  ', service: 'Service view.' } },
  indicators: { RP: 'Two repeats.', constructor: 'not an indicator' },
};

const pack = buildPack({ extract: extractInOrder(), config, period: '2013-11', quality: emptyQuality(), comments });
const row = (code: string): PackIndicator => {
  const found = pack.sections.flatMap((s) => s.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
};

describe('buildPack on a hand-worked extract (November 2013)', () => {
  it('labels the columns', () => {
    expect([pack.period, pack.financialYear, pack.priorYear, pack.months]).toEqual([
      '2013-11',
      '2013/14',
      '2012/13',
      ['2013-10', '2013-11'],
    ]);
    expect([pack.authority, pack.title]).toEqual(['Testshire', 'Test pack']);
  });

  it('cp_children: snapshots at month ends and at 31 March 2013', () => {
    const ch = row('CH');
    expect(ch.months.map((m) => [m.period, m.value])).toEqual([
      ['2013-10', 3],
      ['2013-11', 3],
    ]); // a b d; a c d
    expect(ch.priorYear).toEqual({ value: 2, numerator: null, denominator: null }); // a, d (P4)
    expect(ch.ytd.value).toBe(3);
    expect([ch.rag, ch.previousRag, ch.target]).toEqual(['none', 'none', null]);
    expect(ch.trend).toEqual({ direction: 'level', better: null });
  });

  it('cp_rate: 10,000 × children / population of the year the FY starts in', () => {
    const rate = row('RATE');
    expect(rate.months[1]).toEqual({ period: '2013-11', value: 1.5, numerator: 3, denominator: 20000 });
    expect(rate.priorYear).toEqual({ value: 2, numerator: 2, denominator: 10000 });
    expect(rate.target).toBe(2);
    // |1.5 − 2| = 0.5 > 10% of 2: Red, this month and last.
    expect([rate.rag, rate.previousRag]).toEqual(['red', 'red']);
    expect(rate.ragReason).toBe('1.50 against 2.0: close to target is better, Red more than 10% from target');
  });

  it('cp_starts: flows per month, prior year and year to date', () => {
    const starts = row('ST');
    expect(starts.months.map((m) => m.value)).toEqual([1, 1]); // P2; P3
    expect(starts.priorYear.value).toBe(2); // P1, P4
    expect(starts.ytd.value).toBe(3); // P2, P3, P5
    expect(starts.rag).toBe('data-only');
  });

  it('cp_repeat_pct: YTD is Σ numerators / Σ denominators, status now and last month', () => {
    const repeat = row('RP');
    expect(repeat.months.map((m) => [m.numerator, m.denominator, m.value])).toEqual([
      [0, 1, 0],
      [1, 1, 100],
    ]);
    expect(repeat.priorYear).toEqual({ value: 0, numerator: 0, denominator: 2 });
    // P3 (column), P5 (history) of P2, P3, P5
    expect(repeat.ytd).toEqual({ value: 200 / 3, numerator: 2, denominator: 3 });
    expect(repeat.rag).toBe('red'); // 66.7 > 50 + 5
    expect(repeat.previousRag).toBe('green'); // YTD at October: P5 of P2, P5 = 50
    expect(repeat.trend).toEqual({ direction: 'up', better: false });
    expect(repeat.comment).toBe('Two repeats.');
  });

  it('zero denominators give no value, with 0 of 0', () => {
    const ended = row('END2');
    expect(ended.months[0]).toEqual({ period: '2013-10', value: null, numerator: 0, denominator: 0 });
    expect(ended.ytd).toEqual({ value: 0, numerator: 0, denominator: 2 }); // P4 (1 May, after a year), P2 (15 Nov)
    expect(ended.months[1].value).toBe(0); // P2 ended in November
    expect(ended.trend).toEqual({ direction: null, better: null });
  });

  it('cp_visits_timely_pct: window (d − 28, d]', () => {
    const visits = row('VIS');
    // 31 Oct: a (20 Oct) and d (4 Oct) of a, d (b started 10 Oct: not due).
    // 30 Nov: a (25 Nov) of a, d (d's 1 Nov visit is 29 days back; c started 5 Nov: not due).
    expect(visits.months.map((m) => [m.numerator, m.denominator])).toEqual([
      [2, 2],
      [1, 2],
    ]);
    expect(visits.priorYear).toEqual({ value: 0, numerator: 0, denominator: 2 });
    expect([visits.rag, visits.previousRag]).toEqual(['red', 'green']);
    expect(visits.trend).toEqual({ direction: 'down', better: false });
  });

  it('drafts the performance comment from the month’s numbers when none is supplied', () => {
    const section = pack.sections[0];
    expect(section.comments.performance.draft).toBe(true);
    expect(section.comments.performance.text?.split('\n\n')).toEqual([
      'As at the end of November 3 children were subject to a child protection plan.',
      'As at the end of November the rate of children subject to ' +
        'a child protection plan was 1.5 per 10,000 (3 children).',
      'In November 1 plan started, 3 in 2013/14 so far.',
      'Of the plans starting, 1 out of 1 in November and 2 out of 3 ' +
        "(67%) in 2013/14 so far were a child's second or subsequent plan.",
      'Of the plans ending, 0 out of 1 in November and 0 out of 2 (0%) in 2013/14 so far had lasted two years or more.',
    ]);
    expect(section.comments.service).toEqual({ text: null });
  });

  it('uses supplied section comments as given (trimmed), and ignores inherited names', () => {
    expect(pack.sections[1].comments).toEqual({
      performance: { text: 'Visits are on track.', draft: false },
      service: { text: 'Service view.' },
    });
    expect(row('CH').comment).toBeNull();
  });

  it('no value for the year to date against a target is No data', () => {
    const empty = buildPack({
      extract: new ExtractBuilder().build(),
      config,
      period: '2013-11',
      quality: emptyQuality(),
    });
    const ended = empty.sections[0].indicators[4];
    expect(ended.ytd).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect([ended.rag, ended.previousRag]).toEqual(['no-data', 'no-data']);
  });

  it('the seed’s reviews sentence', () => {
    const reviews = buildPack({
      extract: new ExtractBuilder()
        .cpPlan({ id: 'R', person: 'r', start: '2013-01-01' })
        .review('R', '2013-03-01')
        .review('R', '2013-08-20')
        .build(),
      config: configWith([
        {
          id: 'reviews',
          title: 'Reviews',
          indicators: [{ code: 'Op367', title: 'Reviews', measure: 'cp_reviews_timely_pct' }],
        },
      ]),
      period: '2013-11',
      quality: emptyQuality(),
    });
    expect(reviews.sections[0].comments.performance.text).toBe(
      'As at the end of November 1 out of 1 CP cases were reviewed within required timescales.',
    );
  });
});

describe('population fallback', () => {
  it('warns once per missing year in dataQuality and uses the latest earlier year', () => {
    const quality = emptyQuality();
    const fallback = buildPack({
      extract: extractInOrder(),
      config: configWith(config.sections, { population: { '2012': 10000 }, monthsShown: 2 }),
      period: '2013-11',
      quality,
    });
    const rate = fallback.sections[0].indicators[1];
    expect(rate.ytd).toEqual({ value: 3, numerator: 3, denominator: 10000 });
    expect(fallback.dataQuality.warnings.map((w) => [w.kind, w.value])).toEqual([['population-fallback', '2013']]);
    expect(fallback.dataQuality.counts['population-fallback']).toEqual({ severity: 'warning', total: 1, listed: 1 });
    expect(quality.warnings).toEqual([]); // the reader's report is not changed in place
  });
  it('with no earlier year it fails naming the year', () => {
    const run = () =>
      buildPack({
        extract: extractInOrder(),
        config: configWith(config.sections, { population: { '2013': 20000 } }),
        period: '2013-11',
        quality: emptyQuality(),
      });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/no population for 2012/); // the prior-year column is at 31 March 2013
  });
});

describe('determinism', () => {
  it('the same inputs give byte-identical pack.json, whatever the order of the records', () => {
    const again = serializePack(
      buildPack({ extract: extractInOrder(), config, period: '2013-11', quality: emptyQuality(), comments }),
    );
    const shuffled = serializePack(
      buildPack({
        extract: extractInOrder([4, 2, 0, 3, 1]),
        config,
        period: '2013-11',
        quality: emptyQuality(),
        comments,
      }),
    );
    expect(again).toBe(serializePack(pack));
    expect(shuffled).toBe(serializePack(pack));
    expect(again.endsWith('}\n')).toBe(true);
    expect(again).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no timestamps
  });
  it('a malformed period is a user error', () => {
    expect(() => buildPack({ extract: extractInOrder(), config, period: '2013-13', quality: emptyQuality() })).toThrow(
      UserError,
    );
  });
});
