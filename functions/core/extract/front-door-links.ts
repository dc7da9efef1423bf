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
import { RowPruner } from './pruning';

/** Section 47 enquiries as read, row i across the columns; `id` is the ordinal of the enquiry id (enquiryIds). */
interface RawEnquiries {
  length: number;
  id: Int32Array;
  person: Int32Array;
  /** s47e_s47_start_date; NO_DAY when empty. */
  start: Int32Array;
}

/**
 * A conference that conference timeliness can time: dated, naming the enquiry it followed, and not transferred in
 * (a transfer-in conference was held after another authority's enquiry). Other rows are not kept for it.
 */
interface RawConference {
  /** The ordinal of icpc_s47_enquiry_id (ExtractBuilder.enquiryIds). */
  s47: number;
  person: PersonKey | null;
  planId: string | null;
  date: Day;
  row: number;
}

export interface RawFrontDoor {
  /** cont_contact_date of every dated contact. */
  contacts: Int32Array;
  /** The assessments with a start date, their completion date as read (it may be before the start). */
  assessments: Assessments;
  enquiries: RawEnquiries;
  conferences: RawConference[];
}

/** The front door's records as the tables are read; the large ones (contacts, assessments) go into columns. */
export class FrontDoorBuilder {
  private readonly contacts = int32Column();
  private readonly assessmentStarts = int32Column();
  private readonly assessmentCompletions = int32Column();
  private readonly enquiryIds = int32Column();
  private readonly enquiryPersons = int32Column();
  private readonly enquiryStarts = int32Column();
  readonly conferences: RawConference[] = [];

  /** @param contactPruner ssd_contacts' reach (pruning.ts); by default every contact is kept. */
  constructor(readonly contactPruner = new RowPruner()) {}

  contact(day: Day): void {
    this.contacts.push(day);
  }

  assessment(start: Day, completed: Day | null): void {
    this.assessmentStarts.push(start);
    this.assessmentCompletions.push(completed ?? NO_DAY);
  }

  /** A section 47 enquiry: its id's ordinal, its child and its start date. */
  enquiry(id: number, person: PersonKey, start: Day | null): void {
    this.enquiryIds.push(id);
    this.enquiryPersons.push(person);
    this.enquiryStarts.push(start ?? NO_DAY);
  }

  /** One of its tables has been read: its columns are copied to their exact length now (growable-column.ts, seal). */
  seal(table: 'ssd_contacts' | 'ssd_cin_assessments' | 'ssd_s47_enquiry'): void {
    const columns = {
      ssd_contacts: [this.contacts],
      ssd_cin_assessments: [this.assessmentStarts, this.assessmentCompletions],
      ssd_s47_enquiry: [this.enquiryIds, this.enquiryPersons, this.enquiryStarts],
    }[table];
    for (const column of columns) column.seal();
  }

  /** The records as read; this ends the builder. */
  build(): RawFrontDoor {
    const length = this.assessmentStarts.length;
    const enquiries = this.enquiryIds.length;
    return {
      contacts: this.contacts.build(),
      assessments: { length, start: this.assessmentStarts.build(), completed: this.assessmentCompletions.build() },
      enquiries: {
        length: enquiries,
        id: this.enquiryIds.build(),
        person: this.enquiryPersons.build(),
        start: this.enquiryStarts.build(),
      },
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

/**
 * The enquiry (its row) a conference followed: by id, and by the child when the id names several; -1 when none
 * or more than one. The enquiries are grouped by id ordinal in arrays (a national table: 350,000 rows).
 */
function enquiryFinder(enquiries: RawEnquiries): (conference: RawConference) => number {
  let ids = 0;
  for (let i = 0; i < enquiries.length; i += 1) ids = Math.max(ids, enquiries.id[i] + 1);
  // Rows of id k are rows[first[k] .. first[k + 1]), in file order.
  const first = new Int32Array(ids + 1);
  for (let i = 0; i < enquiries.length; i += 1) first[enquiries.id[i] + 1] += 1;
  for (let k = 0; k < ids; k += 1) first[k + 1] += first[k];
  const rows = new Int32Array(enquiries.length);
  const filled = first.slice(0, ids);
  for (let i = 0; i < enquiries.length; i += 1) rows[filled[enquiries.id[i]]++] = i;
  return (conference) => {
    if (conference.s47 >= ids) return -1;
    let found = -1;
    for (let at = first[conference.s47]; at < first[conference.s47 + 1]; at += 1) {
      const row = rows[at];
      if (conference.person !== null && enquiries.person[row] !== conference.person) continue;
      if (found >= 0) return -1;
      found = row;
    }
    return found;
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
    if (conference.planId !== null && olaPlans.has(conference.planId)) continue;
    const enquiry = enquiryOf(conference);
    const start = enquiry < 0 ? NO_DAY : raw.enquiries.start[enquiry];
    if (start === NO_DAY) unlinked += 1;
    else if (conference.date < start) {
      beforeCount += 1;
      before ??= conference;
    } else linked.push({ date: conference.date, s47Start: start, row: conference.row });
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
  // The raw column is the builder's own, made for this: corrected in place (nationally 1.2 million rows).
  const { length, start, completed } = raw.assessments;
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
  const dated = raw.enquiries.start.filter((start) => start !== NO_DAY);
  return {
    contacts: raw.contacts,
    referrals: referralsOf(episodes, problems),
    assessments: assessmentsOf(raw, problems),
    s47Starts: dated,
    conferences: conferencesOf(raw, cpPlans, problems),
  };
}
