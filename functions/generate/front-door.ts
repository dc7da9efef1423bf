/**
 * The generator's front door (ssd_contacts, ssd_cin_episodes, ssd_cin_assessments,
 * ssd_s47_enquiry, ssd_initial_cp_conference): referrals of children of its own, with the
 * contacts before them, an assessment, sometimes a section 47 enquiry and an initial conference,
 * and the episode of need that follows. Drawn from its own random stream (FRONT_DOOR_SALT), after
 * the other families, so their rows stay as they were.
 *
 * Rates for an authority of the seed's size (57,600 children 0–17) in 2013/14, from DfE's
 * published England figures (CSC_outcomes_and_enablers data-raw/c1_…, b1_…, commit 2f5d11a;
 * mid-2013 population 11,473,080): 657,780 referrals (573 per 10,000: about 3,300 a year here,
 * of which the CP family's own referrals are about 350), 23.5% re-referrals, 14.1% with no
 * further action, 19.6% assessed not in need; 395,480 children in need at 31 March (345 per
 * 10,000: about 1,990 here). Section 47 enquiries, conferences and the two timescales are set to
 * the order DfE reports (about 125 enquiries and 57 conferences per 10,000 a year, three in four
 * assessments within 45 working days, two in three conferences within 15); contacts, which DfE
 * does not publish, at about three per referral.
 */
import { addMonths, isoFromDay } from '../core/calendar';
import type { Day } from '../core/types';
import type { Block } from './block';
import type { Random } from './random';

const FRONT_DOOR_SALT = 0xf00d;
/** Referrals a year from this family (the CP family adds its own, in the SSD layouts). */
const REFERRALS_PER_YEAR = 2950;
/** Years of referrals: enough for every episode open in the pack's years and a year of re-referral history. */
const REFERRAL_YEARS = 5;
/** Contacts are the largest table: three years cover every window a pack shows (its prior year: ≤ 24 months). */
const CONTACT_YEARS = 3;
const OTHER_CONTACTS_PER_YEAR = 5900;
/** Children contacted without a referral are drawn from a pool this size, as families are contacted again. */
const CONTACT_ONLY_CHILDREN = 2500;

interface Closed {
  person: string;
  referral: Day;
  close: Day;
}

export function frontDoorFamily(block: Block): void {
  new FrontDoor(block, block.stream(FRONT_DOOR_SALT)).write();
}

class FrontDoor {
  /** Children whose episode has closed (or will): candidates for a re-referral. */
  private readonly closed: Closed[] = [];
  private readonly contactOnly: string[] = [];

  constructor(
    private readonly block: Block,
    private readonly random: Random,
  ) {}

  write(): void {
    const { block, random } = this;
    const contactsFrom = addMonths(block.end, -12 * CONTACT_YEARS) + 1;
    for (const day of block.startDays(REFERRALS_PER_YEAR, REFERRAL_YEARS, random)) this.referral(day, contactsFrom);
    for (const day of block.startDays(OTHER_CONTACTS_PER_YEAR, CONTACT_YEARS, random)) {
      if (this.contactOnly.length < CONTACT_ONLY_CHILDREN) this.contactOnly.push(block.newPerson());
      this.contact(this.contactOnly[random.int(0, this.contactOnly.length - 1)], day);
    }
  }

  private contact(person: string, day: Day): void {
    this.block.out.add('ssd_contacts', {
      cont_contact_id: this.block.newId('CONT'),
      cont_person_id: person,
      cont_contact_date: isoFromDay(day),
      cont_contact_source_code: this.random.weighted([
        [30, '6'],
        [20, '2A'],
        [15, '3A'],
        [35, '8'],
      ]),
    });
  }

  /** About one referral in four is a child's again, within a year of the last. */
  private childFor(day: Day): string {
    const { random } = this;
    if (random.chance(0.26)) {
      const since = addMonths(day, -12);
      const eligible: number[] = [];
      for (let i = this.closed.length - 1; i >= 0 && eligible.length < 20; i--) {
        const c = this.closed[i];
        if (c.close < day && c.referral >= since) eligible.push(i);
      }
      if (eligible.length > 0) return this.closed.splice(eligible[random.int(0, eligible.length - 1)], 1)[0].person;
    }
    return this.block.newPerson();
  }

