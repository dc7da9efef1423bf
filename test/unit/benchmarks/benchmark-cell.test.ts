/**
 * An indicator's benchmark from the hand-written fixtures (test/fixtures/benchmarks/), every expected number
 * worked out by hand from the fixture files' cells:
 *
 * cp_repeat_pct (LAIT polarity Low), reporting year 2013: Haringey 4; England 15; Inner London 13. Haringey's
 * neighbours in sn_model_2025_wide.csv: Islington (c), Hackney 20, Camden 10, Enfield 15 → mean 45 ÷ 3 = 15,
 * median 15, min 10, max 20. LAs with a number: Haringey 4, Camden 10, Hackney 20, Barnet 10, Enfield 15: five,
 * none lower than 4 → position 1 of 5, quartile ceil(4 × 1 ÷ 5) = 1.
 * Year 2014: Haringey 17; neighbours Islington 16, Hackney 18, Camden 12, Enfield 14 → mean 60 ÷ 4 = 15, median
 * (14 + 16) ÷ 2 = 15; LAs Camden 12, Hackney 18, Islington 16, Haringey 17, Enfield 14 (Barnet x): three lower
 * than 17 → position 4 of 5, quartile ceil(16 ÷ 5) = 4.
 */
import { benchmarkFor, rankAmong, reportingYear } from '../../../functions/core/benchmarks/benchmark-cell';
import type { BenchmarkData } from '../../../functions/core/benchmarks/benchmark-data';
import { loadFixtures } from './fixtures';

let data: BenchmarkData;
beforeAll(async () => {
  const loaded = await loadFixtures();
  if (loaded.data === null) throw new Error('the fixtures gave no data');
  data = loaded.data;
});

const haringey = { laCode: '309', neighbours: 'latest' as const };

test('DfE reporting year 2013 is the pack’s 2012/13', () => {
  expect(reportingYear('2012/13')).toBe(2013);
});

test('the 2012/13 benchmark for Haringey, worked by hand', () => {
  expect(benchmarkFor(data, { comparator: 'cp_repeat_pct', settings: haringey, priorYear: '2012/13' })).toEqual({
    year: '2012/13',
    source: 'd3_cpps_subsequent_plan_2013_to_2014.csv, CPP_subsequent_percent',
    la: { value: 4, suppressed: null },
    england: { value: 15, suppressed: null },
    region: { name: 'Inner London', value: 13, suppressed: null },
    neighbours: {
      model: 'DfE statistical neighbours (2025)',
      mean: 15,
      median: 15,
      min: 10,
      max: 20,
      values: [
        { la: 'Islington', code: 'E09000019', value: null, suppressed: 'c' },
        { la: 'Hackney', code: 'E09000012', value: 20, suppressed: null },
        { la: 'Camden', code: 'E09000007', value: 10, suppressed: null },
        { la: 'Enfield', code: 'E09000010', value: 15, suppressed: null },
      ],
    },
    rank: { position: 1, of: 5 },
    quartile: 1,
  });
});

test('2013/14: an even number of neighbours, and the worst quarter', () => {
  const b = benchmarkFor(data, { comparator: 'cp_repeat_pct', settings: haringey, priorYear: '2013/14' });
  expect(b?.la.value).toBe(17);
  expect([b?.neighbours.mean, b?.neighbours.median, b?.neighbours.min, b?.neighbours.max]).toEqual([15, 15, 12, 18]);
  expect([b?.rank, b?.quartile]).toEqual([{ position: 4, of: 5 }, 4]);
});

test('the year is the latest published on or before the prior year; none before the first', () => {
  const at = (priorYear: string) => benchmarkFor(data, { comparator: 'cp_repeat_pct', settings: haringey, priorYear });
  expect(at('2015/16')?.year).toBe('2013/14');
  expect(at('2011/12')).toBeNull();
});

test('suppressed neighbours are left out of the mean; a suppressed LA is ranked without', () => {
  // cp_open_2y_pct 2013: Islington z, Hackney 8, Camden 5, Enfield 5 → mean 6, median 5. LAs with a number:
  // Camden 5, Hackney 8, Haringey 4.8, Enfield 5 (Islington z, Barnet low) → Haringey 1 of 4.
  const b = benchmarkFor(data, { comparator: 'cp_open_2y_pct', settings: haringey, priorYear: '2012/13' });
  expect(b?.neighbours.values[0]).toEqual({ la: 'Islington', code: 'E09000019', value: null, suppressed: 'z' });
  expect([b?.neighbours.mean, b?.neighbours.median]).toEqual([6, 5]);
  expect([b?.rank, b?.quartile]).toEqual([{ position: 1, of: 4 }, 1]);
});

test('a measure LAIT gives no polarity has no rank or quartile', () => {
  // cla_rate_31march 2022: Haringey 60, England 67, Inner London 60; neighbours Islington u, Hackney 70,
  // Camden 50, Enfield (empty: no figure) → mean 60, median 60.
  const b = benchmarkFor(data, { comparator: 'cla_rate_31march', settings: haringey, priorYear: '2021/22' });
  expect([b?.la.value, b?.england.value, b?.region.value]).toEqual([60, 67, 60]);
  expect(b?.neighbours.values[3]).toEqual({ la: 'Enfield', code: 'E09000010', value: null, suppressed: null });
  expect([b?.neighbours.mean, b?.neighbours.median]).toEqual([60, 60]);
  expect([b?.rank, b?.quartile]).toEqual([null, null]);
});

test('the new 9-character code names the same authority; an explicit list replaces the model', () => {
  const b = benchmarkFor(data, {
    comparator: 'cp_repeat_pct',
    settings: { laCode: 'E09000014', neighbours: ['E09000007', '302'] },
    priorYear: '2012/13',
  });
  expect(b?.neighbours.model).toBe('Configured neighbours (2)');
  expect(b?.neighbours.values.map((v) => [v.la, v.value])).toEqual([
    ['Camden', 10],
    ['Barnet', 10],
  ]);
  expect(b?.neighbours.mean).toBe(10);
});

test('an unknown authority or model year gives no benchmark or no neighbours', () => {
  expect(
    benchmarkFor(data, {
      comparator: 'cp_repeat_pct',
      settings: { laCode: '999', neighbours: 'latest' },
      priorYear: '2012/13',
    }),
  ).toBeNull();
  const b = benchmarkFor(data, {
    comparator: 'cp_repeat_pct',
    settings: { laCode: '309', neighbours: '2021' },
    priorYear: '2012/13',
  });
  expect(b?.neighbours.values).toEqual([]);
  expect(b?.neighbours.mean).toBeNull();
});

describe('rank and quartile by polarity', () => {
  const all = [4, 10, 10, 15, 20];
  test('lower is better: equal values share a position', () => {
    expect(rankAmong(10, all, 'low')).toEqual({ rank: { position: 2, of: 5 }, quartile: 2 });
    expect(rankAmong(20, all, 'low')).toEqual({ rank: { position: 5, of: 5 }, quartile: 4 });
  });
  test('higher is better: the order reverses', () => {
    expect(rankAmong(10, all, 'high')).toEqual({ rank: { position: 3, of: 5 }, quartile: 3 });
    expect(rankAmong(20, all, 'high')).toEqual({ rank: { position: 1, of: 5 }, quartile: 1 });
  });
  test('no polarity or no value: no rank', () => {
    expect(rankAmong(10, all, null)).toEqual({ rank: null, quartile: null });
    expect(rankAmong(null, all, 'low')).toEqual({ rank: null, quartile: null });
  });
});
