import { buildPackView, monthLabel, monthTitle, sparkline } from '../../../functions/core/render/view-model';
import { examplePack, exampleMeta } from '../../fixtures/pack/example-pack';

describe('labels', () => {
  it('labels months as the seed does', () => {
    expect(monthLabel('2013-06')).toBe('Jun-13');
    expect(monthLabel('2000-01')).toBe('Jan-00');
    expect(monthTitle('2013-11')).toBe('November 2013');
  });
});

describe('sparkline', () => {
  it('scales the months between their lowest (▁) and highest (█) value', () => {
    expect(sparkline([0, 7, 14])).toBe('▁▅█');
    expect(sparkline([207, 174, 185, 164, 171, 177])).toBe('█▃▄▁▂▃');
  });

  it('shows a month with no value as a dot and a flat series at mid height', () => {
    expect(sparkline([1, null, 2])).toBe('▁·█');
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([null, null])).toBe('··');
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
    pack.sections[0].indicators[1].statusChanged = true; // no data is still judged against a target
    const change = buildPackView(pack, exampleMeta).summary.changes.find((c) => c.code === 'OP388a');
    expect(change).toEqual({
      code: 'OP388a',
      title: pack.sections[0].indicators[1].title,
      from: 'No data',
      to: 'Red',
      direction: '',
    });
  });

  it('names the month before January as December of the year before', () => {
    const pack = examplePack();
    pack.period = '2014-01';
    expect(buildPackView(pack, exampleMeta).summary.previousMonthTitle).toBe('December 2013');
  });
});
