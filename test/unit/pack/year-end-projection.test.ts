/**
 * The year-end projection in the pack (docs/OUTPUTS.md, "Year-end projection"), hand-worked on a small extract.
 *
 *   2011/12: one start, 2012-03-31 (not last year).
 *   2012/13 starts (13): Apr ×3 (2nd, 10th, 20th), May 15, Jun 15, Aug 15, then the 15th of Sep … Mar (7).
 *           Apr–Aug held 3 + 1 + 1 + 0 + 1 = 6 of the 13.
 *   2012/13 ends (1): the Sep 2012 plan ends 2013-01-20. None in Apr–Aug 2012.
 *   2013/14 to August: starts 2013-04-05, 06-06, 07-07, 08-08 (4); ends: the Oct 2012 plan 2013-05-10, the Nov 2012
 *           plan 2013-08-31 (2).
 *
 * August 2013 is month 5 of 2013/14:
 *   cp_starts: last year's profile, 4 × 13 / 6 = 8.666…; (a straight line would say 4 × 12 / 5 = 9.6).
 *   cp_ends:   last year's Apr–Aug held none, so the profile cannot scale: straight line 2 × 12 / 5 = 4.8.
 *   cp_children (a snapshot) and cp_repeat_pct (a percent flow): no projection.
 */
import type { MeasureName } from '../../../functions/core/config/pack-config';
import { buildPack } from '../../../functions/core/pack/build-pack';
import { isProjected } from '../../../functions/core/pack/year-end';
import type { Pack, PackIndicator } from '../../../functions/core/pack/pack-types';
import type { Period } from '../../../functions/core/types';
import { ExtractBuilder } from '../measures/extract-builder';
import { configWith, emptyQuality } from './pack-fixtures';

function extract() {
  const builder = new ExtractBuilder();
  let id = 0;
  const plan = (start: string, end: string | null = null) =>
    builder.cpPlan({ id: `P${++id}`, person: `child${id}`, start, end });
  plan('2012-03-31');
  for (const start of ['2012-04-02', '2012-04-10', '2012-04-20', '2012-05-15', '2012-06-15', '2012-08-15']) plan(start);
  plan('2012-09-15', '2013-01-20');
  plan('2012-10-15', '2013-05-10');
  plan('2012-11-15', '2013-08-31');
  for (const start of ['2012-12-15', '2013-01-15', '2013-02-15', '2013-03-15']) plan(start);
  for (const start of ['2013-04-05', '2013-06-06', '2013-07-07', '2013-08-08']) plan(start);
  return builder.build();
}

const config = configWith(
  [
    {
      id: 'cp',
      title: 'Child protection',
      indicators: [
        { code: 'ST', title: 'Starts', measure: 'cp_starts' },
        { code: 'EN', title: 'Ends', measure: 'cp_ends' },
        { code: 'CH', title: 'Children', measure: 'cp_children' },
        { code: 'RP', title: 'Repeats', measure: 'cp_repeat_pct' },
      ],
    },
  ],
  { monthsShown: 2 },
);

const packFor = (period: Period): Pack => buildPack({ extract: extract(), config, period, quality: emptyQuality() });
const row = (pack: Pack, code: string): PackIndicator => {
  const found = pack.sections[0].indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
};

describe('the year-end projection in the pack (August 2013)', () => {
  const pack = packFor('2013-08');

  it('projects plan starts by last year’s monthly profile', () => {
    const starts = row(pack, 'ST');
    expect([starts.priorYear.value, starts.ytd.value]).toEqual([13, 4]);
    expect(starts.projection?.method).toBe('last-year-profile');
    expect(starts.projection?.value).toBeCloseTo(26 / 3, 12);
  });

  it('draws a straight line where last year’s same months held none', () => {
    const ends = row(pack, 'EN');
    expect([ends.priorYear.value, ends.ytd.value]).toEqual([1, 2]);
    expect(ends.projection).toEqual({ value: 4.8, method: 'straight-line' });
  });

  it('projects neither a snapshot nor a percent', () => {
    expect([row(pack, 'CH').projection, row(pack, 'RP').projection]).toEqual([null, null]);
  });

  it('says the projection in the drafted comment, rounded, against last year', () => {
    const [starts, ends] = (pack.sections[0].comments.performance.text ?? '').split('\n\n');
    expect(starts).toBe(
      'In August 1 plan started, 4 in 2013/14 so far. ' +
        'On current trends around 9 plans will start in 2013/14, against 13 in 2012/13.',
    );
    expect(ends).toBe(
      'In August 1 plan ended, 2 in 2013/14 so far. ' +
        'On current trends around 5 plans will end in 2013/14, against 1 in 2012/13.',
    );
  });
});

describe('the year-end projection in March, when the year is complete', () => {
  it('is the year itself (4 × 13 / 13), and the drafted comment does not project it', () => {
    const pack = packFor('2014-03');
    expect(row(pack, 'ST').projection).toEqual({ value: 4, method: 'last-year-profile' });
    expect(pack.sections[0].comments.performance.text).not.toMatch(/On current trends/);
  });
});

describe('which counts are projected', () => {
  it('counts whose year is the sum of their months, not children counted once per window', () => {
    const summed: MeasureName[] = ['cp_starts', 'cp_ends', 'cp_moved_in', 'cp_moved_out'];
    // A child missing in April and again in May is one child in the year but one in each month: the months' sum
    // (last year's profile) would overstate the year, so children starting, ceasing and missing care are not.
    const oncePerWindow: MeasureName[] = ['cla_starts', 'cla_ceased', 'cla_missing'];
    // Snapshots and percentages never are.
    const neither: MeasureName[] = ['cp_children', 'cp_repeat_pct'];
    expect(summed.map(isProjected)).toEqual([true, true, true, true]);
    expect([...oncePerWindow, ...neither].map(isProjected)).toEqual([false, false, false, false, false]);
  });
});
