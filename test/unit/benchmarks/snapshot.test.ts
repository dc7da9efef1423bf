/**
 * The snapshot round trip, a newer DfE file laid over a snapshot (newer wins per figure), LAIT's neighbour workbook,
 * the configuration's benchmark fields, and what the pack's data-quality section says without benchmark data.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { figureKey } from '../../../functions/core/benchmarks/benchmark-data';
import { readNeighbourModel } from '../../../functions/core/benchmarks/neighbour-models';
import { benchmarkQuality, NO_BENCHMARKS } from '../../../functions/core/benchmarks/pack-benchmarks';
import { parseSnapshot, serializeSnapshot } from '../../../functions/core/benchmarks/snapshot';
import { parsePackConfig } from '../../../functions/core/config/pack-config';
import { ConfigError } from '../../../functions/core/errors';
import defaultPack from '../../../functions/core/config/default-pack.json';
import { loadFixtures } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'benchmarks-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a snapshot gives back every figure, area and model it was built from', async () => {
  const { data } = await loadFixtures();
  if (!data) throw new Error('no data');
  const read = parseSnapshot('benchmarks.json', serializeSnapshot(data));
  expect(read.problems).toEqual([]);
  expect(read.figures).toEqual(expect.arrayContaining([...data.figures.values()]));
  expect(read.figures).toHaveLength(data.figures.size);
  expect(read.areas).toEqual(expect.arrayContaining([...data.areas.values()]));
  expect(read.models).toEqual([...data.models.values()]);
});

test('a DfE file dropped beside the snapshot wins where it reaches a later year', async () => {
  const { data } = await loadFixtures();
  if (!data) throw new Error('no data');
  await writeFile(path.join(dir, 'benchmarks.json'), serializeSnapshot(data));
  // DfE's next release: 2014 revised for Haringey (17 → 18) and 2015 added; Camden's 2014 cell left empty.
  const head =
    'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,' +
    'old_la_code,new_la_code,la_name,category,CPP_start,CPP_subsequent,CPP_subsequent_percent\n';
  const row = (year: number, code: string, old: string, name: string, pct: string) =>
    `${year},Reporting year,Local authority,E92000001,England,E13000001,Inner London,` +
    `${old},${code},${name},x,,,${pct}\n`;
  await writeFile(
    path.join(dir, 'd3_cpps_subsequent_plan_2013_to_2015.csv'),
    head +
      row(2015, 'E09000014', '309', 'Haringey', '21') +
      row(2014, 'E09000014', '309', 'Haringey', '18') +
      row(2014, 'E09000007', '202', 'Camden', ''),
  );
  const merged = await loadFixtures(dir);
  const at = (area: string, year: number) => merged.data?.figures.get(figureKey('cp_repeat_pct', area, year));
  expect([at('E09000014', 2014)?.value, at('E09000014', 2014)?.source]).toEqual([
    18,
    'd3_cpps_subsequent_plan_2013_to_2015.csv',
  ]);
  expect(at('E09000014', 2015)?.value).toBe(21);
  expect([at('E09000007', 2014)?.value, at('E09000007', 2014)?.source]).toEqual([
    12,
    'd3_cpps_subsequent_plan_2013_to_2014.csv',
  ]);
});

test('a snapshot that is not one is a problem naming the file', () => {
  const read = parseSnapshot('benchmarks.json', '{"format":"something else"}');
  expect(read.figures).toEqual([]);
  expect(read.problems[0].message).toMatch(/^benchmarks\.json: not a benchmark snapshot/);
});

test("LAIT's workbook: sheet LA SN Groups, two rows above the header, '-' for none", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('LA SN Groups');
  sheet.addRow(['A', 'B', 'C', 'D', 'E', 3, 4, 5, 6, 7, 8]);
  sheet.addRow([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  sheet.addRow(['LA num', 'LA Name', 'LA number', 'GOInd', 'GOReg', 'SN1', 'SNP', 'SN2', 'SNP', 'SN3', 'SNP']);
  sheet.addRow([309, 'Haringey', 309, 3, 'London (Inner)', 320, 'Close', 204, 'Close', 210, 'Close']);
  sheet.addRow([942, 'Cumberland', 942, 5, 'North West', '-', '-', '-', '-', '-', '-']);
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  const read = await readNeighbourModel('sn_april_2021.xlsx', Readable.from([body]));
  expect(read.problems).toEqual([]);
  expect(read.models).toEqual([
    {
      id: '2021',
      name: 'DfE statistical neighbours (April 2021)',
      source: 'sn_april_2021.xlsx',
      groups: { '309': ['320', '204', '210'], '942': [] },
    },
  ]);
});

test('a workbook without the sheet says so', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(['x']);
  const read = await readNeighbourModel(
    'sn_may_2025.xlsx',
    Readable.from([Buffer.from(await workbook.xlsx.writeBuffer())]),
  );
  expect(read.problems.map((p) => p.message)).toEqual([
    'sn_may_2025.xlsx: the workbook has no sheet named "LA SN Groups"',
  ]);
});

describe('configuration', () => {
  const withBenchmarks = (benchmarks: unknown, comparator: unknown = 'cp_repeat_pct') => {
    const config = JSON.parse(JSON.stringify(defaultPack)) as {
      benchmarks: unknown;
      sections: Array<{ indicators: Array<Record<string, unknown>> }>;
    };
    config.benchmarks = benchmarks;
    config.sections[0].indicators[0].comparator = comparator;
    return config;
  };
  const errorOf = (value: unknown): string => {
    try {
      parsePackConfig(value, 'config/pack.json');
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  test('the default pack is Haringey, 309, with the latest model', () => {
    const config = parsePackConfig(defaultPack);
    expect(config.benchmarks).toEqual({ laCode: '309', neighbours: 'latest' });
    const comparators = (id: string) =>
      config.sections.find((section) => section.id === id)?.indicators.map((i) => i.comparator ?? null);
    // Referrals and re-referrals at the front door; none for contacts, the rate (no published rate), NFA.
    expect(comparators('front-door')).toEqual([null, 'referrals', null, 'rereferrals_pct', null]);
    expect(comparators('child-protection')).toEqual([
      'cp_children_31march',
      null,
      'cla_rate_31march',
      'cp_starts',
      null,
      null,
      'cp_open_2y_pct',
      'cp_repeat_pct',
      null,
      null,
    ]);
  });

  test('bad values are named by their field path', () => {
    expect(errorOf(withBenchmarks({ laCode: 'Haringey' }))).toContain('  - benchmarks.laCode: must be an LA code');
    expect(errorOf(withBenchmarks({ laCode: '309', neighbours: ['309', 'x'] }))).toContain('  - benchmarks.neighbours');
    expect(errorOf(withBenchmarks({ laCode: '309', extra: 1 }))).toContain('benchmarks');
    expect(errorOf(withBenchmarks({ laCode: '309' }, 'cp_rate'))).toContain(
      '  - sections[0].indicators[0].comparator: unknown comparator "cp_rate": expected null or one of cp_repeat_pct',
    );
  });
});

describe("the pack's data-quality notes", () => {
  const config = parsePackConfig(defaultPack);
  test('no benchmark data: one info line', () => {
    expect(benchmarkQuality(config, NO_BENCHMARKS)).toEqual({
      info: [
        {
          kind: 'benchmark-none',
          table: null,
          message: 'No benchmark data was found: no indicator is compared with published figures.',
        },
      ],
      warnings: [],
    });
  });
  test('an authority not in the data: a warning naming the field', async () => {
    const { data } = await loadFixtures();
    const quality = benchmarkQuality(
      { ...config, benchmarks: { laCode: '999', neighbours: 'latest' } },
      { data, problems: [], info: [] },
    );
    expect(quality.warnings.map((w) => w.message)).toEqual([
      'benchmarks.laCode 999 is not a local authority in the benchmark data: no indicator is compared.',
    ]);
  });
});
