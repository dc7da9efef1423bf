/**
 * The cross-check across a dated definition change and a working-day window: the default pack
 * for 2014-01, whose OP380 (CP visits) is 28 calendar days until December 2013 and 10 working
 * days from January 2014 (`paramsFrom`), so its prior-year and earlier month columns are under
 * the old definition and January's under the new; and the same with the authority's closure
 * days 27–31 December 2013 moving a working-day window. Pipeline and DuckDB must agree in every
 * cell, and the DuckDB side must show that each change did change the cells it should.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localFolderSource } from '../../functions/adapters/local-folder-source';
import defaultPack from '../../functions/core/config/default-pack.json';
import { neededTables, parsePackConfig, type PackConfig } from '../../functions/core/config/pack-config';
import { readExtract } from '../../functions/core/extract/read-extract';
import { buildPack } from '../../functions/core/pack/build-pack';
import { tableReach } from '../../functions/core/pack/reach';
import { baselineCells, compareCells, describeMismatches, packCells, type IndicatorCells } from '../../bench/compare';
import { duckdbPack } from '../../bench/duckdb-baseline';
import { generateExtract } from '../../bench/generate-extract';
import { withEveryMeasure } from './every-measure';

const PERIOD = '2014-01';
const CLOSED = ['2013-12-27', '2013-12-28', '2013-12-29', '2013-12-30', '2013-12-31'];

/** The default pack with OP380's definitions replaced (and top-level fields added), validated as a user's would be. */
function packWith(op380: Record<string, unknown>, extra: Record<string, unknown> = {}): PackConfig {
  const sections = defaultPack.sections.map((section) => ({
    ...section,
    indicators: section.indicators.map((indicator) =>
      indicator.code === 'OP380' ? { ...indicator, ...op380 } : indicator,
    ),
  }));
  return withEveryMeasure(parsePackConfig({ ...defaultPack, ...extra, sections }));
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'duckdb-dated-'));
  await generateExtract(1, PERIOD, dir);
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function bothSides(config: PackConfig) {
  // Read as the run reads it, rows before the pack's reach left out: DuckDB reads every row.
  const read = await readExtract(localFolderSource(dir), {
    period: PERIOD,
    neededTables: neededTables(config),
    reach: tableReach(config, PERIOD),
  });
  expect(read.quality.errors).toEqual([]);
  if (!read.extract) throw new Error(`the extract in ${dir} did not read`);
  const pipeline = packCells(buildPack({ extract: read.extract, config, period: PERIOD, quality: read.quality }));
  const duckdb = baselineCells(await duckdbPack(dir, config, PERIOD));
  return { pipeline, duckdb };
}

const differs = (a: IndicatorCells, b: IndicatorCells, column: string) =>
  a[column].numerator !== b[column].numerator || a[column].denominator !== b[column].denominator;

describe('the default pack for 2014-01: OP380 changes from 28 days to 10 working days', () => {
  it('agrees in every cell, each column under its own definition', async () => {
    const shipped = withEveryMeasure(parsePackConfig(defaultPack));
    expect(shipped.sections.flatMap((s) => s.indicators).find((i) => i.code === 'OP380')?.paramsFrom).toEqual([
      { from: '2014-01', params: { windowWorkingDays: 10 } },
    ]);
    const { pipeline, duckdb } = await bothSides(shipped);
    expect(describeMismatches(compareCells(pipeline, duckdb))).toBe('');

    // The same pack with 28 days throughout: the columns before January 2014 are unchanged (the old
    // definition), January and the year to date (at 31 January) are not (x = Sun 19 January, not 3 January).
    const old = baselineCells(await duckdbPack(dir, packWith({ paramsFrom: [] }), PERIOD));
    for (const column of ['priorYear', '2013-08', '2013-09', '2013-10', '2013-11', '2013-12'])
      expect([column, duckdb.OP380[column]]).toEqual([column, old.OP380[column]]);
    for (const column of ['2014-01', 'ytd'])
      expect([column, differs(duckdb.OP380, old.OP380, column)]).toEqual([column, true]);
  }, 180_000);
});

describe('closure days 27–31 December 2013 with a working-day window from December', () => {
  it('agrees in every cell, and the closure days move the December window', async () => {
    const working = { paramsFrom: [{ from: '2013-12', params: { windowWorkingDays: 10 } }] };
    const { pipeline, duckdb } = await bothSides(packWith(working, { closureDays: CLOSED }));
    expect(describeMismatches(compareCells(pipeline, duckdb))).toBe('');

    // At 31 December, 10 working days back: open, 31(1) 30(2) 27(3) 24(4) 23(5) 20–16(10), x = Sun 15
    // December; closed 27–31, 24(1) 23(2) 20–16(7) 13 12 11(10), x = Tue 10 December. January's window
    // (x = 19 January) does not reach December, so it is the same either way.
    const open = baselineCells(await duckdbPack(dir, packWith(working), PERIOD));
    expect(differs(duckdb.OP380, open.OP380, '2013-12')).toBe(true);
    expect(duckdb.OP380['2014-01']).toEqual(open.OP380['2014-01']);
  }, 240_000);
});
