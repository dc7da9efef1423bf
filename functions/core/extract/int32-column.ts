/**
 * A growable column of 32-bit integers, for the tables held column-wise instead of as objects
 * (visits, care reviews: hundreds of thousands to millions of rows nationally). An object per
 * row costs 30–60 bytes and a hidden class to keep in step; a row of an Int32Array costs 4.
 */

const INITIAL_CAPACITY = 1024;

/** The next capacity of an array holding `capacity` that must hold `needed`: doubled, as often as it takes. */
export function doubledCapacity(capacity: number, needed: number): number {
  let next = Math.max(capacity, 1);
  while (next < needed) next *= 2;
  return next;
}

/** `array`, or a copy of it with room for `needed` elements (capacity doubled). */
export function grownInt32(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(doubledCapacity(array.length, needed));
  bigger.set(array);
  return bigger;
}

export class Int32Column {
  private values: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    // Doubling keeps the copying to about one pass over the final column in all.
    if (this.count === this.values.length) this.values = grownInt32(this.values, this.count + 1);
    this.values[this.count] = value;
    this.count += 1;
  }

  /**
   * The values, copied to exact length so the spare capacity (up to half) is released; the
   * growable array is let go of at once, as a national column's copy is several MB. The column is left empty.
   */
  build(): Int32Array {
    const values = this.values.slice(0, this.count);
    this.values = new Int32Array(0);
    this.count = 0;
    return values;
  }
}
