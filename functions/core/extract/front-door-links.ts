/**
 * The front door's records as read, and how they become the Extract's FrontDoor
 * (docs/EXTRACT-SSD.md, "Front door"):
 * - a referral is a row of ssd_cin_episodes with a referral date (an undated one is counted
 *   in a note, in no measure);
 * - an assessment's authorisation date before its start is read as not yet completed: SystemC
 *   writes 1900-01-01 when the form has no end date (procs/ssd_cin_assessments.sql);
 * - a conference is linked to its section 47 enquiry by icpc_s47_enquiry_id and, where both
 *   name one, the child (Mosaic reuses an enquiry id across siblings); transferred-in
 *   conferences and other authorities' plans' conferences are left out, and a conference
 *   dated before its enquiry started has no duration (DfE excludes them) and is warned about.
 */
import type { Assessments, EnquiryConference, FrontDoor, Referrals } from '../front-door-types';
import { NO_DAY, type Day, type PersonKey } from '../types';
import type { CinEpisodes } from './cin-episodes';
import type { RawCpPlan } from './extract-builder';
import { int32Column } from './growable-column';
import type { ProblemCollector } from './problems';

interface RawEnquiry {
  id: string;
  person: PersonKey;
  start: Day | null;
  row: number;
}

interface RawConference {
  s47Id: string | null;
  person: PersonKey | null;
  planId: string | null;
  date: Day | null;
  transferIn: boolean;
  row: number;
}

export interface RawFrontDoor {
  /** cont_contact_date of every dated contact. */
  contacts: Int32Array;
  /** The assessments with a start date, their completion date as read (it may be before the start). */
  assessments: Assessments;
  enquiries: RawEnquiry[];
  conferences: RawConference[];
}

/** The front door's records as the tables are read; the large ones (contacts, assessments) go into columns. */
export class FrontDoorBuilder {
  private readonly contacts = int32Column();
  private readonly assessmentStarts = int32Column();
  private readonly assessmentCompletions = int32Column();
  readonly enquiries: RawEnquiry[] = [];
  readonly conferences: RawConference[] = [];

  contact(day: Day): void {
    this.contacts.push(day);
  }

  assessment(start: Day, completed: Day | null): void {
    this.assessmentStarts.push(start);
    this.assessmentCompletions.push(completed ?? NO_DAY);
  }

