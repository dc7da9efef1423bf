/**
 * Targets for the pack's financial year: the April case (the new year begun, its targets not yet added) shows
 * "No target for 2014/15", and a status against a month with no target is not a change.
 */
import { buildPack } from '../../../functions/core/pack/build-pack';
import { statusChanged } from '../../../functions/core/pack/rag';
import { missingTargetsProblem } from '../../../functions/core/pack/targets';
import { buildPackView } from '../../../functions/core/render/view-model';
import type { RagStatus } from '../../../functions/core/pack/pack-types';
import { exampleMeta } from '../../fixtures/pack/example-pack';
import { ExtractBuilder } from '../measures/extract-builder';
import { configWith, emptyQuality } from './pack-fixtures';

/*
 * Plan starts in 2013/14: P2 (b, no earlier plan), P3 (c, previous plans 1: a repeat), P5 (d, a repeat of P4).
 * Repeats at March 2014 (year to date 2013/14): 2 of 3 = 66.7% against a 50% target, lower is better: Red.
 */
const extract = new ExtractBuilder()
  .cpPlan({ id: 'P1', person: 'a', start: '2012-06-01' })
  .cpPlan({ id: 'P2', person: 'b', start: '2013-10-10', end: '2013-11-15' })
  .cpPlan({ id: 'P3', person: 'c', start: '2013-11-05', previousPlans: 1 })
  .cpPlan({ id: 'P4', person: 'd', start: '2012-05-01', end: '2013-05-01' })
  .cpPlan({ id: 'P5', person: 'd', start: '2013-06-01' })
  .build();

const config = configWith([
  {
    id: 'child-protection',
    title: 'Child protection',
    indicators: [
      {
        code: 'RP',
        title: 'Repeats',
        measure: 'cp_repeat_pct',
        rag: { polarity: 'lower', targets: { '2013/14': 50 } },
      },
      { code: 'CH', title: 'Children on a plan', measure: 'cp_children' },
      { code: 'NT', title: 'Starts', measure: 'cp_starts', rag: { polarity: 'higher' } },
    ],
  },
]);

const april = () => buildPack({ extract, config, period: '2014-04', quality: emptyQuality() });
const rows = () => april().sections[0].indicators;

describe('an indicator with targets for other years but none for the pack’s', () => {
  it('has status none, with "No target for 2014/15" as its reason and its label', () => {
    const [rp] = rows();
    expect(rp).toMatchObject({ target: null, targetMissing: true, rag: 'none', ragReason: 'No target for 2014/15' });
    const row = buildPackView(april(), exampleMeta).sections[0].rows[0];
    expect(row.rag).toMatchObject({ status: 'none', label: 'No target for 2014/15', reason: 'No target for 2014/15' });
  });

  it('is not reported as a change from last month’s Red', () => {
    const [rp] = rows();
    expect(rp.previousRag).toBe('red');
    expect(rp.statusChanged).toBe(false);
    expect(buildPackView(april(), exampleMeta).summary.changes).toEqual([]);
  });

  it('is named, with every such code, by one warning', () => {
    expect(missingTargetsProblem(config, '2014/15')).toMatchObject({
      kind: 'no-target-for-year',
      value: 'RP',
      column: 'rag.targets["2014/15"]',
    });
    expect(missingTargetsProblem(config, '2014/15')?.message).toMatch(/^No target for 2014\/15: RP has targets/);
    expect(missingTargetsProblem(config, '2013/14')).toBeNull();
  });
});

describe('an indicator with no target in any year', () => {
  it('has no status and no warning, as before', () => {
    const [, ch, nt] = rows();
    for (const row of [ch, nt])
      expect(row).toMatchObject({ targetMissing: false, rag: 'none', ragReason: 'No target is set for 2014/15' });
    const view = buildPackView(april(), exampleMeta).sections[0].rows;
    expect(view[1].rag.label).toBe('-');
    expect(view[2].rag.label).toBe('-');
  });
});

describe('a change of status since last month', () => {
  test.each<[RagStatus, RagStatus, boolean]>([
    ['amber', 'red', true],
    ['red', 'green', true],
    ['no-data', 'red', true],
    ['red', 'red', false],
    ['none', 'red', false],
    ['red', 'none', false],
    ['data-only', 'amber', false],
    ['green', 'data-only', false],
  ])('%s → %s: %s', (previous, current, changed) => {
    expect(statusChanged(previous, current)).toBe(changed);
  });
});
