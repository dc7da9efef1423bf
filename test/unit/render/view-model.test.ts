import { sparkline } from '../../../functions/core/render/sparkline';
import { buildPackView, monthLabel, monthTitle } from '../../../functions/core/render/view-model';
import { examplePack, exampleMeta } from '../../fixtures/pack/example-pack';

describe('labels', () => {
  it('labels months as the seed does', () => {
    expect(monthLabel('2013-06')).toBe('Jun-13');
    expect(monthLabel('2000-01')).toBe('Jan-00');
    expect(monthTitle('2013-11')).toBe('November 2013');
  });
});

describe('sparkline', () => {
  // Issue 14: a shared, unit-aware baseline instead of each row's own minimum and maximum.
  it('draws a percent on 0–100, so a 2-point dip is no collapse', () => {
    // 99/100 × 7 = 6.9 and 97/100 × 7 = 6.8: both the top level.
    expect(sparkline([99, 97], 'percent')).toBe('██');
    // 0, 3.5 (rounded to 4) and 7 of the 8 levels.
    expect(sparkline([0, 50, 100], 'percent')).toBe('▁▅█');
  });

  it('draws a count or rate from 0 to its highest month', () => {
    expect(sparkline([0, 7, 14], 'count')).toBe('▁▅█');
    // 174…177 against 207: 5.5 to 6.0 of 7, all level 6.
    expect(sparkline([207, 174, 185, 164, 171, 177], 'count')).toBe('█▇▇▇▇▇');
    expect(sparkline([0, 0], 'rate')).toBe('▁▁');
  });

  it('shows a month with no value as a dot', () => {
    expect(sparkline([1, null, 2], 'count')).toBe('▅·█');
    expect(sparkline([null, null], 'percent')).toBe('··');
  });
});

describe('buildPackView', () => {
  it('drafts nothing itself: a section without any performance text shows the placeholder', () => {
    const pack = examplePack();
    pack.sections[1].comments.performance = { text: null, draft: false };
    const view = buildPackView(pack, exampleMeta);
    expect(view.sections[1].performance).toMatchObject({
      state: 'placeholder',
      text: 'Performance comment to be supplied.',
    });
  });

  it('counts a change to or from a state without a colour as a change with no direction', () => {
    const pack = examplePack();
    pack.sections[0].indicators[1].previousRag = 'no-data';
    const change = buildPackView(pack, exampleMeta).summary.changes.find((c) => c.code === 'OP388a');
    expect(change).toEqual({
      code: 'OP388a',
      title: pack.sections[0].indicators[1].title,
      from: 'No data',
      to: 'Red',
      direction: '',
      text: 'No data → Red',
    });
  });

  it('names the month before January as December of the year before', () => {
    const pack = examplePack();
    pack.period = '2014-01';
    expect(buildPackView(pack, exampleMeta).summary.previousMonthTitle).toBe('December 2013');
  });
});
