/**
 * A growable column of 32-bit integers, for the tables held column-wise instead of as objects
 * (visits, care reviews: hundreds of thousands to millions of rows nationally). An object per
 * row costs 30–60 bytes and a hidden class to keep in step; a row of an Int32Array costs 4.
 */

const INITIAL_CAPACITY = 1024;

export class Int32Column {
  private values: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    // Doubling keeps the copying to about one pass over the final column in all.
    if (this.count === this.values.length) {
      const grown = new Int32Array(Math.max(this.values.length * 2, INITIAL_CAPACITY));
      grown.set(this.values);
      this.values = grown;
    }
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
