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

/*
 * Rates for an authority of 57,600 children aged 0–17, from DfE's England figures for 2013/14
 * (docs/COMMANDS.md, "The generator's rates", compares what the generator writes with them):
 * - starts: 59,780 plans started (d3_cpps_subsequent_plan_2013_to_2025.csv, 2014 National,
 *   CPP_start) per 11,473,080 children (ons_mid-year_population_estimates_2012_to_2024.csv,
 *   2013) is 52.1 per 10,000, so 300 a year;
 * - length of plan: the bands of DfE's D7 "Child Protection Plans ending during the year by
 *   duration" (England: 3 months or less 19%, over 3–6 months 11%, over 6 months–1 year 42%,
 *   1–2 years 24%, 2 years or more about 4%; the 2 years or more share was 3.8% in 2015/16,
 *   LAIT CPPlans2yrs). With 300 starts the mean of about 9.6 months leaves about 240 plans open
 *   at a month end: 48,300 at 31 March 2014 (d5_cpps_at31march_by_duration_2013_to_2025.csv)
 *   is 42.1 per 10,000, 243 children;
 * - second or subsequent plans: 15.8% of 2013/14's starts (d3, CPP_subsequent_percent).
 * Files of dfe-analytical-services/CSC_outcomes_and_enablers data-raw/ at commit
 * 2f5d11a431050523dab58810083259d3313029ae; LAIT: dfe-analytical-services/local-authority-
 * interactive-tool 01_data/02_prod/bds_long_0.parquet at 2e30e3959a6ab8b2d22941b84764da41a40ac91b.
 */
const CP_STARTS_PER_YEAR = 300;
/** A plan's length in months, weighted by DfE's D7 bands: [weight, [min, max]]. */
const CP_PLAN_MONTHS: ReadonlyArray<readonly [number, [number, number]]> = [
  [19, [0.5, 3]],
  [11, [3, 6]],
  [42, [6, 12]],
  [24, [12, 24]],
  [4, [24, 36]],
];
/** The chance that a plan goes to a child whose earlier plan has ended (a repeat plan). */
const REPEAT_PLAN_CHANCE = 0.165;

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
      const months = random.weighted(CP_PLAN_MONTHS);
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
    if (random.chance(REPEAT_PLAN_CHANCE) && this.formerCp.length > 0) {
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
