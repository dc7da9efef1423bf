import { EventDays, intersectSpans, mergeSpans, OpenCounter } from '../../../functions/core/measures/spans';

describe('spans', () => {
  it('merges overlapping and touching spans, dropping empty ones', () => {
    expect(mergeSpans([{ from: 5, to: 8 }, { from: 1, to: 3 }, { from: 3, to: 4 }, { from: 6, to: Infinity }, { from: 9, to: 9 }])).toEqual([
      { from: 1, to: 4 },
      { from: 5, to: Infinity },
    ]);
  });
  it('intersects two lists of disjoint spans', () => {
    expect(intersectSpans([{ from: 0, to: 10 }, { from: 20, to: Infinity }], [{ from: 5, to: 25 }, { from: 30, to: 31 }])).toEqual([
      { from: 5, to: 10 },
      { from: 20, to: 25 },
      { from: 30, to: 31 },
    ]);
  });
  it('OpenCounter counts spans with from ≤ d < to', () => {
    const counter = new OpenCounter([{ from: 1, to: 3 }, { from: 2, to: Infinity }, { from: 4, to: 2 }]);
    expect([0, 1, 2, 3, 4].map((d) => counter.countAt(d))).toEqual([0, 1, 2, 1, 1]);
  });
  it('EventDays counts days in [from, to]', () => {
    const events = new EventDays([3, 1, 2, 2, 5]);
    expect(events.countBetween(2, 3)).toBe(3);
    expect(events.countBetween(4, 4)).toBe(0);
    expect(events.countBetween(5, 1)).toBe(0);
  });
});
