/**
 * ssd_cin_episodes as read: the referrals (front-door-links.ts) and the episodes whose close
 * tells a CP plan's transfer out (transfer-out.ts). A national table has about 1.5 million
 * rows, so it is held as columns (growable-column.ts), and the close reason is reduced to
 * the one thing read of it when the row is read: whether it is RC5.
 */
import { NO_DAY, type Day, type PersonKey } from '../types';
import { int32Column, uint8Column } from './growable-column';
import { IdTable } from './id-table';

/** The episodes as read, row i across the columns (file order). */
export interface CinEpisodes {
  length: number;
  /**
   * cine_referral_id, read only through referralEpisodes: the ids in an id table (no string kept per
   * episode: nationally 1.5 million), and per id the last row that names it, NO_ROW for an id
   * only on rows that were not kept (the table is the uniqueness check's too: schemas.ts), or
   * past the end for such ids after the last kept one.
   */
  referralIds: IdTable;
  rowOfReferral: Int32Array;
  person: Int32Array;
  /** cine_referral_date; NO_DAY when empty. */
  start: Int32Array;
  /** cine_close_date; NO_DAY while the episode is open. */
  close: Int32Array;
  /** 1: cine_referral_nfa = Y. */
  nfa: Uint8Array;
  /** 1: cine_close_reason is RC5, transferred to the services of another local authority (isRc5). */
  rc5: Uint8Array;
}

export interface CinEpisodeRow {
  referral: string;
  person: PersonKey;
  start: Day | null;
  close: Day | null;
  nfa: boolean;
  rc5: boolean;
}

const NO_ROW = -1;

export class CinEpisodesBuilder {
  /** The referral ids: the cine_referral_id uniqueness check fills it as the table is read (schemas.ts). */
  readonly referralIds = new IdTable();
  private readonly rowOfReferral = int32Column();
  private readonly person = int32Column();
  private readonly start = int32Column();
  private readonly close = int32Column();
  private readonly nfa = uint8Column();
  private readonly rc5 = uint8Column();

  add(row: CinEpisodeRow): void {
    const ordinal = this.referralIds.ordinal(row.referral);
    while (this.rowOfReferral.length <= ordinal) this.rowOfReferral.push(NO_ROW);
    this.rowOfReferral.set(ordinal, this.person.length);
    this.person.push(row.person);
    this.start.push(row.start ?? NO_DAY);
    this.close.push(row.close ?? NO_DAY);
    this.nfa.push(row.nfa ? 1 : 0);
    this.rc5.push(row.rc5 ? 1 : 0);
  }

  /** The episodes as read; this ends the builder. */
  build(): CinEpisodes {
    return {
      length: this.person.length,
      referralIds: this.referralIds,
      rowOfReferral: this.rowOfReferral.build(),
      person: this.person.build(),
      start: this.start.build(),
      close: this.close.build(),
      nfa: this.nfa.build(),
      rc5: this.rc5.build(),
    };
  }
}

/**
 * The episode (its row index) of each of these referral ids that one names; the last such
 * row when several do (cine_referral_id should be unique). The one place referral ids are
 * looked up.
 */
export function referralEpisodes(episodes: CinEpisodes, ids: Iterable<string>): Map<string, number> {
  const found = new Map<string, number>();
  for (const id of ids) {
    const ordinal = episodes.referralIds.find(id);
    const row = ordinal >= 0 && ordinal < episodes.rowOfReferral.length ? episodes.rowOfReferral[ordinal] : NO_ROW;
    if (row !== NO_ROW) found.set(id, row);
  }
  return found;
}
