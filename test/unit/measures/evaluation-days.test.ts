import {
  atDays,
  DaySet,
  EventCounts,
  OpenCounts,
  PersonDayBits,
} from '../../../functions/core/measures/evaluation-days';
import { count } from './measure-helpers';

describe('DaySet', () => {
  const days = new DaySet([30, 10, 20, 10]);
  it('holds the days sorted and once each', () => {
    expect(Array.from(days.days)).toEqual([10, 20, 30]);
  });
  it('finds the first day on or after any day, Infinity included', () => {
    expect([-Infinity, 10, 11, 30, 31, Infinity].map((d) => days.firstAtOrAfter(d))).toEqual([0, 0, 1, 2, 3, 3]);
  });
  it('refuses to look up a day it does not hold (a measure asked about a day it was not prepared for)', () => {
    expect(days.indexOf(20)).toBe(1);
    expect(() => days.indexOf(21)).toThrow(/day 21.*not prepared/);
  });
  it('atDays answers each held day from its tally and refuses others', () => {
    const at = atDays(days, (i) => count(i * 100));
    expect(at(30)).toEqual(count(200));
    expect(() => at(25)).toThrow(/not prepared/);
  });
});

describe('OpenCounts', () => {
  it('counts a span [from, to) at the days d with from ≤ d < to, empty and reversed spans never', () => {
    const open = new OpenCounts(new DaySet([0, 1, 2, 3, 4]));
    open.add(1, 3);
    open.add(2, Infinity);
    open.add(4, 2); // reversed
    open.add(3, 3); // empty
    open.add(-5, 0); // ends before the first day
    expect(Array.from(open.counts())).toEqual([0, 1, 2, 1, 1]);
  });
  it('counts a span that falls between two days nowhere', () => {
    const open = new OpenCounts(new DaySet([10, 20]));
    open.add(11, 20);
    expect(Array.from(open.counts())).toEqual([0, 0]);
  });
});

describe('PersonDayBits', () => {
  it('counts each person once per day however many of their spans cover it', () => {
    const bits = new PersonDayBits(new DaySet([0, 1, 2, 3]), 3);
    bits.mark(0, 0, 2);
    bits.mark(0, 1, 3); // overlaps person 0's first span on day 1
    bits.mark(2, 3, Infinity);
    bits.mark(1, 2, 2); // empty
    expect(Array.from(bits.countPerDay())).toEqual([1, 1, 1, 1]);
  });
  it('with a second bitset, counts the people marked in both', () => {
    const days = new DaySet([0, 1, 2]);
    const due = new PersonDayBits(days, 2);
    const visited = new PersonDayBits(days, 2);
    due.mark(0, 0, Infinity);
    due.mark(1, 1, Infinity);
    visited.mark(0, 2, 3);
    visited.mark(1, 0, 2); // person 1 was visited on day 0, before being due: not counted then
    expect(Array.from(due.countPerDay(visited))).toEqual([0, 1, 1]);
  });
  it('holds more than 32 days across several words per person, day 31 (the sign bit) included', () => {
    const days = new DaySet(Array.from({ length: 70 }, (_, d) => d));
    const bits = new PersonDayBits(days, 2);
    bits.mark(0, 31, 33);
    bits.mark(1, 5, 69);
    bits.mark(1, 0, 1);
    const counts = Array.from(bits.countPerDay());
    const expected = Array.from(
      { length: 70 },
      (_, d) => (d >= 31 && d < 33 ? 1 : 0) + (d === 0 || (d >= 5 && d < 69) ? 1 : 0),
    );
    expect(counts).toEqual(expected);
  });
  it('refuses a person key outside the extract instead of losing the mark', () => {
    expect(() => new PersonDayBits(new DaySet([0]), 2).mark(2, 0, 1)).toThrow(RangeError);
  });
});

describe('EventCounts', () => {
  const windows = [
    { from: 1, to: 3 },
    { from: 4, to: 4 },
    { from: 1, to: 5 },
  ];
  it('counts events in each window [from, to], both ends included', () => {
    const events = new EventCounts(windows);
    for (const day of [3, 1, 2, 2, 5, 0, 9]) events.add(day);
    expect(events.countBetween(1, 3)).toBe(4);
    expect(events.countBetween(4, 4)).toBe(0);
    expect(events.countBetween(1, 5)).toBe(5);
  });
  it('counts nothing over a reversed window, and refuses a window it was not made for', () => {
    const events = new EventCounts(windows);
    events.add(2);
    expect(events.countBetween(5, 1)).toBe(0);
    expect(() => events.countBetween(2, 3)).toThrow(/not prepared/);
  });
});

describe('skipping records in no cell', () => {
  it('DaySet.anyIn tells whether some day is in [from, to)', () => {
    const days = new DaySet([10, 20]);
    expect([
      days.anyIn(0, 10),
      days.anyIn(0, 11),
      days.anyIn(11, 20),
      days.anyIn(20, Infinity),
      days.anyIn(21, Infinity),
    ]).toEqual([false, true, false, true, false]);
  });
  it('EventCounts.mayCount is false only for events before every window or after them all', () => {
    const events = new EventCounts([
      { from: 5, to: 6 },
      { from: 10, to: 12 },
    ]);
    expect([4, 5, 8, 12, 13].map((day) => events.mayCount(day))).toEqual([false, true, true, true, false]);
  });
});
