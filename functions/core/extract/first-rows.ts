/**
 * The row each id of a unique column was first seen on (by the id's ordinal, id-table.ts), for
 * the message of a duplicate: "already used on row N".
 *
 * Why not one number per id: a national contacts table has 2.7 million ids, and its ids come
 * one a row, so the first row of id o is o + (the header and the rows before it that added no
 * id). That offset changes only after a row adds no id (a duplicate, an empty cell, a gap in a
 * sheet's row numbers), so only those changes are kept: a breakpoint (first ordinal, offset) a
 * time the offset changes. A clean table keeps one breakpoint; one with many such rows keeps at
 * most one a row that added no id (each also a problem reported), at 8 bytes each.
 */
import { int32Column } from './growable-column';

export class FirstRows {
  /** Breakpoint b: from ordinal starts[b] on (until the next), the first row is ordinal + offsets[b]. */
  private readonly starts = int32Column();
  private readonly offsets = int32Column();
  private count = 0;

  /** How many ids have a first row (the next ordinal). */
  get size(): number {
    return this.count;
  }

  /** Records that the next ordinal (size) was first seen on `row`. */
  add(row: number): void {
    const offset = row - this.count;
    const breakpoints = this.offsets.length;
    if (breakpoints === 0 || this.offsets.get(breakpoints - 1) !== offset) {
      this.starts.push(this.count);
      this.offsets.push(offset);
    }
    this.count += 1;
  }

  /** The row ordinal `ordinal` (0 ≤ ordinal < size) was first seen on. */
  rowOf(ordinal: number): number {
    // The last breakpoint starting at or before the ordinal.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts.get(middle) <= ordinal) low = middle;
      else high = middle - 1;
    }
    return ordinal + this.offsets.get(low);
  }
}
