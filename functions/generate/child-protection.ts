/**
 * The generator's child-protection histories: CP plans with their initial conferences,
 * reviews and visits, each plan's CIN episode (the real layouts only), and what follows a
 * plan (a repeat plan, a step down to a CIN plan, care).
 */
import { addMonths, isoFromDay } from '../core/calendar';
import type { Day } from '../core/types';
import { type Block, HISTORY_YEARS, SSD_RATES } from './block';
import { claEpisode } from './care-episodes';
import { cinPlans } from './cin-plans';

const CP_STARTS_PER_YEAR = 350;

interface ChildHistory {
  id: string;
  /** Day the child's last CP plan ended (null while one is open), for repeat plans. */
  lastCpEnd: Day | null;
  cpPlans: number;
}

export function childProtectionFamily(block: Block): void {
  new ChildProtection(block).plans();
}

class ChildProtection {
  /** Children whose CP plans have all ended: candidates for a repeat plan. */
  private readonly formerCp: ChildHistory[] = [];

  constructor(private readonly block: Block) {}

  plans(): void {
    const { block } = this;
    const { random, ssd } = block;
    for (const start of block.startDays(CP_STARTS_PER_YEAR, HISTORY_YEARS)) {
      const child = this.childForCpPlan(start);
      // Mean ≈ 6.2 months: with 350 starts a year, about 180 plans open at a month end.
      const months = random.weighted<[number, number]>([
        [80, [2, 7]],
        [15, [7, 14]],
        [3.8, [14, 24]],
        [1.2, [24, 34]],
      ]);
      const end = block.endAfter(start, months[0] + random.next() * (months[1] - months[0]));
      const planId = block.newId('CP');
      const referral = block.newId('REF');
      const ola = ssd?.chance(SSD_RATES.olaPlan) ?? false;
      const transferIn = random.chance(0.04);
      const transferOut = end !== null && random.chance(0.04);
      // NumberOfPreviousCPP counts plans anywhere: a child moving in may have had some.
      const elsewhere = transferIn && random.chance(0.3) ? 1 : 0;
      const previous = random.chance(0.1) ? 'NULL' : String(child.cpPlans + elsewhere);
      const category = random.weighted([
        [45, 'Neglect'],
        [35, 'Emotional abuse'],
        [12, 'Physical abuse'],
        [5, 'Sexual abuse'],
        [3, 'Multiple'],
      ]);
      block.out.add('ssd_cp_plans', {
        cppl_cp_plan_id: planId,
        cppl_referral_id: ssd?.chance(SSD_RATES.planWithoutReferral) ? '' : referral,
        cppl_icpc_id: `${planId}-ICPC`,
        cppl_person_id: child.id,
        cppl_cp_plan_start_date: isoFromDay(start),
        cppl_cp_plan_end_date: end === null ? '' : isoFromDay(end),
        cppl_cp_plan_ola: ola ? 'Y' : 'N',
        cppl_cp_plan_initial_category: category,
        cppl_cp_plan_latest_category: category,
        cppl_number_of_previous_cp_plans: previous,
        cppl_cp_plan_transfer_out: transferOut ? 'Y' : 'N',
      });
      block.out.add('ssd_initial_cp_conference', {
        icpc_icpc_id: `${planId}-ICPC`,
        icpc_person_id: child.id,
        icpc_cp_plan_id: planId,
        icpc_referral_id: referral,
        icpc_icpc_transfer_in: transferIn ? 'Y' : 'N',
        icpc_icpc_date: isoFromDay(start),
        icpc_icpc_outcome_cp_flag: 'Y',
        // A JSON text column, as in the SSD: commas inside, so the export must quote it.
        icpc_icpc_outcome_json: '{"OUTCOME_NFA_FLAG": "N", "OUTCOME_CP_FLAG": "Y"}',
      });
      this.cinEpisode(referral, child.id, start, end, transferOut);
      // Some conferences decide no plan is needed: they have no plan id (and are ignored).
      if (random.chance(0.3)) {
        block.out.add('ssd_initial_cp_conference', {
          icpc_icpc_transfer_in: 'N',
          icpc_icpc_date: isoFromDay(random.int(start - 30, start)),
        });
      }
      this.reviews(planId, child.id, start, end);
      this.cpVisits(child.id, planId, start, end);
      child.cpPlans += 1;
      child.lastCpEnd = end;
      if (end !== null) this.afterCpPlan(child, end, transferOut);
    }
  }

