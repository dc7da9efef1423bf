/**
 * The DfE tidy-CSV loader on the hand-written fixtures (test/fixtures/benchmarks/README.md): figures read by
 * column name, the byte-order mark, suppression codes kept as codes, empty cells as no figure, and bad rows
 * named by file, row and column. Expected figures are the fixture files' own cells.
 */
import { Readable } from 'node:stream';
import path from 'node:path';
import { figureKey } from '../../../functions/core/benchmarks/benchmark-data';
import { comparatorsForFile } from '../../../functions/core/benchmarks/comparators';
import { readPublishedCsv } from '../../../functions/core/benchmarks/published-csv';
import { FIXTURES, loadFixtures } from './fixtures';

const figure = (
  data: Awaited<ReturnType<typeof loadFixtures>>['data'],
  comparator: string,
  area: string,
  year: number,
) => data?.figures.get(figureKey(comparator, area, year));

describe('reading DfE published files', () => {
  test('a figure is read by column name, with its source file and reporting year', async () => {
    const { data, problems } = await loadFixtures();
    expect(problems).toEqual([]);
    expect(figure(data, 'cp_repeat_pct', 'E09000014', 2013)).toEqual({
      comparator: 'cp_repeat_pct',
      area: 'E09000014',
      year: 2013,
      value: 4,
      suppressed: null,
      source: 'd3_cpps_subsequent_plan_2013_to_2014.csv',
    });
    expect(figure(data, 'cp_starts', 'E09000014', 2014)?.value).toBe(300);
    expect(figure(data, 'cp_open_2y_pct', 'E09000014', 2013)?.value).toBe(4.8);
    expect(figure(data, 'cp_children_31march', 'E09000014', 2013)?.value).toBe(250);
  });

  test('the CLA file (byte-order mark, la_name before new_la_code) gives the 31 March rate only', async () => {
    const { data } = await loadFixtures();
    expect(figure(data, 'cla_rate_31march', 'E09000014', 2022)?.value).toBe(60);
    // Ten rows are "on 31 March": England, three London regions, six boroughs, Enfield's cell empty. Haringey's
    // "starting" row is another population_type, not a second figure.
    expect([...(data?.figures.values() ?? [])].filter((f) => f.comparator === 'cla_rate_31march')).toHaveLength(9);
    expect(data?.areas.get('E09000014')).toEqual({
      code: 'E09000014',
      name: 'Haringey',
      level: 'la',
      oldCode: '309',
      region: 'E13000001',
    });
  });

  test('suppression codes stay codes, never 0; an empty cell is no figure', async () => {
    const { data } = await loadFixtures();
    const codes = (comparator: string, area: string, year: number) => {
      const f = figure(data, comparator, area, year);
      return f ? [f.value, f.suppressed] : 'none';
    };
    expect(codes('cp_repeat_pct', 'E09000019', 2013)).toEqual([null, 'c']);
    expect(codes('cp_repeat_pct', 'E09000003', 2014)).toEqual([null, 'x']);
    expect(codes('cp_open_2y_pct', 'E09000019', 2013)).toEqual([null, 'z']);
    expect(codes('cp_open_2y_pct', 'E09000003', 2013)).toEqual([null, 'low']);
    expect(codes('cla_rate_31march', 'E09000019', 2022)).toEqual([null, 'u']);
    expect(codes('cla_rate_31march', 'E09000010', 2022)).toBe('none');
  });

  test("London's three regional rows are three areas; a borough names its own (Inner or Outer London)", async () => {
    const { data } = await loadFixtures();
    expect(figure(data, 'cp_repeat_pct', 'E12000007', 2013)?.value).toBe(14);
    expect(figure(data, 'cp_repeat_pct', 'E13000001', 2013)?.value).toBe(13);
    expect(figure(data, 'cp_repeat_pct', 'E13000002', 2013)?.value).toBe(15);
    expect(data?.areas.get('E09000003')?.region).toBe('E13000002');
  });

  test('columns are found by name whatever their order', async () => {
    const csv =
      'CPP_subsequent_percent,la_name,new_la_code,old_la_code,region_name,region_code,country_name,country_code,' +
      'geographic_level,time_identifier,time_period,category,CPP_start,CPP_subsequent\n' +
      '4,Haringey,E09000014,309,Inner London,E13000001,England,E92000001,Local authority,Reporting year,' +
      '2013,x,300,12\n';
    const file = 'd3_cpps_subsequent_plan_2013_to_2013.csv';
    const read = await readPublishedCsv(file, Readable.from([Buffer.from(csv)]), comparatorsForFile(file));
    expect(read.problems).toEqual([]);
    expect(read.figures.map((f) => [f.comparator, f.value])).toEqual([
      ['cp_repeat_pct', 4],
      ['cp_starts', 300],
    ]);
  });

  test('the neighbour model is read from the CSV by old LA code, closest first', async () => {
    const { data } = await loadFixtures();
    const model = data?.models.get('2025');
    expect(model?.name).toBe('DfE statistical neighbours (2025)');
    expect(model?.groups['309']).toEqual(['206', '204', '202', '308']);
  });
});

describe('bad files: each problem names the file, the row and the column', () => {
  test('every bad row is reported and the good rows are still read', async () => {
    const { data, problems } = await loadFixtures(path.join(FIXTURES, 'bad'));
    const d3 = 'd3_cpps_subsequent_plan_2013_to_2014.csv';
    expect(problems.map((p) => [p.table, p.row, p.column, p.value])).toEqual([
      ['c1_children_in_need_referrals_and_rereferrals_2013_to_2013.csv', 1, 'rereferral_percent', null],
      [d3, 3, 'time_period', '2013/14'],
      [d3, 4, 'CPP_subsequent_percent', 'n/a'],
      [d3, 5, 'new_la_code', ''],
      [d3, 6, 'geographic_level', 'Ward'],
      [d3, 8, 'CPP_subsequent_percent', '11'],
      [d3, 8, 'CPP_start', '220'],
    ]);
    expect(problems[1].message).toBe(`${d3}: row 3, time_period: "2013/14" is not a reporting year such as 2013`);
    expect(problems[2].message).toContain(
      `row 4, CPP_subsequent_percent: "n/a" is neither a number nor one of DfE's codes`,
    );
    expect(problems[5].message).toContain('a second figure for Barnet (E09000003) in 2013 (the first is in row 7)');
    // The file missing a column gives no figures; the d3 file's good rows are read.
    expect(figure(data, 'cp_repeat_pct', 'E09000003', 2013)?.value).toBe(10);
    expect(figure(data, 'cp_repeat_pct', 'E92000001', 2013)?.value).toBe(15);
    expect(figure(data, 'referrals', 'E92000001', 2013)).toBeUndefined();
  });
});
