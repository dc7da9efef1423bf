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
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(spans: Iterable<Span>) {
    const starts: number[] = [];
    const ends: number[] = [];
    for (const span of spans) {
      if (!(span.to > span.from)) continue;
      starts.push(span.from);
      if (Number.isFinite(span.to)) ends.push(span.to);
    }
    this.starts = Int32Array.from(starts).sort();
    this.ends = Int32Array.from(ends).sort();
  }

  countAt(day: Day): number {
    return countAtOrBelow(this.starts, day) - countAtOrBelow(this.ends, day);
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

/** The intersection of two lists of disjoint sorted spans (as mergeSpans returns). */
export function intersectSpans(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i].from, b[j].from);
    const to = Math.min(a[i].to, b[j].to);
    if (to > from) out.push({ from, to });
    if (a[i].to < b[j].to) i += 1;
    else j += 1;
  }
  return out;
}
