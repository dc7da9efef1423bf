/**
 * Identifier strings kept in records for the whole run, stored as strings of their own.
 *
 * The CSV parser cuts each cell out of the text chunk it is parsing, and V8 may represent
 * such a cut (13 characters or more) as a *slice* that keeps the whole chunk (64 KB)
 * alive. An id kept in a record would then hold its chunk: nationally, tens of MB of CSV
 * text that nothing reads. And ids that repeat (a plan's id on each of its reviews) would
 * be stored once per row.
 */

/**
 * A copy of `text` that refers to no larger string. Concatenating makes a new string,
 * and taking the part back out of it copies its characters once (V8 flattens the
 * concatenation): about 65 ns, paid once per distinct id.
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
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
