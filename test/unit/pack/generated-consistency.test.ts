/**
 * A whole pack from the generator's scale-1 extract, checked for internal consistency
 * rather than for particular numbers: month-end stock = previous stock + starts − ends
 * (the generated extract has no overlapping plans), flow YTD = the sum of the year's
 * months, snapshot YTD = the last month.
 */
import defaultPack from '../../../functions/core/config/default-pack.json';
import { neededTables, parsePackConfig } from '../../../functions/core/config/pack-config';
import { memorySource } from '../../../functions/core/extract/memory-source';
import { readExtract } from '../../../functions/core/extract/read-extract';
import { buildPack } from '../../../functions/core/pack/build-pack';
import { MEASURES, type Measure } from '../../../functions/core/measures/registry';
import type { Pack, PackIndicator } from '../../../functions/core/pack/pack-types';
import { TABLE_NAMES } from '../../../functions/core/types';
import { columnNames, generateBlocks } from '../../../functions/generate/generate-extract';
import { layoutTables } from '../../../functions/generate/layouts';

// March: the twelve months shown are exactly the financial year 2013/14.
const PERIOD = '2014-03';
let pack: Pack;

const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvLine = (values: string[]): string => `${values.map(csvField).join(',')}\n`;

/** The generator's scale-1 extract as CSV files in memory. */
function generatedCsvFiles(): Record<string, string> {
  const [block] = [...generateBlocks({ period: PERIOD, scale: 1, seed: 7 })];
  return Object.fromEntries(
    layoutTables('spec', TABLE_NAMES).map((table) => [
      `${table}.csv`,
      [columnNames(table), ...(block[table] ?? [])].map(csvLine).join(''),
    ]),
  );
}

beforeAll(async () => {
  const config = parsePackConfig({ ...defaultPack, monthsShown: 12 });
  const read = await readExtract(memorySource(generatedCsvFiles()), {
    period: PERIOD,
    neededTables: neededTables(config),
  });
  if (!read.extract)
    throw new Error(`the generated extract did not read cleanly: ${JSON.stringify(read.quality.errors.slice(0, 3))}`);
  expect(read.quality.counts['overlapping-plans']).toBeUndefined();
  pack = buildPack({ extract: read.extract, config, period: PERIOD, quality: read.quality });
});

const row = (measure: string): PackIndicator => {
  const found = pack.sections.flatMap((s) => s.indicators).find((i) => i.measure === measure);
  if (!found) throw new Error(`no row for ${measure}`);
  return found;
};
const sum = (values: Array<number | null>): number => values.reduce<number>((total, v) => total + (v ?? 0), 0);

describe('a pack from a generated extract', () => {
  it('covers the financial year in its months', () => {
    expect(pack.months[0]).toBe('2013-04');
    expect(pack.months).toHaveLength(12);
    expect(pack.financialYear).toBe('2013/14');
  });

  it('month-end children on a plan = previous month-end + starts − ends, from 31 March 2013', () => {
    const children = row('cp_children');
    const starts = row('cp_starts');
    const ends = row('cp_ends');
    let previous = children.priorYear.value ?? 0;
    expect(previous).toBeGreaterThan(0);
    children.months.forEach((month, i) => {
      expect(month.value).toBe(previous + (starts.months[i].value ?? 0) - (ends.months[i].value ?? 0));
      previous = month.value ?? 0;
    });
  });

  // The kinds and units come from the registry, so a new measure is checked here without a change to this test.
  const shown = (test: (measure: Measure) => boolean): string[] =>
    MEASURES.filter(test)
      .map((measure) => measure.name)
      .filter((name) => pack.sections.some((s) => s.indicators.some((i) => i.measure === name)));

  it('shows every kind of measure the checks below are about', () => {
    expect(shown((m) => m.kind === 'flow' && m.unit === 'count').length).toBeGreaterThan(0);
    expect(shown((m) => m.kind === 'flow' && m.unit === 'percent').length).toBeGreaterThan(0);
    expect(shown((m) => m.kind === 'snapshot').length).toBeGreaterThan(0);
  });

  // Children counted once per window (DfE's rule for children starting, ceasing, missing): a child in two months
  // counts once in the year to date, so it is at most the months' sum and at least any one month.
  const childrenOnce = new Set(['cla_starts', 'cla_ceased', 'cla_missing']);

  it('flow counts: the year to date is the sum of the months', () => {
    for (const measure of shown((m) => m.kind === 'flow' && m.unit === 'count' && !childrenOnce.has(m.name))) {
      const flow = row(measure);
      expect([measure, flow.ytd.value]).toEqual([measure, sum(flow.months.map((m) => m.value))]);
    }
  });

  it('flow counts of children once: the year to date is between the largest month and the sum of the months', () => {
    for (const measure of shown((m) => childrenOnce.has(m.name))) {
      const months = row(measure).months.map((m) => m.value ?? 0);
      const ytd = row(measure).ytd.value ?? 0;
      expect([measure, ytd <= sum(months), ytd >= Math.max(...months)]).toEqual([measure, true, true]);
    }
  });

  it('flow percentages: the year to date is Σ numerators / Σ denominators', () => {
    for (const measure of shown((m) => m.kind === 'flow' && m.unit === 'percent')) {
      const flow = row(measure);
      const numerator = sum(flow.months.map((m) => m.numerator));
      const denominator = sum(flow.months.map((m) => m.denominator));
      expect(denominator).toBeGreaterThan(0);
      expect([measure, flow.ytd.numerator, flow.ytd.denominator]).toEqual([measure, numerator, denominator]);
      expect(flow.ytd.value).toBeCloseTo((100 * numerator) / denominator, 10);
    }
  });

  it('snapshots: the year to date is the last month', () => {
    for (const measure of shown((m) => m.kind === 'snapshot')) {
      const snapshot = row(measure);
      expect([measure, snapshot.ytd]).toEqual([
        measure,
        {
          value: snapshot.months[11].value,
          numerator: snapshot.months[11].numerator,
          denominator: snapshot.months[11].denominator,
        },
      ]);
    }
  });

  it('percent values lie in 0..100 and rates carry the population', () => {
    for (const indicator of pack.sections.flatMap((s) => s.indicators)) {
      for (const cell of [...indicator.months, indicator.ytd, indicator.priorYear]) {
        if (indicator.unit === 'percent' && cell.value !== null) expect(cell.value).toBeGreaterThanOrEqual(0);
        if (indicator.unit === 'percent' && cell.value !== null) expect(cell.value).toBeLessThanOrEqual(100);
        if (indicator.unit === 'rate') expect(cell.denominator).toBeGreaterThan(0);
      }
    }
  });
});
