/**
 * The front door and assessment records the measures read (docs/EXTRACT-SSD.md, "Front door"):
 * contacts, referrals (CIN episodes), continuous assessments, section 47 enquiries and the
 * initial conferences that followed an enquiry. Plain data, as linked by the reader
 * (extract/front-door-links.ts); person identifiers are interned as everywhere else.
 */
import type { Day } from './types';

/**
 * The referrals, as columns (row i across them): the rows of ssd_cin_episodes with a
 * referral date, in file order. Columns, not records: a national table has about 1.5
 * million rows.
 */
export interface Referrals {
  length: number;
  person: Int32Array;
  /** cine_referral_date */
  date: Int32Array;
  /** cine_close_date; NO_DAY (types.ts) while the episode is open. */
  close: Int32Array;
  /** 1: cine_referral_nfa = Y, the referral resulted in no further action. */
  nfa: Uint8Array;
}

/** The continuous assessments (ssd_cin_assessments) with a start date, as columns (row i across them). */
export interface Assessments {
  length: number;
  /** cina_assessment_start_date */
  start: Int32Array;
  /** cina_assessment_auth_date: completed and authorised; NO_DAY (types.ts) while it is not. */
  completed: Int32Array;
}

/** An initial child protection conference held after a section 47 enquiry (icpc_s47_enquiry_id). */
export interface EnquiryConference {
  /** icpc_icpc_date */
  date: Day;
  /** s47e_s47_start_date of the enquiry it followed: the strategy discussion that started it. */
  s47Start: Day;
  row: number;
}

export interface FrontDoor {
  /** cont_contact_date of every dated contact. */
  contacts: Int32Array;
  referrals: Referrals;
  assessments: Assessments;
  /** s47e_s47_start_date of every dated enquiry. */
  s47Starts: Int32Array;
  conferences: EnquiryConference[];
}

export function emptyFrontDoor(): FrontDoor {
  const none = (): Int32Array => new Int32Array(0);
  return {
    contacts: none(),
    referrals: { length: 0, person: none(), date: none(), close: none(), nfa: new Uint8Array(0) },
    assessments: { length: 0, start: none(), completed: none() },
    s47Starts: none(),
    conferences: [],
  };
}
