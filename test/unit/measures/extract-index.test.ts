import {
  daysOfKey,
  earliestStartByPerson,
  groupDaysByKey,
  ReviewDaysByPlan,
} from '../../../functions/core/measures/extract-index';
import type { CpPlan } from '../../../functions/core/types';

describe('groupDaysByKey', () => {
  it('groups days by key, ascending, whatever the input order', () => {
    const grouped = groupDaysByKey(Int32Array.from([2, 0, 2, 0, 2, 0]), Int32Array.from([30, 5, 10, 6, 20, 7]), 3);
    expect(Array.from(daysOfKey(grouped, 0))).toEqual([5, 6, 7]); // already in order
    expect(Array.from(daysOfKey(grouped, 1))).toEqual([]);
    expect(Array.from(daysOfKey(grouped, 2))).toEqual([10, 20, 30]); // sorted
    expect(Array.from(daysOfKey(grouped, 7))).toEqual([]); // beyond the grouped keys
  });
});

describe('ReviewDaysByPlan', () => {
  const held = [
    { planId: 'B', date: 40, row: 2 },
    { planId: 'A', date: 12, row: 3 },
    { planId: 'B', date: 15, row: 4 },
    { planId: 'A', date: 12, row: 5 }, // the same day twice is kept twice
    { planId: 'D', date: 20, row: 6 },
  ];
  it('gives each plan asked about its held review days, ascending, and none for one with no reviews', () => {
    const reviews = new ReviewDaysByPlan(held, ['A', 'B', 'C', 'A']);
    expect(Array.from(reviews.daysOf('A'))).toEqual([12, 12]);
    expect(Array.from(reviews.daysOf('B'))).toEqual([15, 40]);
    expect(Array.from(reviews.daysOf('C'))).toEqual([]);
  });
  it('passes over the reviews of plans not asked about', () => {
    expect(Array.from(new ReviewDaysByPlan(held, ['A']).daysOf('D'))).toEqual([]);
  });
});

describe('earliestStartByPerson', () => {
  const plan = (person: number, start: number): CpPlan => ({
    id: `P${person}-${start}`,
    person,
    start,
    end: null,
    previousPlans: null,
    transferOut: false,
    row: 2,
  });
  it("is each person's earliest plan start, Infinity for a person with none", () => {
    expect(Array.from(earliestStartByPerson([plan(0, 9), plan(2, 4), plan(0, 3)], 3))).toEqual([3, Infinity, 4]);
  });
  it('refuses a person key outside the extract instead of losing the plan', () => {
    expect(() => earliestStartByPerson([plan(3, 1)], 3)).toThrow(RangeError);
  });
});
