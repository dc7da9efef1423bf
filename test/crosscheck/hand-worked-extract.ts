/**
 * A tiny extract for period 2013-11 whose numbers were worked out by hand from
 * docs/MEASURES.md: what each row is for is said below, the expected numbers and
 * their working are in duckdb-baseline.test.ts. It exercises the parsing
 * rules (header case and spacing, BOM, UK dates, date-times, flag spellings, NULL) and
 * the edges of the definitions (window boundaries, clamped months, ends on the day).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const HAND_WORKED_PERIOD = '2013-11';
/** Population for the hand-worked numbers: no 2012, so 2012/13 falls back to 2011. */
export const HAND_WORKED_POPULATION = { '2011': 8000, '2013': 20000 };
export const HAND_WORKED_MONTHS_SHOWN = 2;

export const FILES: Record<string, string> = {
  // Header names in odd case/spacing and a BOM: names match case-insensitively after trimming.
  // P1 A 2011-08-31 open, prev missing (A's first plan). P2 B 29/02/2012 (UK form) ended 2013-10-15, out=Yes.
  // P3 A 2013-10-03 open, prev missing but A has the earlier P1: a repeat. P4 C 2013-04-10..2013-11-05, prev 2.
  // P5 D 2011-01-15..2013-11-20, out=true, ended after 2 years. P6 B 2012-06-01..2012-09-01, prev 0 (given, so
  // not a repeat although B had P2 earlier). "P,7" F 2011-03-31..2013-03-31: ends on the prior-year date, so
  // not open then, and ends exactly 2 years after its start.
  'ssd_cp_plans.csv':
    '\uFEFFCPPL_CP_PLAN_ID, CPPL_Person_ID ,cppl_cp_plan_start_date,cppl_cp_plan_end_date,' +
    'cppl_number_of_previous_cp_plans,cppl_cp_plan_transfer_out,cppl_cp_plan_initial_category\n' +
    'P1,A,2011-08-31,,NULL,,NEG\n' +
    'P2,B,29/02/2012,2013-10-15,0,Yes,NEG\n' +
    'P3,A,2013-10-03 09:15:00,,,,EMO\n' +
    'P4,C,2013-04-10,2013-11-05,2,N,NEG\n' +
    'P5,D,2011-01-15,20/11/2013 14:00,,true,PHY\n' +
    'P6,B,2012-06-01,2012-09-01,0,,NEG\n' +
    '"P,7",F,2011-03-31,2013-03-31T00:00:00,,NULL,SAB\n',
  // P3 has a Y row and an N row (any Y makes it a transfer-in); P6 via "1"; a row without plan id is ignored.
  // The front door's conferences name their section 47 enquiry (and child): S1's is held on its 15-working-day
  // deadline (22 April 2013, over Easter); H's, 16 working days after S2; K2's, 15 after the other S2 (the id is
  // reused for two children, as Mosaic does); J's before S3 started (excluded), J's transfer-in (excluded), J's in
  // time; SX names no enquiry (not counted).
  'ssd_initial_cp_conference.csv':
    'icpc_cp_plan_id,icpc_icpc_transfer_in,icpc_icpc_date,icpc_s47_enquiry_id,icpc_person_id\n' +
    'P3,y,2013-10-03,,\n' +
    'P3,N,2013-10-03,,\n' +
    'P6,1,2012-06-01,,\n' +
    ',Y,2013-01-01,,\n' +
    'P4,,2013-04-10,,\n' +
    ',N,2013-04-22,S1,G\n' +
    ',N,2013-10-29,S2,H\n' +
    ',N,2013-10-29,S2,K2\n' +
    ',N,2013-11-15,S3,J\n' +
    ',Y,2013-11-29,S3,J\n' +
    ',N,2013-11-29,S3,J\n' +
    ',N,2013-11-20,SX,J\n',
  // Referrals: G on 2012-11-15 and exactly 12 months later (a re-referral); H on 2012-10-31 and 2013-11-01 (12
  // months and a day: not one; NFA); J NFA on 2013-10-10, again on 2013-10-20 (a re-referral); K2 on the
  // prior-year date, open (NFA empty = N); L2 closed on the prior-year date (not open then).
  'ssd_cin_episodes.csv':
    'cine_referral_id,cine_person_id,cine_referral_date,cine_referral_nfa,cine_close_reason,cine_close_date\n' +
    'R1,G,2012-11-15,N,RC7,2013-01-10\n' +
    'R2,G,2013-11-15,N,,\n' +
    'R3,H,2012-10-31,N,RC8,2012-11-30\n' +
    'R4,H,2013-11-01,Y,RC8,2013-11-01\n' +
    'R5,J,2013-10-10,Y,RC8,2013-10-11\n' +
    'R6,J,2013-10-20,N,,\n' +
    'R7,K2,2013-03-31,,,\n' +
    'R8,L2,2013-02-01,N,RC7,2013-03-31\n',
  // Contacts: on the prior-year date, 1 April (year to date only), 31 October, undated, 30 November.
  'ssd_contacts.csv':
    'cont_contact_id,cont_person_id,cont_contact_date\n' +
    'T1,G,2013-03-31\n' +
    'T2,G,2013-04-01\n' +
    'T3,H,2013-10-31\n' +
    'T4,H,\n' +
    'T5,J,2013-11-30\n',
  // Assessments (45 working days of the start): A1 on its deadline (8 April 2013, over Easter), A2 the day after;
  // A3 over Christmas and New Year (43); A4 the same day (0); A5 not authorised; A6 SystemC's 1900-01-01 (not
  // completed); A7 51 working days (late).
  'ssd_cin_assessments.csv':
    'cina_assessment_id,cina_person_id,cina_assessment_start_date,cina_assessment_auth_date\n' +
    'A1,G,2013-01-31,2013-04-08\n' +
    'A2,H,2013-01-31,2013-04-09\n' +
    'A3,J,2012-12-21,2013-02-25\n' +
    'A4,G,2013-10-01,2013-10-01\n' +
    'A5,H,2013-11-05,\n' +
    'A6,J,2013-09-01,1900-01-01 00:00:00.000\n' +
    'A7,K2,2013-08-20,2013-11-12\n',
  // Section 47 enquiries: S1 the Thursday before Good Friday; S2 twice (H, and K2 a day later); S3 J; S4 undated.
  'ssd_s47_enquiry.csv':
    's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date\n' +
    'S1,G,2013-03-28\n' +
    'S2,H,2013-10-07\n' +
    'S2,K2,2013-10-08\n' +
    'S3,J,2013-11-18\n' +
    'S4,J,\n',
  'ssd_cp_reviews.csv':
    'cppr_cp_plan_id,cppr_cp_review_date,cppr_cp_review_due\n' +
    // P1: due 2011-11-30 (31 Aug + 3 months, clamped), then every 6 months, met until 2013-05-30; next due
    // 2013-11-30 with no review by then (2013-12-01 is after d): timely at 2013-03-31 and 2013-10-31, late at
    // 2013-11-30.
    'P1,2011-11-30,\n' +
    'P1,2012-05-30,\n' +
    'P1,2012-11-30,\n' +
    'P1,2013-05-30,\n' +
    'P1,2013-12-01,\n' +
    // P2: due 2012-05-29 met on the day, then due 2012-11-29 met on 2012-11-20 (with a time), next due 2013-05-20.
    'P2,2012-05-29,\n' +
    'P2,2012-11-20 10:30:00,\n' +
    // P4: due 2013-07-10, first review 2013-07-11: late. The review on its start date is not after the start.
    'P4,2013-04-10,\n' +
    'P4,2013-07-11,\n' +
    // P5: 2011-04-15, 2011-10-14, 2012-04-14, 2012-10-01, 2013-03-30, 2013-09-30 (twice), each within 6 months
    // of the one before; a row with no review date is not held.
    'P5,2011-04-15,\n' +
    'P5,2011-10-14,\n' +
    'P5,2012-04-14,\n' +
    'P5,2012-10-01,\n' +
    'P5,2013-03-30,\n' +
    'P5,2013-09-30,\n' +
    'P5,30/09/2013,\n' +
    'P5,,2014-03-30\n' +
    'PX,2013-10-01,\n',
  'ssd_cp_visits.csv':
    'cppv_person_id,cppv_cp_visit_date,cppv_cp_visit_seen,cppv_cp_plan_id\n' +
    // Prior year, window (2013-03-03, 2013-03-31]: A on the excluded boundary and unseen; B and D seen.
    'A,2013-03-03,Y,P1\n' +
    'A,2013-03-31,N,P1\n' +
    'B,2013-03-04,,P2\n' +
    'D,2013-03-31,Yes,P5\n' +
    // October, window (2013-10-03, 2013-10-31]: A seen on the 31st; C only on the excluded boundary; D after.
    'A,2013-10-04,0,P1\n' +
    'A,2013-10-31,y,P1\n' +
    'C,2013-10-03,Y,P4\n' +
    'D,2013-11-01,Y,P5\n' +
    'Q,2013-10-10,Y,\n' +
    // November, window (2013-11-02, 2013-11-30]: A seen (NULL = missing = seen); boundary and future visits don't
    // count.
    'A,2013-11-02,Y,P1\n' +
    'A,2013-11-15,NULL,P3\n' +
    'A,2013-12-01,Y,P3\n',
  // K: 2013-01-01 open and 2013-09-25 open (earliest start counts); L 2013-03-01..2013-10-20; M 2013-10-01 open.
  'ssd_cin_plans.csv':
    'cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date,cinp_cin_plan_end_date\n' +
    'C1,K,2013-01-01,\n' +
    'C2,L,2013-03-01,2013-10-20\n' +
    'C3,K,2013-09-25,\n' +
    'C4,M,2013-10-01,\n',
  'ssd_cin_visits.csv':
    'cinv_person_id,cinv_cin_visit_date,cinv_cin_visit_seen\n' +
    'K,2013-03-31,\n' +
    'K,2013-09-19,Y\n' +
    'K,2013-10-20,N\n' +
    'M,2013-10-20,Y\n',
  // The SSD's other name for the ceased date. X has two open episodes; Y's ends on 2013-11-30 (not open then).
  // V (in care since 2008) and U (since 2010) are for long-term stability: neither is visited nor has three
  // placements in any year.
  'ssd_cla_episodes.csv':
    'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased\n' +
    'E1,X,2010-05-01,\n' +
    'E2,X,2009-01-01,2010-04-30\n' +
    'E3,Y,2013-10-31,2013-11-30\n' +
    'E4,Z,2013-04-01,NULL\n' +
    'E5,X,2012-01-01,\n' +
    'E6,V,2008-01-01,\n' +
    'E7,U,2010-01-01,\n',
  // Children in care (docs/MEASURES.md). At 2013-11-30 (window 19 October – 30 November): X (in care since
  // 2010-05-01; E2 ceased the day before, a separate period) seen on 20 November; Z due, its visit on x itself
  // does not count and the one on d was unseen; Y left care on d. cla_visits_timely_pct = 1 of 2.
  'ssd_cla_visits.csv':
    'clav_person_id,clav_cla_visit_date,clav_cla_visit_seen\n' +
    'X,2013-11-20,Y\n' +
    'Z,2013-10-19,Y\n' +
    'Z,2013-11-30,N\n',
  // cla_reviews_timely_pct (the working is in duckdb-baseline.test.ts). X every 3 then 6 months from 2010-05-20, but
  // the review due 2012-11-17 held on 2012-11-30; V's only review was cancelled; U on time throughout; Z first on
  // its deadline, 29 April 2013 (20 working days after 1 April, Easter Monday), then 3 months on; Y none.
  'ssd_cla_reviews.csv':
    'clar_cla_person_id,clar_cla_review_date,clar_cla_review_cancelled\n' +
    'X,2010-05-20,N\n' +
    'X,2010-08-20,N\n' +
    'X,2011-02-18,N\n' +
    'X,2011-08-18,\n' +
    'X,2012-02-17,N\n' +
    'X,2012-05-17,N\n' +
    'X,2012-11-30,N\n' +
    'X,2013-05-30,N\n' +
    'X,2013-11-15,N\n' +
    'V,2013-06-01,Y\n' +
    'U,2010-01-20,N\n' +
    'U,2010-04-20,N\n' +
    'U,2010-10-20,N\n' +
    'U,2011-04-20,N\n' +
    'U,2011-10-20,N\n' +
    'U,2012-04-20,N\n' +
    'U,2012-10-19,N\n' +
    'U,2013-04-19,N\n' +
    'U,2013-10-18,N\n' +
    'Z,2013-04-29,N\n' +
    'Z,2013-07-29,N\n',
  // cla_placements_3plus_pct at 2013-11-30 (year from 2012-12-01): X has three (the first ended on the year's
  // first day, so it counts; a same-day placement does not); Z two; Y left care on d → 1 of 2. X's ending in
  // 2012-11-30 would not have counted.
  'ssd_cla_placement.csv':
    'clap_cla_placement_id,clap_person_id,clap_cla_placement_start_date,clap_cla_placement_end_date,' +
    'clap_cla_placement_type\n' +
    'L1,X,2010-05-01,2012-12-01,\n' +
    'L2,X,2012-12-01,2013-06-01,\n' +
    'L3,X,2013-06-01,2013-06-01,\n' +
    'L4,X,2013-06-01,,\n' +
    'L5,Z,2013-04-01,2013-05-01,\n' +
    'L6,Z,2013-05-01,,\n' +
    'L7,Y,2013-10-31,2013-11-01,\n' +
    'L8,Y,2013-11-01,2013-11-10,\n' +
    'L9,Y,2013-11-10,2013-11-30,\n' +
    // Long-term stability: V's second placement starts 2011-10-31, two years to the day before 2013-10-31. U is
    // placed for adoption (A5) on 2013-01-15 straight from the placement it had had since 2010-01-01.
    'LA,V,2008-01-01,2011-10-31,U4\n' +
    'LB,V,2011-10-31,,U4\n' +
    'LC,U,2010-01-01,2013-01-15,U4\n' +
    'LD,U,2013-01-15,,A5\n',
  // cla_missing in November: X (missing since 2013-10-30, still missing on 1 November) counts; Y's episode starts
  // on 30 November, the day Y left care (not in care that day); Z's is Absent (away, not missing); W was never in
  // care → 1. October: X → 1.
  'ssd_missing.csv':
    'miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_end_date,' +
    'miss_missing_episode_type\n' +
    'M1,X,2013-10-30,2013-11-02,Missing\n' +
    'M2,Y,2013-11-30,,Missing\n' +
    'M3,Z,2013-11-05,2013-11-05,Absent\n' +
    'M4,W,2013-11-05,2013-11-06,\n',
  // Care leavers (aged 19-21 at d: addYears(dob, 19) <= d < addYears(dob, 22)). L1 turns 19 on 2013-11-30
  // (in from that day); L2 born 29 Feb 1992 turns 22 on 2014-02-28 (in at every day); L3 turns 22 on
  // 2013-10-31 (in at 03-31 only); L4 returned home (RHOM) and L5 is Relevant, not Former Relevant: never
  // in; L6 in at every day; L7 has no ssd_person row: never in. L3 is written as SSDA903 descriptions.
  'ssd_care_leavers.csv':
    'clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,clea_care_leaver_accommodation,' +
    'clea_care_leaver_accom_suitable,clea_care_leaver_activity\n' +
    'L1,Former Relevant,YES,U,1,F2\n' +
    'L2,,NO,R,,G5\n' +
    'L3,Former Relevant,yes,"Independent living, for example independent tenancy of flat",' +
    'Accommodation is considered unsuitable,' +
    'Young person engaged full time in training or employment (not apprenticeship)\n' +
    'L4,Former Relevant,RHOM,U,1,F1\n' +
    'L5,Relevant,YES,U,1,F1\n' +
    'L6,Former Relevant,REFU,D,1,G4\n' +
    'L7,Former Relevant,YES,U,1,F1\n',
  'ssd_person.csv':
    'pers_person_id,pers_dob\n' +
    'L1,1994-11-30\n' +
    'L2,1992-02-29\n' +
    'L3,1991-10-31\n' +
    'L4,1993-06-15\n' +
    'L5,1993-01-01\n' +
    'L6,1993-05-05\n' +
    'P9,1990-01-01\n' +
    // Children in care: V turns 16 on 2013-11-30 (under 16 on 10-31, not on 11-30); Y has no date of birth.
    'X,2005-06-01\n' +
    'Z,2010-01-01\n' +
    'V,1997-11-30\n' +
    'U,2005-02-02\n',
};

/** Writes the hand-worked extract into a new temporary folder and returns its path. */
export function writeHandWorkedExtract(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hand-worked-extract-'));
  for (const [name, content] of Object.entries(FILES)) writeFileSync(path.join(dir, name), content);
  return dir;
}
