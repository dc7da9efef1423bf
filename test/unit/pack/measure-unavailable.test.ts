/**
 * A measure whose declared column is absent from the extract shows No data with the
 * reason, never a plausible 0 (issue 12, deliver 4). Hand-built extract: ssd_cp_plans
 * has no cppl_cp_plan_transfer_out column. Reporting month November 2013, two months.
 *   P1 a 2013-01-10 .. 2013-11-05   P2 b 2013-04-01 .. 2013-10-20   P3 c 2013-11-01 open
 * By definition: cp_ends is 1 in October (P2), 1 in November (P1), 2 year to date
 * (April–November), 0 in 2012/13; cp_moved_out cannot be counted: without the column
 * the reader would read every plan as "not a transfer out", a wrong 0.
 */
import { memorySource } from '../../../functions/core/extract/memory-source';
import { readExtract } from '../../../functions/core/extract/read-extract';
import { neededTables } from '../../../functions/core/config/pack-config';
import { buildPack } from '../../../functions/core/pack/build-pack';
import type { Pack, PackIndicator } from '../../../functions/core/pack/pack-types';
import { buildPackView } from '../../../functions/core/render/view-model';
import { ExtractBuilder } from '../measures/extract-builder';
import { configWith } from './pack-fixtures';

const PLANS_WITHOUT_TRANSFER_OUT = [
  'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date',
  'P1,a,2013-01-10,2013-11-05',
  'P2,b,2013-04-01,2013-10-20',
  'P3,c,2013-11-01,',
].join('\n');

const config = configWith(
  [
    {
      id: 'flows',
      title: 'Plans ending',
      indicators: [
        { code: 'END', title: 'Plans ended', measure: 'cp_ends', dataOnly: true },
        {
          code: 'OUT',
          title: 'Moved out on a plan',
          measure: 'cp_moved_out',
          rag: { polarity: 'lower', targets: { '2013/14': 5 } },
        },
      ],
    },
  ],
  { monthsShown: 2 },
);

const row = (pack: Pack, code: string): PackIndicator => {
  const found = pack.sections.flatMap((s) => s.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
};

let pack: Pack;

beforeAll(async () => {
  const read = await readExtract(memorySource({ 'ssd_cp_plans.csv': PLANS_WITHOUT_TRANSFER_OUT }), {
    period: '2013-11',
    neededTables: neededTables(config),
  });
  if (!read.extract) throw new Error(JSON.stringify(read.quality.errors));
  pack = buildPack({ extract: read.extract, config, period: '2013-11', quality: read.quality });
});

describe('a measure whose source column is absent from the extract', () => {
  it('the reader records which columns each table had', async () => {
    const read = await readExtract(memorySource({ 'ssd_cp_plans.csv': PLANS_WITHOUT_TRANSFER_OUT }), {
      period: '2013-11',
      neededTables: new Set(['ssd_cp_plans']),
    });
    expect(read.extract?.columnsPresent).toEqual({
      ssd_cp_plans: ['cppl_cp_plan_id', 'cppl_person_id', 'cppl_cp_plan_start_date', 'cppl_cp_plan_end_date'],
    });
  });

  it('shows no value in any cell, status No data, and says why where the reason goes', () => {
    const out = row(pack, 'OUT');
    const reason =
      "the extract's ssd_cp_plans table has no cppl_cp_plan_transfer_out column, so cp_moved_out cannot be " +
      'counted from it (a 0 would look right and be wrong)';
    expect(out.unavailable).toBe(reason);
    for (const cell of [out.priorYear, ...out.months, out.ytd])
      expect(cell).toMatchObject({ value: null, numerator: null, denominator: null });
    expect([out.rag, out.previousRag]).toEqual(['no-data', 'no-data']);
    expect(out.ragReason).toBe(`No data: ${reason}`);
    expect(out.trend).toEqual({ direction: null, better: null });
  });

  it('lists the reason in the data-quality section as a warning naming the indicator', () => {
    const warnings = pack.dataQuality.warnings.filter((w) => w.kind === 'measure-unavailable');
    expect(warnings.map(({ kind, table, row, column, value }) => ({ kind, table, row, column, value }))).toEqual([
      {
        kind: 'measure-unavailable',
        table: 'ssd_cp_plans',
        row: null,
        column: 'cppl_cp_plan_transfer_out',
        value: 'OUT',
      },
    ]);
    expect(warnings[0].message).toMatch(/^OUT \(Moved out on a plan\) shows No data: the extract's ssd_cp_plans/);
    expect(pack.dataQuality.counts['measure-unavailable']).toEqual({ severity: 'warning', total: 1, listed: 1 });
  });

  it('drafts no sentence from null figures, and says there is no data instead', () => {
    const draft = pack.sections[0].comments.performance.text ?? '';
    expect(draft).not.toMatch(/moved out of/);
    expect(draft).toContain('OUT: no data, because the extract');
    expect(draft).toContain('In November 1 plan ended, 2 in 2013/14 so far.');
  });

  it('still counts the measures whose columns are all there', () => {
    const ends = row(pack, 'END');
    expect(ends.unavailable).toBeNull();
    expect(ends.months.map((m) => m.value)).toEqual([1, 1]);
    expect([ends.priorYear.value, ends.ytd.value]).toEqual([0, 2]);
  });

  it('the page view shows it as No data with the reason', () => {
    const view = buildPackView(pack, {
      runId: 'test',
      generatedAt: '2013-12-02T07:00:00Z',
      sources: [],
      codeVersion: 'test',
      workbookName: 'test-pack-2013-11.xlsx',
    });
    const text = JSON.stringify(view);
    expect(text).toContain('No data');
    expect(text).toContain('has no cppl_cp_plan_transfer_out column');
  });

  it('a hand-built extract with the column present counts the transfers (no No data)', () => {
    const extract = new ExtractBuilder()
      .cpPlan({ id: 'P1', person: 'a', start: '2013-01-10', end: '2013-11-05', transferOut: true })
      .build();
    const withColumn = buildPack({
      extract: {
        ...extract,
        columnsPresent: { ssd_cp_plans: ['cppl_cp_plan_id', 'cppl_cp_plan_end_date', 'cppl_cp_plan_transfer_out'] },
      },
      config,
      period: '2013-11',
      quality: { errors: [], warnings: [], counts: {} },
    });
    expect(row(withColumn, 'OUT')).toMatchObject({ unavailable: null, ytd: { value: 1 } });
  });
});
