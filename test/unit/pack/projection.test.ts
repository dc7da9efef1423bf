import { projectYearEnd } from '../../../functions/core/pack/projection';

describe('projectYearEnd (hand-worked)', () => {
  it('scales the YTD by last year total over last year same months', () => {
    // Last year: 30 a month except 60 in April, total 390; Apr–May held 90. YTD 60 → 60 × 390 / 90 = 260.
    const lastYear = [60, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30];
    expect(projectYearEnd(60, 2, lastYear)).toEqual({ value: 260, method: 'last-year-profile' });
  });
  it('draws a straight line without a full profile', () => {
    // 147 in 8 months → 147 × 12 / 8 = 220.5.
    expect(projectYearEnd(147, 8, null)).toEqual({ value: 220.5, method: 'straight-line' });
    expect(projectYearEnd(147, 8, [1, null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])?.method).toBe('straight-line');
  });
  it('gives none when the YTD cannot be known', () => {
    expect(projectYearEnd(null, 8, null)).toBeNull();
    expect(projectYearEnd(10, 0, null)).toBeNull();
  });
});
