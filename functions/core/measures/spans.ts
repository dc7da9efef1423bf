/**
 * Counting by sorted days. Every measure is reduced, once per run, to sorted arrays of
 * days, so that each cell of the pack (a date or a window) is a couple of binary
 * searches instead of a scan over the records.
 */
import type { Day } from '../types';

/**
 * A half-open day interval: a subject counts on day d when `from ≤ d < to`.
 * `to` is `Infinity` for a record with no end.
 */
export interface Span {
  from: Day;
  to: Day;
}

/** How many of the sorted values are ≤ x. */
function countAtOrBelow(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted values are < x. */
function countBelow(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Event days (plan starts, plan ends, ...) counted over windows. */
export class EventDays {
  private readonly sorted: Int32Array;

  constructor(days: Iterable<Day>) {
    this.sorted = Int32Array.from(days).sort();
  }

  /** Events dated in [from, to], both ends included. */
  countBetween(from: Day, to: Day): number {
    if (to < from) return 0;
    return countAtOrBelow(this.sorted, to) - countBelow(this.sorted, from);
  }
}

/**
 * Counts the spans open at a day: (spans started on or before d) − (spans ended on or
 * before d). Empty spans (to ≤ from) never count and are left out. To count distinct
 * subjects, give each subject disjoint spans (see mergeSpans).
 */
export class OpenCounter {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private sorted: { starts: Int32Array; ends: Int32Array } | null = null;

  constructor(spans: Iterable<Span> = []) {
    for (const span of spans) this.add(span.from, span.to);
  }

  /** Adds the span [from, to) (a plain pair, so hot loops allocate nothing per span). */
  add(from: Day, to: Day): void {
    if (!(to > from)) return;
    this.sorted = null;
    this.starts.push(from);
    if (Number.isFinite(to)) this.ends.push(to);
  }

  countAt(day: Day): number {
    this.sorted ??= { starts: Int32Array.from(this.starts).sort(), ends: Int32Array.from(this.ends).sort() };
    return countAtOrBelow(this.sorted.starts, day) - countAtOrBelow(this.sorted.ends, day);
  }
}

/**
 * The union of spans as disjoint spans sorted by start (touching spans are joined:
 * [a, b) and [b, c) cover every day of [a, c)).
 */
export function mergeSpans(spans: Span[]): Span[] {
  const nonEmpty = spans.filter((s) => s.to > s.from).sort((x, y) => x.from - y.from);
  const merged: Span[] = [];
  for (const span of nonEmpty) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ from: span.from, to: span.to });
  }
  return merged;
}
