/**
 * The neighbours' mean, median, minimum and maximum in each benchmark, recomputed independently in DuckDB from the
 * snapshot JSON built from the hand-written fixtures (bench/duckdb-benchmarks.ts), must agree with the pack's.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { neighbourStatsInDuckDb } from '../../bench/duckdb-benchmarks';
import { benchmarkFor, financialYearOf } from '../../functions/core/benchmarks/benchmark-cell';
import { serializeSnapshot } from '../../functions/core/benchmarks/snapshot';
import { loadFixtures } from '../unit/benchmarks/fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'benchmarks-duckdb-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test.each([2013, 2014, 2022])(
  'the neighbours of Haringey (309) up to reporting year %i agree in DuckDB',
  async (cutoff) => {
    const { data } = await loadFixtures();
    if (!data) throw new Error('no data');
    const file = path.join(dir, 'benchmarks.json');
    await writeFile(file, serializeSnapshot(data));
    const duck = await neighbourStatsInDuckDb(file, { oldLaCode: '309', modelId: '2025', cutoffYear: cutoff });
    expect(duck.length).toBeGreaterThan(0);
    for (const stats of duck) {
      const ours = benchmarkFor(data, {
        comparator: stats.comparator,
        settings: { laCode: '309', neighbours: '2025' },
        priorYear: financialYearOf(cutoff),
      });
      expect([stats.comparator, ours?.year]).toEqual([stats.comparator, financialYearOf(stats.year)]);
      const numbers = ours?.neighbours.values.filter((v) => v.value !== null).length;
      expect([stats.comparator, numbers]).toEqual([stats.comparator, stats.n]);
      for (const key of ['mean', 'median', 'min', 'max'] as const) {
        const theirs = stats[key];
        const mine = ours?.neighbours[key] ?? null;
        if (theirs === null) expect([stats.comparator, key, mine]).toEqual([stats.comparator, key, null]);
        else expect(mine).toBeCloseTo(theirs, 9);
      }
    }
  },
);
