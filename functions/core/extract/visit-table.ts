/**
 * Builds a columnar table of visits row by row. Visits are the largest tables (millions of
 * rows nationally), so they are held as growable Int32 columns instead of objects. A visit
 * may name its child directly or only through a plan or referral id (Mosaic), and may
 * name a plan of another authority: each row keeps its link id (interned to a number)
 * until links.ts has resolved it to a child or dropped it.
 */
import type { Day, PersonKey, VisitTable } from '../types';
import { int32Column } from './growable-column';
import { detached } from './id-strings';
import { RowPruner } from './pruning';

/** No person, or no link id. */
export const NONE = -1;
/** A link to a record whose visits are dropped (another authority's plan). */
const DROPPED = -2;

/** Visits as read, before linking: person or link may be NONE (not both: see add). */
export interface RawVisits {
  length: number;
  person: Int32Array;
  day: Int32Array;
  link: Int32Array;
  /** The link ids by number. */
  linkIds: string[];
  /** Rows marked unseen (`N`), which never count. */
  unseenRows: number;
  /** Rows with no visit date (the SSD allows them), which cannot count. */
  undatedRows: number;
  /** Rows naming neither a child nor a plan/referral. */
  unlinkedRows: number;
}

export class VisitTableBuilder {
  private readonly person = int32Column();
  private readonly day = int32Column();
  private readonly link = int32Column();
  private unseenRows = 0;
  private undatedRows = 0;
  private unlinkedRows = 0;
  private readonly linkNumbers = new Map<string, number>();
  private readonly linkIds: string[] = [];
  /** The last link id and its number: a plan's visits usually come together. */
  private lastLink: string | null = null;
  private lastLinkNumber = NONE;

  /**
   * @param pruner the table's reach (pruning.ts); by default every row is kept.
   * @param own how a link id is stored: by default a copy of its own (id-strings.ts); CP visits' are plan ids, stored
   * once with the plans' (nationally 200,000 strings fewer).
   */
  constructor(
    readonly pruner = new RowPruner(),
    private readonly own: (id: string) => string = detached,
  ) {}

  /**
   * Whether a row that would be kept (dated, seen, naming a child or a link) is dated before the table's reach:
   * the pruner counts it, and it is not to be added. Asked before the row's ids are looked up, which it does not need.
   */
  prunes(day: Day | null, seen: boolean, named: boolean): boolean {
    return day !== null && seen && named && this.pruner.prunes(day);
  }

  /** A visit row: person and link as read (null = missing), undated and unseen rows only counted. */
  add(person: PersonKey | null, link: string | null, day: Day | null, seen: boolean): void {
    if (day === null) this.undatedRows += 1;
    else if (!seen) this.unseenRows += 1;
    else if (person === null && link === null) this.unlinkedRows += 1;
    else {
      this.person.push(person ?? NONE);
      this.day.push(day);
      this.link.push(link === null ? NONE : this.linkNumber(link));
    }
  }

  /** The table has been read: its columns are copied to their exact length now (growable-column.ts, seal). */
  seal(): void {
    this.person.seal();
    this.day.seal();
    this.link.seal();
  }

  /** The visits as read; this ends the builder. */
  build(): RawVisits {
    const length = this.person.length;
    this.linkNumbers.clear();
    return {
      length,
      person: this.person.build(),
      day: this.day.build(),
      link: this.link.build(),
      linkIds: this.linkIds,
      unseenRows: this.unseenRows,
      undatedRows: this.undatedRows,
      unlinkedRows: this.unlinkedRows,
    };
  }

  private linkNumber(id: string): number {
    if (id === this.lastLink) return this.lastLinkNumber;
    let n = this.linkNumbers.get(id);
    if (n === undefined) {
      n = this.linkIds.length;
      const owned = this.own(id); // not a slice of the CSV text (id-strings.ts)
      this.linkIds.push(owned);
      this.linkNumbers.set(owned, n);
    }
    this.lastLink = id;
    this.lastLinkNumber = n;
    return n;
  }
}

/**
 * The counted visits: each kept row's child is its own person, or the one its link names
 * (`personOfLink` gives NONE for a link to nobody, null for a visit to drop: another
 * authority's plan). Returns the table and how many rows named nobody. This takes over
 * the raw columns: `raw` is not to be read afterwards.
 */
export function resolveVisits(
  raw: RawVisits,
  personOfLink: (id: string) => PersonKey | null,
): { table: VisitTable; unlinked: number; dropped: number } {
  const byLink = new Int32Array(raw.linkIds.length);
  raw.linkIds.forEach((id, n) => (byLink[n] = personOfLink(id) ?? DROPPED));
  // Kept rows are moved down within the columns as read (row i goes to kept ≤ i), so no second copy of a
  // national table (tens of MB) is made; the table is a view of the first `kept` entries.
  const { person, day } = raw;
  let kept = 0;
  let unlinked = raw.unlinkedRows;
  let dropped = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const linked = raw.link[i] === NONE ? NONE : byLink[raw.link[i]];
    if (linked === DROPPED) {
      dropped += 1;
      continue;
    }
    const who = person[i] !== NONE ? person[i] : linked;
    if (who === NONE) {
      unlinked += 1;
      continue;
    }
    person[kept] = who;
    day[kept] = day[i];
    kept += 1;
  }
  return {
    table: { length: kept, person: person.subarray(0, kept), day: day.subarray(0, kept), unseenRows: raw.unseenRows },
    unlinked,
    dropped,
  };
}
