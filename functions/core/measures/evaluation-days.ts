/**
 * Counting at the days the pack asks about. A pack evaluates a snapshot measure at a
 * couple of dozen days at most (each month end shown, the prior year's 31 March, the
 * end of p − 1) and a flow measure over as many windows, so each measure is computed
 * for exactly those days in one pass over its records: its memory is a counter per day
 * (or a few bits per person), not an index that could answer any day. At national scale
 * (millions of visits) an any-day index was hundreds of megabytes.
 */
import type { Day, PersonKey } from '../types';
import type { Tally } from './tally';

/** A window of days [from, to], both ends included; a snapshot is taken at `to`. */
export interface Window {
  from: Day;
  to: Day;
}

/** Sorted distinct days, with the position of any day among them. */
export class DaySet {
  readonly days: Int32Array;
  private readonly first: number;
  private readonly last: number;

  constructor(days: Iterable<Day>) {
    this.days = Int32Array.from(new Set(days)).sort();
    this.first = this.days.length > 0 ? this.days[0] : Infinity;
    this.last = this.days.length > 0 ? this.days[this.days.length - 1] : -Infinity;
  }

  get size(): number {
    return this.days.length;
  }

  /** The index of the first day of the set on or after `day` (`size` when none); `day` may be ±Infinity. */
  firstAtOrAfter(day: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.days[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Whether some day of the set is in [from, to). A record for which this is false is in
   * no cell, so measures skip it before any costly date arithmetic or id lookup: in a
   * long history most records closed before the earliest day the pack shows.
   */
  anyIn(from: number, to: number): boolean {
    if (to <= this.first || from > this.last) return false; // most records and visits of a long history
    return this.firstAtOrAfter(from) < this.firstAtOrAfter(to);
  }

  /** The index of a day of the set. A day outside it is a bug: the measure was not prepared for that day. */
  indexOf(day: Day): number {
    const i = this.firstAtOrAfter(day);
    if (i < this.days.length && this.days[i] === day) return i;
    throw new Error(
      `a measure was evaluated at day ${day}, which it was not ` +
        `prepared for (prepared: ${Array.from(this.days).join(', ')})`,
    );
  }
}

/** The days a snapshot measure prepared for these columns is asked about: their last days. */
export const snapshotDays = (columns: readonly Window[]): DaySet => new DaySet(columns.map((column) => column.to));

/** An evaluator over a set of days, from a tally per day: the tallies are made once, so a cell is a lookup. */
export function atDays(days: DaySet, tallyOf: (index: number) => Tally): (day: Day) => Tally {
  const tallies = Array.from({ length: days.size }, (_, i) => tallyOf(i));
  return (day) => tallies[days.indexOf(day)];
}

/**
 * How many spans are open at each day of the set, counting a span [from, to) at d when
 * from ≤ d < to (`to` may be Infinity): a difference array over the days, two binary
 * searches per span.
 */
export class OpenCounts {
  private readonly steps: Int32Array;

  constructor(private readonly days: DaySet) {
    this.steps = new Int32Array(days.size + 1);
  }

  add(from: number, to: number): void {
    if (!this.days.anyIn(from, to)) return;
    const first = this.days.firstAtOrAfter(from);
    const end = this.days.firstAtOrAfter(to);
    if (first >= end) return;
    this.steps[first] += 1;
    this.steps[end] -= 1;
  }

  /** The count at each day of the set, in the set's order. */
  counts(): Int32Array {
    const counts = new Int32Array(this.days.size);
    let open = 0;
    for (let i = 0; i < counts.length; i += 1) counts[i] = open += this.steps[i];
    return counts;
  }
}

/**
 * For each person, the days of the set on which something holds for them (a bitset of
 * 32-bit words per person): marking the same day twice leaves one mark, so people with
 * overlapping records count once. A pack's days fit in one word, so this is 4 bytes a
 * person, however many records or visits they have.
 */
export class PersonDayBits {
  private readonly words: number;
  private readonly bits: Int32Array;

  constructor(
    private readonly days: DaySet,
    private readonly persons: number,
  ) {
    this.words = Math.max(1, Math.ceil(days.size / 32));
    this.bits = new Int32Array(persons * this.words);
  }

  /** Marks the days d of the set with from ≤ d < to for the person. */
  mark(person: PersonKey, from: number, to: number): void {
    this.check(person);
    if (!this.days.anyIn(from, to)) return;
    this.markIndices(person, this.days.firstAtOrAfter(from), this.days.firstAtOrAfter(to));
  }

  /** Marks the days of the set at positions first ≤ i < end for the person. */
  markIndices(person: PersonKey, first: number, end: number): void {
    this.check(person);
    const base = person * this.words;
    for (let i = first; i < end;) {
      const bit = i & 31;
      const run = Math.min(end - i, 32 - bit);
      this.bits[base + (i >>> 5)] |= (run === 32 ? -1 : (1 << run) - 1) << bit;
      i += run;
    }
  }

  private check(person: PersonKey): void {
    if (!(person >= 0 && person < this.persons))
      throw new RangeError(`person key ${person} is outside 0..${this.persons - 1}`);
  }

  /** How many people are marked at each day of the set; with `also`, only those marked there too. */
  countPerDay(also?: PersonDayBits): Int32Array {
    if (also && (also.days !== this.days || also.persons !== this.persons))
      throw new Error('countPerDay: the two bitsets are over different days or people');
    const counts = new Int32Array(this.days.size);
    for (let i = 0; i < this.bits.length; i += 1) {
      let word = also ? this.bits[i] & also.bits[i] : this.bits[i];
      const first = (i % this.words) * 32;
      while (word !== 0) {
        counts[first + 31 - Math.clz32(word & -word)] += 1;
        word &= word - 1;
      }
    }
    return counts;
  }
}

/** The first day of the earliest window: no event before it is in any (a flow count's reach, pack/reach.ts). */
export const firstWindowDay = (windows: readonly Window[]): Day =>
  windows.reduce((first, window) => Math.min(first, window.from), Infinity);

/**
 * Events (plan starts, plan ends, ...) counted over a fixed set of windows: each event
 * is tallied against the windows' boundaries (the day before each window and its last
 * day), so the count in [from, to] is (events ≤ to) − (events ≤ from − 1).
 */
export class EventCounts {
  private readonly boundaries: DaySet;
  /** perBoundary[i]: events after boundary i − 1 and on or before boundary i. */
  private readonly perBoundary: Int32Array;
  private atOrBefore: Int32Array | null = null;

  constructor(windows: readonly Window[]) {
    this.boundaries = new DaySet(windows.flatMap((w) => [w.from - 1, w.to]));
    this.perBoundary = new Int32Array(this.boundaries.size + 1);
  }

  /**
   * Whether an event on this day can change any window's count: one before every window
   * is counted at or before every boundary and cancels out, one after them all is never
   * counted. Measures test this before a costly check of whether the event counts.
   */
  mayCount(day: Day): boolean {
    return day > this.boundaries.days[0] && day <= this.boundaries.days[this.boundaries.size - 1];
  }

  add(day: Day): void {
    this.atOrBefore = null;
    this.perBoundary[this.boundaries.firstAtOrAfter(day)] += 1;
  }

  /** Events dated in [from, to], both ends included: one of the windows the counter was made for. */
  countBetween(from: Day, to: Day): number {
    if (to < from) return 0;
    if (this.atOrBefore === null) {
      this.atOrBefore = new Int32Array(this.boundaries.size);
      let sum = 0;
      for (let i = 0; i < this.atOrBefore.length; i += 1) this.atOrBefore[i] = sum += this.perBoundary[i];
    }
    return this.atOrBefore[this.boundaries.indexOf(to)] - this.atOrBefore[this.boundaries.indexOf(from - 1)];
  }
}
