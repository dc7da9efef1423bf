/**
 * Identifier strings kept in records for the whole run, stored as strings of their own.
 *
 * The CSV parser cuts each cell out of the text chunk it is parsing, and V8 may represent
 * such a cut (13 characters or more) as a *slice* that keeps the whole chunk (64 KB)
 * alive. An id kept in a record would then hold its chunk: nationally, tens of MB of CSV
 * text that nothing reads. And ids that repeat (a plan's id on each of its reviews) would
 * be stored once per row.
 */

/** A character beyond Latin-1 (any UTF-16 code unit above 0xFF): nearly no id has one. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * A copy of `text` that refers to no larger string, stored flat. Decoding its bytes makes a new
 * flat string (one object). The older way, concatenating and cutting the part back out, left a
 * slice over the concatenation: two objects, twice the bytes (32 + 32 for a 14-character plan id),
 * for every one of hundreds of thousands of ids kept nationally. About 0.4 µs, paid once per
 * distinct id; an id with a character beyond Latin-1 (rare) is copied the older way.
 */
export function detached(text: string): string {
  return BEYOND_LATIN1.test(text) ? ` ${text}`.slice(1) : Buffer.from(text, 'latin1').toString('latin1');
}

/** One stored copy per distinct identifier (e.g. the plan ids of plans, reviews and conferences). */
export class IdStrings {
  private readonly byText = new Map<string, string>();

  /** The stored copy equal to `text`; the first time it is seen, a detached copy is stored. */
  own(text: string): string {
    let stored = this.byText.get(text);
    if (stored === undefined) {
      stored = detached(text);
      this.byText.set(stored, stored);
    }
    return stored;
  }

  clear(): void {
    this.byText.clear();
  }
}
