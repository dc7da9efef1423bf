/**
 * Benchmarks in the computed pack: an indicator with a comparator carries the benchmark the fixtures give for the
 * pack's prior year; one without, or a pack without benchmark data, carries null, and the data-quality section
 * says in one info line that no benchmark data was found.
 */
import { benchmarkFor } from '../../../functions/core/benchmarks/benchmark-cell';
import { buildPack } from '../../../functions/core/pack/build-pack';
import { ExtractBuilder } from '../measures/extract-builder';
import { configWith, emptyQuality } from '../pack/pack-fixtures';
import { loadFixtures } from './fixtures';

const config = configWith(
  [
    {
      id: 'child-protection',
      title: 'Child protection',
      indicators: [
        { code: 'RP', title: 'Repeats', measure: 'cp_repeat_pct', comparator: 'cp_repeat_pct' },
        { code: 'ST', title: 'Starts', measure: 'cp_starts' },
      ],
    },
  ],
  { benchmarks: { laCode: 'E09000014' } },
);

const pack = (benchmarks?: Parameters<typeof buildPack>[0]['benchmarks']) =>
  buildPack({ extract: new ExtractBuilder().build(), config, period: '2013-11', quality: emptyQuality(), benchmarks });

test('without benchmark data: every benchmark null, one info line', () => {
  const built = pack();
  expect(built.sections[0].indicators.map((i) => i.benchmark)).toEqual([null, null]);
  expect((built.dataQuality.info ?? []).filter((n) => n.kind.startsWith('benchmark'))).toEqual([
    {
      kind: 'benchmark-none',
      table: null,
      message: 'No benchmark data was found: no indicator is compared with published figures.',
    },
  ]);
});

test('with data: the benchmark for the prior year (2012/13), and none without a comparator', async () => {
  const { data } = await loadFixtures();
  if (!data) throw new Error('no data');
  const built = pack({ data, problems: [], info: [] });
  const [repeats, starts] = built.sections[0].indicators;
  expect(repeats.benchmark).toEqual(
    benchmarkFor(data, {
      comparator: 'cp_repeat_pct',
      settings: { laCode: 'E09000014', neighbours: 'latest' },
      priorYear: '2012/13',
    }),
  );
  expect([repeats.benchmark?.year, repeats.benchmark?.la.value, repeats.benchmark?.rank]).toEqual([
    '2012/13',
    4,
    { position: 1, of: 5 },
  ]);
  expect(starts.benchmark).toBeNull();
  expect((built.dataQuality.info ?? []).filter((n) => n.kind.startsWith('benchmark'))).toEqual([]);
});
