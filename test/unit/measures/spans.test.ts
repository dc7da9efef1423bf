import { EventDays, mergeSpans, OpenCounter } from '../../../functions/core/measures/spans';

describe('spans', () => {
  it('merges overlapping and touching spans, dropping empty ones', () => {
    expect(mergeSpans([{ from: 5, to: 8 }, { from: 1, to: 3 }, { from: 3, to: 4 }, { from: 6, to: Infinity }, { from: 9, to: 9 }])).toEqual([
      { from: 1, to: 4 },
      { from: 5, to: Infinity },
    ]);
  });
  it('OpenCounter counts spans with from ≤ d < to', () => {
    const counter = new OpenCounter([{ from: 1, to: 3 }, { from: 2, to: Infinity }, { from: 4, to: 2 }]);
    expect([0, 1, 2, 3, 4].map((d) => counter.countAt(d))).toEqual([0, 1, 2, 1, 1]);
    counter.add(0, 1); // spans may be added after counting
    expect(counter.countAt(0)).toBe(1);
  });
  it('EventDays counts days in [from, to]', () => {
    const events = new EventDays([3, 1, 2, 2, 5]);
    expect(events.countBetween(2, 3)).toBe(3);
    expect(events.countBetween(4, 4)).toBe(0);
    expect(events.countBetween(5, 1)).toBe(0);
  });
});