  private referral(day: Day, contactsFrom: Day): void {
    const { block, random } = this;
    const person = this.childFor(day);
    const referral = block.newId('REF');
    const contactDay = day - random.int(0, 2);
    if (contactDay >= contactsFrom) this.contact(person, contactDay);
    const nfa = random.chance(0.16);
    let close: Day | null;
    let reason: string;
    if (nfa) {
      close = day + random.int(0, 3);
      reason = 'RC8';
    } else {
      const completed = this.assessment(person, referral, day);
      if (random.chance(0.28)) this.enquiry(person, referral, day);
      if (random.chance(0.23)) {
        // Assessed not in need: closed when the assessment is authorised.
        close = completed;
        reason = random.chance(0.6) ? 'RC8' : 'RC9';
      } else {
        const months = random.weighted<[number, number]>([
          [50, [1, 6]],
          [35, [6, 18]],
          [15, [18, 36]],
        ]);
        close = block.endAfter(day, months[0] + random.next() * (months[1] - months[0]));
        reason = random.weighted([
          [70, 'RC7'],
          [10, 'RC4'],
          [10, 'RC5'],
          [10, 'RC6'],
        ]);
      }
    }
    if (close !== null && close > block.end) close = null;
    block.out.add('ssd_cin_episodes', {
      cine_referral_id: referral,
      cine_person_id: person,
      cine_referral_date: isoFromDay(day),
      cine_cin_primary_need_code: nfa
        ? 'N0'
        : random.weighted([
            [55, 'N1'],
            [15, 'N5'],
            [10, 'N4'],
            [10, 'N2'],
            [10, 'N3'],
          ]),
      cine_referral_nfa: nfa ? 'Y' : 'N',
      cine_close_reason: close === null ? '' : reason,
      cine_close_date: close === null ? '' : isoFromDay(close),
    });
    if (close !== null) this.closed.push({ person, referral: day, close });
  }

  /** A continuous assessment from the referral; its authorisation day, or null when not done by the month's end. */
  private assessment(person: string, referral: string, day: Day): Day | null {
    const { block, random } = this;
    const start = Math.min(day + random.int(0, 3), block.end);
    // Calendar days: 45 working days are about 63.
    const span = random.weighted<[number, number]>([
      [78, [5, 62]],
      [22, [63, 110]],
    ]);
    const done = start + random.int(span[0], span[1]);
    const completed = done > block.end ? null : done;
    block.out.add('ssd_cin_assessments', {
      cina_assessment_id: block.newId('ASMT'),
      cina_person_id: person,
      cina_referral_id: referral,
      cina_assessment_start_date: isoFromDay(start),
      cina_assessment_child_seen: 'Y',
      cina_assessment_auth_date: completed === null ? '' : isoFromDay(completed),
    });
    return completed;
  }

  /** A section 47 enquiry from a strategy discussion soon after the referral; about half lead to a conference. */
  private enquiry(person: string, referral: string, day: Day): void {
    const { block, random } = this;
    const start = day + random.int(0, 10);
    if (start > block.end) return;
    const id = block.newId('S47');
    const conference = random.chance(0.46);
    // Calendar days: 15 working days are about 21.
    const held = start + (random.chance(0.68) ? random.int(3, 20) : random.int(22, 50));
    const end = start + random.int(5, 30);
    block.out.add('ssd_s47_enquiry', {
      s47e_s47_enquiry_id: id,
      s47e_referral_id: referral,
      s47e_person_id: person,
      s47e_s47_start_date: isoFromDay(start),
      s47e_s47_end_date: end > block.end ? '' : isoFromDay(end),
      s47e_s47_nfa: conference ? 'N' : 'Y',
    });
    if (!conference || held > block.end) return;
    // A conference of this family's own children: their plans, if any, are not generated, so no plan id.
    block.out.add('ssd_initial_cp_conference', {
      icpc_icpc_id: block.newId('ICPC'),
      icpc_s47_enquiry_id: id,
      icpc_person_id: person,
      icpc_referral_id: referral,
      icpc_icpc_transfer_in: 'N',
      icpc_icpc_date: isoFromDay(held),
      icpc_icpc_outcome_cp_flag: 'N',
    });
  }
}
