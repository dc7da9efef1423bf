/**
 * The front door and assessment records the measures read (docs/EXTRACT-SSD.md, "Front door"):
 * contacts, referrals (CIN episodes), continuous assessments, section 47 enquiries and the
 * initial conferences that followed an enquiry. Plain data, as linked by the reader
 * (extract/front-door-links.ts); person identifiers are interned as everywhere else.
 */
import type { Day, PersonKey } from './types';

/** A referral: one row of ssd_cin_episodes with a referral date. */
export interface Referral {
  person: PersonKey;
  date: Day;
  /** cine_close_date; null while the episode is open. */
  close: Day | null;
  /** cine_referral_nfa = Y: the referral resulted in no further action. */
  nfa: boolean;
}

/** A continuous assessment (ssd_cin_assessments) with its start date. */
export interface Assessment {
  start: Day;
  /** cina_assessment_auth_date: completed and authorised; null while it is not. */
  completed: Day | null;
  row: number;
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
  referrals: Referral[];
  assessments: Assessment[];
  /** s47e_s47_start_date of every dated enquiry. */
  s47Starts: Int32Array;
  conferences: EnquiryConference[];
}

export function emptyFrontDoor(): FrontDoor {
  return { contacts: new Int32Array(0), referrals: [], assessments: [], s47Starts: new Int32Array(0), conferences: [] };
}