  /** The records as read; this ends the builder. */
  build(): RawFrontDoor {
    const length = this.assessmentStarts.length;
    return {
      contacts: this.contacts.build(),
      assessments: { length, start: this.assessmentStarts.build(), completed: this.assessmentCompletions.build() },
      enquiries: this.enquiries,
      conferences: this.conferences,
    };
  }
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The dated episodes' columns: the episodes' own when every one is dated, else copies without the undated. */
function datedEpisodes(episodes: CinEpisodes): Referrals {
  const { person, start, close, nfa } = episodes;
  let length = 0;
  for (let i = 0; i < episodes.length; i += 1) if (start[i] !== NO_DAY) length += 1;
  if (length === episodes.length) return { length, person, date: start, close, nfa };
  const referrals = {
    length,
    person: new Int32Array(length),
    date: new Int32Array(length),
    close: new Int32Array(length),
    nfa: new Uint8Array(length),
  };
  let kept = 0;
  for (let i = 0; i < episodes.length; i += 1) {
    if (start[i] === NO_DAY) continue;
    referrals.person[kept] = person[i];
    referrals.date[kept] = start[i];
    referrals.close[kept] = close[i];
    referrals.nfa[kept] = nfa[i];
    kept += 1;
  }
  return referrals;
}

function referralsOf(episodes: CinEpisodes, problems: ProblemCollector): Referrals {
  const referrals = datedEpisodes(episodes);
  const undated = episodes.length - referrals.length;
  // A note, not a warning: the SSD allows an episode without a date, and only the referral measures miss it.
  if (undated > 0)
    problems.info({
      kind: 'undated-referral',
      table: 'ssd_cin_episodes',
      message: `${count(undated, 'CIN episode has', 'CIN episodes have')} no referral date: not counted as referrals`,
    });
  return referrals;
}

/** The enquiry a conference followed: by id, and by the child when the id names several. */
function enquiryFinder(enquiries: readonly RawEnquiry[]): (conference: RawConference) => RawEnquiry | undefined {
  const byId = new Map<string, RawEnquiry[]>();
  for (const enquiry of enquiries) {
    const list = byId.get(enquiry.id);
    if (list) list.push(enquiry);
    else byId.set(enquiry.id, [enquiry]);
  }
  return (conference) => {
    const candidates = conference.s47Id === null ? undefined : byId.get(conference.s47Id);
    if (candidates === undefined) return undefined;
    const ofChild = candidates.filter((e) => conference.person === null || e.person === conference.person);
    return ofChild.length === 1 ? ofChild[0] : undefined;
  };
}

function conferencesOf(
  raw: RawFrontDoor,
  cpPlans: readonly RawCpPlan[],
  problems: ProblemCollector,
): EnquiryConference[] {
  const olaPlans = new Set(cpPlans.filter((p) => p.ola).map((p) => p.plan.id));
  const enquiryOf = enquiryFinder(raw.enquiries);
  const linked: EnquiryConference[] = [];
  let unlinked = 0;
  let before: RawConference | null = null;
  let beforeCount = 0;
  for (const conference of raw.conferences) {
    if (conference.date === null || conference.s47Id === null || conference.transferIn) continue;
    if (conference.planId !== null && olaPlans.has(conference.planId)) continue;
    const enquiry = enquiryOf(conference);
    if (enquiry === undefined || enquiry.start === null) unlinked += 1;
    else if (conference.date < enquiry.start) {
      beforeCount += 1;
      before ??= conference;
    } else linked.push({ date: conference.date, s47Start: enquiry.start, row: conference.row });
  }
  if (unlinked > 0)
    problems.warning({
      kind: 'unlinked-conference',
      table: 'ssd_initial_cp_conference',
      row: null,
      column: 'icpc_s47_enquiry_id',
      value: null,
      message:
        `${count(unlinked, 'initial conference names', 'initial conferences name')} a section 47 enquiry not found ` +
        'in ssd_s47_enquiry (or not dated there): not counted in conference timeliness',
    });
  if (before !== null)
    problems.warning({
      kind: 'conference-before-enquiry',
      table: 'ssd_initial_cp_conference',
      row: before.row,
      column: 'icpc_icpc_date',
      value: null,
      message:
        `${count(beforeCount, 'initial conference is', 'initial conferences are')} dated before the section 47 ` +
        'enquiry started (the first on this row): no duration, not counted in conference timeliness',
    });
  return linked;
}

function assessmentsOf(raw: RawFrontDoor, problems: ProblemCollector): Assessments {
  const { length, start } = raw.assessments;
  const completed = raw.assessments.completed.slice();
  let early = 0;
  for (let i = 0; i < length; i += 1)
    if (completed[i] !== NO_DAY && completed[i] < start[i]) {
      completed[i] = NO_DAY;
      early += 1;
    }
  if (early > 0)
    problems.info({
      kind: 'assessment-auth-before-start',
      table: 'ssd_cin_assessments',
      message:
        `${count(early, 'assessment has', 'assessments have')} an authorisation date before its start ` +
        '(SystemC writes 1900-01-01 when there is none): read as not yet completed',
    });
  return { length, start, completed };
}

export function linkFrontDoor(
  raw: RawFrontDoor,
  episodes: CinEpisodes,
  cpPlans: readonly RawCpPlan[],
  problems: ProblemCollector,
): FrontDoor {
  const dated = raw.enquiries.flatMap((e) => (e.start === null ? [] : [e.start]));
  return {
    contacts: raw.contacts,
    referrals: referralsOf(episodes, problems),
    assessments: assessmentsOf(raw, problems),
    s47Starts: Int32Array.from(dated),
    conferences: conferencesOf(raw, cpPlans, problems),
  };
}
