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

/** No episode: none names the referral id, or the plan has none. */
export const NO_EPISODE = -1;

export class CinEpisodesBuilder {
  /**
   * cine_referral_id, looked up only through episodeOf, before build: the ids in an id table (no string kept per
   * episode: nationally 1.5 million), filled by the column's uniqueness check as the table is read (schemas.ts),
   * and per id the last row that names it, NO_EPISODE for an id only on rows that were not kept, or past the end
   * for such ids after the last kept one. Both are let go at build (nationally ≈40 MB).
   */
  referralIds = new IdTable();
  private rowOfReferral = int32Column();
  private readonly person = int32Column();
  private readonly start = int32Column();
  private readonly close = int32Column();
  private readonly nfa = uint8Column();
  private readonly rc5 = uint8Column();

  add(row: CinEpisodeRow): void {
    const ordinal = this.referralIds.ordinal(row.referral);
    while (this.rowOfReferral.length <= ordinal) this.rowOfReferral.push(NO_EPISODE);
    this.rowOfReferral.set(ordinal, this.person.length);
    this.person.push(row.person);
    this.start.push(row.start ?? NO_DAY);
    this.close.push(row.close ?? NO_DAY);
    this.nfa.push(row.nfa ? 1 : 0);
    this.rc5.push(row.rc5 ? 1 : 0);
  }

  /**
   * The table has been read: its columns are copied to their exact length now (growable-column.ts, seal); the
   * referral rows, let go at build, are not.
   */
  seal(): void {
    for (const column of [this.person, this.start, this.close, this.nfa, this.rc5]) column.seal();
  }

  /**
   * The episode (its row) that names this referral id; the last such row when several do (cine_referral_id should
   * be unique). The one place referral ids are looked up, and only until they are let go.
   */
  episodeOf(id: string): number {
    const ordinal = this.referralIds.find(id);
    return ordinal >= 0 && ordinal < this.rowOfReferral.length ? this.rowOfReferral.get(ordinal) : NO_EPISODE;
  }

  /** Lets the referral ids go (nationally ≈40 MB), once every id to look up has been: episodeOf finds none after. */
  releaseReferrals(): void {
    this.referralIds = new IdTable();
    this.rowOfReferral = int32Column();
  }

  /** The episodes as read; this ends the builder (its referral ids are let go). */
  build(): CinEpisodes {
    this.releaseReferrals();
    return {
      length: this.person.length,
      person: this.person.build(),
      start: this.start.build(),
      close: this.close.build(),
      nfa: this.nfa.build(),
      rc5: this.rc5.build(),
    };
  }
}