  /** About one plan in eight is a repeat: a child whose earlier plan has ended. */
  private childForCpPlan(start: Day): ChildHistory {
    const { random } = this.block;
    if (random.chance(0.125) && this.formerCp.length > 0) {
      const index = random.int(0, this.formerCp.length - 1);
      const child = this.formerCp[index];
      if (child.lastCpEnd !== null && child.lastCpEnd < start) {
        this.formerCp.splice(index, 1);
        return child;
      }
    }
    return { id: this.block.newPerson(), lastCpEnd: null, cpPlans: 0 };
  }

  /** After a plan: some children step down to a CIN plan, some come into care. */
  private afterCpPlan(child: ChildHistory, end: Day, transferOut: boolean): void {
    if (transferOut) return; // moved away: no more history here
    this.formerCp.push(child);
    if (this.block.random.chance(0.25)) cinPlans(this.block, [end], child.id);
    else if (this.block.random.chance(0.08)) claEpisode(this.block, child.id, end);
  }

  /** The CP plan's CIN episode (referral): closed when the plan ends, RC5 for a transfer out. */
  private cinEpisode(referral: string, person: string, start: Day, end: Day | null, transferOut: boolean): void {
    const { ssd } = this.block;
    if (ssd === null) return;
    this.block.out.add('ssd_cin_episodes', {
      cine_referral_id: referral,
      cine_person_id: person,
      cine_referral_date: isoFromDay(start - ssd.int(5, 40)),
      cine_cin_primary_need_code: 'N1',
      cine_referral_outcome_json: '{"SINGLE_ASSESSMENT_FLAG": "Y", "CP_CONFERENCE_FLAG": "Y"}',
      cine_referral_nfa: 'N',
      cine_close_reason:
        end === null
          ? ''
          : transferOut
            ? 'RC5'
            : ssd.weighted([
                [70, 'RC1'],
                [20, 'RC2'],
                [10, 'RC8'],
              ]),
      cine_close_date: end === null ? '' : isoFromDay(end),
    });
  }

  /** Reviews: first due 3 months after the start, then 6 months after each review. */
  private reviews(planId: string, person: string, start: Day, end: Day | null): void {
    const { block } = this;
    const { random } = block;
    const last = end === null ? block.end : end - 1;
    let due = addMonths(start, 3);
    while (due <= last) {
      let held: Day | null = random.weighted<Day | null>([
        [90, due - random.int(0, 14)],
        [7, due + random.int(1, 30)], // late
        [3, null], // not held
      ]);
      if (held !== null && held > last) held = null;
      // SystemC: reviews held before the case system have no plan id, only the child's.
      // (Drawn in every SSD layout, so the layouts' streams stay in step: same OLA plans.)
      const drawn = block.ssd?.chance(SSD_RATES.reviewWithoutPlan) === true;
      const withoutPlan = drawn && held !== null && block.out.layout === 'systemc';
      block.out.add('ssd_cp_reviews', {
        cppr_cp_review_id: block.newId('REV'),
        cppr_person_id: person,
        cppr_cp_plan_id: withoutPlan ? '' : planId,
        cppr_cp_review_date: held === null ? '' : isoFromDay(held),
        cppr_cp_review_due: isoFromDay(due),
      });
      due = addMonths(held ?? due, held === null ? 1 : 6);
    }
    // The next review, not yet held: due in the future, which is expected.
    if (end === null)
      block.out.add('ssd_cp_reviews', {
        cppr_cp_review_id: block.newId('REV'),
        cppr_person_id: person,
        cppr_cp_plan_id: planId,
        cppr_cp_review_due: isoFromDay(due),
      });
  }

  /** CP visits every 1–4 weeks, a few gaps over 4 weeks, a few where the child was not seen. */
  private cpVisits(person: string, planId: string, start: Day, end: Day | null): void {
    this.block.visits(
      start,
      end,
      [
        [80, [5, 21]],
        [17, [22, 28]],
        [3, [29, 45]],
      ],
      (day, seen) =>
        this.block.out.add('ssd_cp_visits', {
          cppv_cp_visit_id: this.block.newId('CPV'),
          cppv_person_id: person,
          cppv_cp_visit_date: day === null ? '' : isoFromDay(day),
          cppv_cp_visit_seen: seen ? 'Y' : 'N',
          cppv_cp_plan_id: planId,
        }),
    );
  }
}
