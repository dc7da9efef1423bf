/**
 * The attention list and status changes, worked by hand from the example pack (the seed's
 * November 2013 figures in test/fixtures/pack/example-pack.json).
 */
import {
  attentionList,
  previousMonthTitle,
  statusChanges,
  statusCounts,
  statusNote,
  ytdAgainstTarget,
} from '../../../functions/core/render/attention';
import type { Pack, PackIndicator } from '../../../functions/core/pack/pack-types';
import { examplePack } from '../../fixtures/pack/example-pack';

function indicator(pack: Pack, code: string): PackIndicator {
  const found = pack.sections.flatMap((s) => s.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code} in the example pack`);
  return found;
}

describe('attentionList', () => {
  const list = attentionList(examplePack());

  it('lists the Red indicators, then the Amber, in pack order', () => {
    expect(list.map((i) => [i.code, i.statusLabel])).toEqual([
      ['OP388a', 'Red'],
      ['HY64', 'Red'],
      ['Op367', 'Red'],
      ['OP389a', 'Amber'],
      ['OP380', 'Amber'],
    ]);
  });

  it('gives the value against target, the direction and the reason', () => {
    expect(list.find((i) => i.code === 'Op367')).toEqual({
      code: 'Op367',
      title: 'Percentage of CP cases which were reviewed within required timescales',
      section: 'CP Reviews and Visits',
      status: 'red',
      statusLabel: 'Red',
      // 104 / 118 = 88.1%; October 108 / 119 = 90.8%, printed 91%.
      value: '88%',
      target: '100%',
      versus: '88% against a target of 100%',
      direction: '↓ Down, worse',
      why: '88.1% against 100%: higher is better, Red below 90% (10% tolerance)',
      standing: null, // no published figures in the example pack (benchmarks.test.ts has them)
    });
  });

  it('never prints a value that is not the target as the target', () => {
    // OP380: 164 / 173 = 94.797…%, which rounds to the 95% target.
    const op380 = list.find((i) => i.code === 'OP380');
    expect(op380?.versus).toBe('94.8% against a target of 95%');
  });

  it('says "slightly" when the last two months print the same', () => {
    // OP389a: 87.8 and 88.2 per 10,000, both printed 88; OP380 95.5% and 94.8%, both 95%.
    expect(list.find((i) => i.code === 'OP389a')?.direction).toBe('↑ Slightly up, worse');
    expect(list.find((i) => i.code === 'OP380')?.direction).toBe('↓ Slightly down, worse');
    expect(list.find((i) => i.code === 'HY64')?.direction).toBe('↓ Down, better');
  });

  it('is empty when nothing is Red or Amber', () => {
    const pack = examplePack();
    for (const s of pack.sections)
      for (const i of s.indicators) if (i.rag === 'red' || i.rag === 'amber') i.rag = 'green';
    expect(attentionList(pack)).toEqual([]);
    expect(statusCounts(pack).headline).toBe('No Red or Amber');
  });
});

describe('ytdAgainstTarget and statusNote', () => {
  const pack = examplePack();

  it('adds decimals only until the value no longer prints as the target', () => {
    expect(ytdAgainstTarget(indicator(pack, 'OP380'))).toBe('94.8%');
    // OP381: 211 / 222 = 95.045…%: 95% and 95.0% print as the target, 95.05% does not.
    expect(ytdAgainstTarget(indicator(pack, 'OP381'))).toBe('95.05%');
    expect(ytdAgainstTarget(indicator(pack, 'HY64'))).toBe('9.7%');
    expect(ytdAgainstTarget(indicator(pack, 'Op388'))).toBe('177');
  });

  it('explains in the row why the same printed value and target differ in status', () => {
    expect(statusNote(indicator(pack, 'OP380'))).toBe('94.8% — below 95%');
    expect(statusNote(indicator(pack, 'OP381'))).toBe('95.05% — above 95%');
    // Op 365: 4 / 42 = 9.5% printed as 10% against 10%, Green (lower is better).
    expect(statusNote(indicator(pack, 'Op 365'))).toBe('9.5% — below 10%');
    expect(statusNote(indicator(pack, 'Op367'))).toBe('');
    expect(statusNote(indicator(pack, 'Op388'))).toBe('');
  });

  it('says "at" when the value is the target', () => {
    const op381 = indicator(pack, 'OP381');
    expect(statusNote({ ...op381, ytd: { ...op381.ytd, value: 95 } })).toBe('95% — at 95%');
  });
});

describe('statusChanges', () => {
  it('lists the changes since last month with their direction', () => {
    const pack = examplePack();
    expect(previousMonthTitle(pack)).toBe('October 2013');
    expect(statusChanges(pack).map((c) => [c.code, c.text])).toEqual([
      ['Op 365', 'Amber → Green (better)'],
      ['Op367', 'Amber → Red (worse)'],
      ['OP380', 'Green → Amber (worse)'],
    ]);
  });

  it('does not count a change against a month with no target, but does count one from No data', () => {
    const pack = examplePack();
    indicator(pack, 'OP388a').previousRag = 'none';
    indicator(pack, 'HY64').previousRag = 'data-only';
    indicator(pack, 'OP389a').previousRag = 'no-data';
    const codes = statusChanges(pack).map((c) => c.code);
    expect(codes).not.toContain('OP388a');
    expect(codes).not.toContain('HY64');
    expect(statusChanges(pack).find((c) => c.code === 'OP389a')).toMatchObject({
      from: 'No data',
      to: 'Amber',
      direction: '',
      text: 'No data → Amber',
    });
  });
});

describe('statusCounts', () => {
  it('counts each colour and names the headline', () => {
    expect(statusCounts(examplePack())).toEqual({
      red: 3,
      amber: 2,
      green: 2,
      indicators: 13,
      headline: '3 Red, 2 Amber',
    });
  });
});
