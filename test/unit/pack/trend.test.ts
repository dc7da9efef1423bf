import { trendOf } from '../../../functions/core/pack/trend';

describe('trend (month p against p − 1)', () => {
  it('higher: up is better, down is worse', () => {
    expect(trendOf(95, 94, 'higher', 95)).toEqual({ direction: 'up', better: true });
    expect(trendOf(90, 91, 'higher', 95)).toEqual({ direction: 'down', better: false });
  });
  it('lower: down is better', () => {
    expect(trendOf(7, 39, 'lower', 7)).toEqual({ direction: 'down', better: true });
    expect(trendOf(8, 5, 'lower', 10)).toEqual({ direction: 'up', better: false });
  });
  it('band: closer to the target is better, whichever way', () => {
    expect(trendOf(31, 30, 'band', 43)).toEqual({ direction: 'up', better: true });
    expect(trendOf(50, 45, 'band', 43)).toEqual({ direction: 'up', better: false });
    expect(trendOf(44, 48, 'band', 43)).toEqual({ direction: 'down', better: true });
    expect(trendOf(45, 41, 'band', 43)).toEqual({ direction: 'up', better: null }); // equally far
    expect(trendOf(45, 41, 'band', null)).toEqual({ direction: 'up', better: null });
  });
  it('level, no polarity, or a missing value: better is null', () => {
    expect(trendOf(177, 177, 'higher', 100)).toEqual({ direction: 'level', better: null });
    expect(trendOf((100 * 1) / 3, (100 * 2) / 6, 'higher', 100)).toEqual({ direction: 'level', better: null });
    expect(trendOf(21, 25, null, null)).toEqual({ direction: 'down', better: null });
    expect(trendOf(null, 25, 'higher', 100)).toEqual({ direction: null, better: null });
    expect(trendOf(25, null, 'higher', 100)).toEqual({ direction: null, better: null });
  });
});
