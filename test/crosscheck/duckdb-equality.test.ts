/**
 * The independent cross-check: an extract computed by the pipeline (readExtract +
 * buildPack) and by the DuckDB SQL baseline must agree in every cell of every indicator
 * of the default pack (numerator, denominator, value within 1e-9). Two extracts: a
 * generated scale-1 one (realistic volume), and the hand-worked one whose numbers the
 * baseline test checks by hand (the parsing rules and the edges of the definitions).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localFolderSource } from '../../functions/adapters/local-folder-source';
import defaultPack from '../../functions/core/config/default-pack.json';
import {
  neededTables,
  parsePackConfig,
  parsePackConfigText,
  type PackConfig,
} from '../../functions/core/config/pack-config';
import { readExtract } from '../../functions/core/extract/read-extract';
import { buildPack } from '../../functions/core/pack/build-pack';
import { tableReach } from '../../functions/core/pack/reach';
import { baselineCells, compareCells, describeMismatches, packCells, type IndicatorCells } from '../../bench/compare';
import { duckdbPack } from '../../bench/duckdb-baseline';
import { generateExtract, REPO_ROOT } from '../../bench/generate-extract';
import {
  HAND_WORKED_MONTHS_SHOWN,
  HAND_WORKED_PERIOD,
  HAND_WORKED_POPULATION,
  writeHandWorkedExtract,
} from './hand-worked-extract';
import { withEveryMeasure } from './every-measure';
import { MEASURE_NAMES } from '../../functions/core/measures/registry';

const PERIOD = '2013-11';

async function pipelineCells(dir: string, config: PackConfig, period: string): Promise<Record<string, IndicatorCells>> {
  // Read as the run reads it, rows before the pack's reach left out: DuckDB reads every row.
  const read = await readExtract(localFolderSource(dir), {
    period,
    neededTables: neededTables(config),
    reach: tableReach(config, period),
  });
  expect(read.quality.errors).toEqual([]);
  if (!read.extract) throw new Error(`the extract in ${dir} did not read`);
  return packCells(buildPack({ extract: read.extract, config, period, quality: read.quality }));
}

// Each layout the generator writes (spec: docs/EXTRACT.md; systemc, mosaic: the real SSD, with
// its nulls, other authorities' plans and CIN episodes): the DuckDB side applies the same
// rules of docs/EXTRACT-SSD.md independently, in SQL.
describe.each(['spec', 'systemc', 'mosaic'] as const)(
  'pipeline and DuckDB agree on a generated scale-1 %s extract',
  (layout) => {
    let dir: string;
    let pipeline: Record<string, IndicatorCells>;
    let duckdb: Record<string, IndicatorCells>;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'duckdb-equality-'));
      await generateExtract(1, PERIOD, dir, layout);
      const config = withEveryMeasure(
        parsePackConfigText(readFileSync(path.join(REPO_ROOT, 'functions/core/config/default-pack.json'), 'utf8')),
      );
      pipeline = await pipelineCells(dir, config, PERIOD);
      duckdb = baselineCells(await duckdbPack(dir, config, PERIOD));
    }, 180_000);

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('has the same indicators and columns on both sides', () => {
      const columns = (cells: Record<string, IndicatorCells>) =>
        Object.entries(cells)
          .map(([code, c]) => `${code}: ${Object.keys(c).sort().join(' ')}`)
          .sort();
      expect(columns(pipeline)).toEqual(columns(duckdb));
      expect(Object.keys(pipeline).length).toBeGreaterThanOrEqual(MEASURE_NAMES.length);
    });

    it('has data to compare: every indicator is non-zero somewhere', () => {
      // An indicator that is zero in every column on both sides would agree without testing anything.
      const empty = Object.entries(duckdb)
        .filter(([, cells]) => Object.values(cells).every((cell) => !cell.value && !cell.denominator))
        .map(([code]) => code);
      expect(empty).toEqual([]);
    });

    it('agrees in every cell (numerator, denominator, value within 1e-9)', () => {
      expect(describeMismatches(compareCells(pipeline, duckdb))).toBe('');
    });
  },
);

describe('pipeline and DuckDB agree on the hand-worked extract', () => {
  it('agrees in every cell', async () => {
    const dir = writeHandWorkedExtract();
    try {
      const config = withEveryMeasure(
        parsePackConfig({ ...defaultPack, monthsShown: HAND_WORKED_MONTHS_SHOWN, population: HAND_WORKED_POPULATION }),
      );
      const pipeline = await pipelineCells(dir, config, HAND_WORKED_PERIOD);
      const duckdb = baselineCells(await duckdbPack(dir, config, HAND_WORKED_PERIOD));
      expect(describeMismatches(compareCells(pipeline, duckdb))).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
