/**
 * A typed-array column filled row by row while a table is read. The large tables (visits,
 * CIN episodes, assessments, contacts: millions of rows nationally) are held as columns of
 * Int32 or Uint8 instead of arrays of objects: 4 bytes (or 1) a value against about 60 a
 * record. A date column writes NO_DAY (types.ts) for a missing date.
 */

const INITIAL_CAPACITY = 1024;

/** The next capacity of an array holding `capacity` that must hold `needed`: doubled, as often as it takes. */
export function doubledCapacity(capacity: number, needed: number): number {
  let next = Math.max(capacity, 1);
  while (next < needed) next *= 2;
  return next;
}

/** `array`, or a copy of it with room for `needed` elements (capacity doubled): for arrays indexed by ordinal. */
export function grownInt32(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(doubledCapacity(array.length, needed));
  bigger.set(array);
  return bigger;
}

type Column = Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

export class GrowableColumn<A extends Column> {
  private values: A;
  private count = 0;

  constructor(private readonly make: new (length: number) => A) {
    this.values = new make(INITIAL_CAPACITY);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.values.length) {
      // Doubling: each value is copied about once more in all, whatever the table's size.
      const grown = new this.make(doubledCapacity(this.values.length, this.count + 1));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count] = value;
    this.count += 1;
  }

  /**
   * The values, in an array of exactly their length; this ends the column. The copy releases
   * the spare capacity (up to half) at once: for a national table, tens of MB.
   */
  build(): A {
    const exact = new this.make(this.count);
    exact.set(this.values.subarray(0, this.count));
    this.values = new this.make(0);
    this.count = 0;
    return exact;
  }
}

/** A growable Int32 column (person keys, days, numbers). */
export const int32Column = (): GrowableColumn<Int32Array<ArrayBuffer>> => new GrowableColumn(Int32Array);

/** A growable Uint8 column (flags: 1 = yes). */
export const uint8Column = (): GrowableColumn<Uint8Array<ArrayBuffer>> => new GrowableColumn(Uint8Array);
