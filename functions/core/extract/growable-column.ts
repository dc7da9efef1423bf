/**
 * A typed-array column filled row by row while a table is read. The large tables (visits,
 * CIN episodes, assessments, contacts: millions of rows nationally) are held as columns of
 * Int32 or Uint8 instead of arrays of objects: 4 bytes (or 1) a value against about 60 a
 * record. A date column writes NO_DAY (types.ts) for a missing date.
 *
 * The values are held in chunks of CHUNK values, and a full column takes one more chunk:
 * nothing is ever copied while it grows, so a column holds at most one chunk more than its
 * values (not up to twice them, as an array doubled when full would), and no old array
 * waits for the GC beside its doubled copy. Only the first chunk starts small (1,024 values,
 * at the first push) and doubles up to CHUNK, so a column of a small table costs a few KB.
 */

/** Values per chunk: 65,536 (256 KB of Int32): nationally a column has tens of chunks. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
const FIRST_CHUNK = 1024;

type Column = Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

export class GrowableColumn<A extends Column> {
  private chunks: A[];
  /** The chunk being filled (the last), and how many values it holds. */
  private last: A;
  private filled = 0;
  private count = 0;
  /** The values in one array of exactly their length, once the column is sealed; then no value can be added. */
  private sealed: A | null = null;

  constructor(private readonly make: new (length: number) => A) {
    this.last = new make(0);
    this.chunks = [this.last];
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.filled === this.last.length) this.grow();
    this.last[this.filled] = value;
    this.filled += 1;
    this.count += 1;
  }

  /** Value i (0 ≤ i < length). */
  get(i: number): number {
    return this.sealed !== null ? this.sealed[i] : this.chunks[i >>> CHUNK_BITS][i & IN_CHUNK];
  }

  /** Replaces value i (0 ≤ i < length). */
  set(i: number, value: number): void {
    if (this.sealed !== null) this.sealed[i] = value;
    else this.chunks[i >>> CHUNK_BITS][i & IN_CHUNK] = value;
  }

  /**
   * Copies the values into one array of exactly their length now and lets the chunks go: called when the column's
   * table has been read, so the copies are made table by table during the read, not all at once at its end (when
   * they would stand beside every table's chunks: nationally ≈50 MB). A sealed column is complete: adding a value
   * to it is a fault of the code.
   */
  seal(): void {
    if (this.sealed !== null) return;
    this.sealed = this.exact();
    this.last = new this.make(0);
    this.chunks = [this.last];
    this.filled = 0;
  }

  private grow(): void {
    // The sealed column's `last` is empty, so the first value added after sealing comes here.
    if (this.sealed !== null) throw new Error('internal: a value added to a column sealed when its table was read');
    if (this.chunks.length === 1 && this.last.length < CHUNK) {
      // The first chunk doubles (copying at most CHUNK values in all) until it is a whole chunk.
      const grown = new this.make(Math.max(FIRST_CHUNK, this.last.length * 2));
      grown.set(this.last);
      this.chunks[0] = grown;
      this.last = grown;
      return;
    }
    this.last = new this.make(CHUNK);
    this.chunks.push(this.last);
    this.filled = 0;
  }

  /**
   * The values, in one array of exactly their length; this ends the column (it is empty
   * after). Its chunks are let go once copied: building holds a column's values twice for
   * a moment, so a builder builds (or seals) its columns one at a time.
   */
  build(): A {
    const exact = this.sealed ?? this.exact();
    this.sealed = null;
    this.last = new this.make(0);
    this.chunks = [this.last];
    this.filled = 0;
    this.count = 0;
    return exact;
  }

  private exact(): A {
    const exact = new this.make(this.count);
    for (let k = 0; k < this.chunks.length; k++) {
      const from = k * CHUNK;
      exact.set(this.chunks[k].subarray(0, Math.min(this.count - from, this.chunks[k].length)), from);
    }
    return exact;
  }
}

/** A growable Int32 column (person keys, days, numbers). */
export const int32Column = (): GrowableColumn<Int32Array<ArrayBuffer>> => new GrowableColumn(Int32Array);

/** A growable Uint8 column (flags: 1 = yes). */
export const uint8Column = (): GrowableColumn<Uint8Array<ArrayBuffer>> => new GrowableColumn(Uint8Array);
