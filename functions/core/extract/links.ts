/**
 * Links the records as read (extract-builder.ts) into the Extract the measures read, by
 * the rules of docs/EXTRACT-SSD.md:
 * - other authorities' plans (cppl_cp_plan_ola = Y) are dropped, with the conferences,
 *   reviews and visits linked to them, so no measure needs to know of them;
 * - a review with no plan id is linked to the child's CP plan open on the review date
 *   (cppr_person_id), and counted as unlinked when there is no such plan or several;
 * - a visit that names no child is linked through its plan (CP, Mosaic cppv_cp_plan_id) or
 *   its referral (CIN, Mosaic cinv_cin_plan_id = cinp_referral_id); undated visits and
 *   visits linked to nothing are counted, not kept;
 * - transfers out and the repeat-plan basis (transfer-out.ts);
 * - then the checks across tables (cross-checks.ts), by the same lookup of plans by id.
 * Each exclusion is counted in the data-quality section: none is silent.
 */
import type { CareLeaver, CpPlan, CpReview, Extract, PersonKey } from '../types';
import type { PlanlessReview, RawCpPlan, RawExtract } from './extract-builder';
import { linkCareRecords } from './care-records';
import type { ProblemCollector } from './problems';
import { NONE, resolveVisits, type RawVisits } from './visit-table';
import { repeatBasis, resolveTransfersOut } from './transfer-out';
import { isoFromDay } from '../calendar';
import { checkAcrossTables } from './cross-checks';
import { linkFrontDoor } from './front-door-links';
import { inRowOrder } from './row-order';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** A plan is open for a review on its date when it started by then and had not ended before. */
function openForReview(plan: CpPlan, date: number): boolean {
  return plan.start <= date && (plan.end === null || date <= plan.end);
}

class Linker {
  /** Every plan as read (ours and other authorities'), by id. */
  private readonly plansById = new Map<string, RawCpPlan>();
  private plansByPerson: Map<PersonKey, RawCpPlan[]> | null = null;
  readonly dropped = { conferences: 0, reviews: 0, cpVisits: 0 };

  constructor(
    private readonly raw: RawExtract,
    private readonly problems: ProblemCollector,
  ) {
    for (const plan of raw.cpPlans) this.plansById.set(plan.plan.id, plan);
  }

  isOla(planId: string): boolean {
    return this.plansById.get(planId)?.ola === true;
  }

  /** The plan (ours or another authority's) with this id, as read. */
  planOf(planId: string): CpPlan | undefined {
    return this.plansById.get(planId)?.plan;
  }

  /** Whether a review naming its plan is kept: not when the plan is another authority's (counted). */
  keepsReview(review: CpReview): boolean {
    if (!this.isOla(review.planId)) return true;
    this.dropReview();
    return false;
  }

  /** A review with no plan id, with the child's plan open on its date; null when dropped (OLA) or unlinked (warned). */
  planlessReview(review: PlanlessReview): CpReview | null {
    const open =
      review.person === null ? [] : this.plansOf(review.person).filter((p) => openForReview(p.plan, review.date));
    if (open.length === 1) {
      if (open[0].ola) return this.dropReview();
      return { planId: open[0].plan.id, date: review.date, row: review.row };
    }
    const why =
      review.person === null
        ? 'it has no plan id and no person id to link it by'
        : open.length === 0
          ? `it has no plan id and the child had no CP plan open on ${isoFromDay(review.date)}`
          : `it has no plan id and the child had ${open.length} CP plans open on ${isoFromDay(review.date)}`;
    this.problems.warning({
      kind: 'unlinked-review',
      table: 'ssd_cp_reviews',
      row: review.row,
      column: 'cppr_cp_plan_id',
      value: null,
      message: `review not linked to a plan (${why}): not counted`,
    });
    return null;
  }

  cpVisitPerson(planId: string): PersonKey | null {
    const plan = this.plansById.get(planId);
    if (plan === undefined) return NONE;
    return plan.ola ? null : plan.plan.person;
  }

  private dropReview(): null {
    this.dropped.reviews += 1;
    return null;
  }

  private plansOf(person: PersonKey): RawCpPlan[] {
    if (this.plansByPerson === null) {
      this.plansByPerson = new Map();
      for (const plan of this.raw.cpPlans) {
        const list = this.plansByPerson.get(plan.plan.person);
        if (list) list.push(plan);
        else this.plansByPerson.set(plan.plan.person, [plan]);
      }
    }
    return this.plansByPerson.get(person) ?? [];
  }
}

/** CIN visits' link (Mosaic): the referral id, to the child of the CIN plans under it (one child, or nobody). */
function cinReferralPersons(raw: RawExtract): Map<string, PersonKey> {
  const byReferral = new Map<string, PersonKey>();
  raw.cinPlans.forEach((plan, i) => {
    const referral = raw.cinPlanReferrals[i];
    if (referral === null) return;
    const known = byReferral.get(referral);
    byReferral.set(referral, known === undefined || known === plan.person ? plan.person : NONE);
  });
  return byReferral;
}

const VISIT_WORDS = { ssd_cp_visits: 'CP visit', ssd_cin_visits: 'CIN visit', ssd_cla_visits: 'care visit' } as const;

function warnVisits(
  table: keyof typeof VISIT_WORDS,
  raw: RawVisits,
  unlinked: number,
  linkColumn: string,
  problems: ProblemCollector,
): void {
  const word = VISIT_WORDS[table];
  if (raw.undatedRows > 0)
    problems.warning({
      kind: 'undated-visit',
      table,
      row: null,
      column: table === 'ssd_cp_visits' ? 'cppv_cp_visit_date' : 'cinv_cin_visit_date',
      value: null,
      message:
        `${plural(raw.undatedRows, `${word} has`, `${word}s have`)} no date ` +
        `and ${raw.undatedRows === 1 ? 'was' : 'were'} not counted`,
    });
  if (unlinked > 0)
    problems.warning({
      kind: 'unlinked-visit',
      table,
      row: null,
      column: linkColumn,
      value: null,
      message:
        `${plural(unlinked, `${word} names`, `${word}s name`)} no child, directly or through ${linkColumn}, ` +
        `and ${unlinked === 1 ? 'was' : 'were'} not counted`,
    });
}

/** The Extract the measures read. `plansRead`: ssd_cp_plans was readable (else nothing can be linked to it). */
export function linkRecords(raw: RawExtract, problems: ProblemCollector, plansRead: boolean): Extract {
  const linker = new Linker(raw, problems);
  return checkAcrossTables(linked(raw, linker, problems, plansRead), problems, plansRead, (id) => linker.planOf(id));
}

function linked(raw: RawExtract, linker: Linker, problems: ProblemCollector, plansRead: boolean): Extract {
  const ola = raw.cpPlans.filter((plan) => plan.ola);
  const ours = raw.cpPlans.filter((plan) => !plan.ola);

  const initialConferences = raw.initialConferences.filter((conference) => {
    if (!linker.isOla(conference.planId)) return true;
    linker.dropped.conferences += 1;
    return false;
  });
  const withPlan = raw.cpReviews.filter((review) => linker.keepsReview(review));
  const planless: CpReview[] = [];
  for (const review of plansRead ? raw.planlessReviews : []) {
    const linked = linker.planlessReview(review);
    if (linked) planless.push(linked);
  }
  const cpReviews = inRowOrder(withPlan, planless);
  const cp = resolveVisits(raw.cpVisits, (planId) => linker.cpVisitPerson(planId));
  linker.dropped.cpVisits = cp.dropped;
  warnVisits('ssd_cp_visits', raw.cpVisits, cp.unlinked, 'cppv_cp_plan_id', problems);
  const referrals = cinReferralPersons(raw);
  const cin = resolveVisits(raw.cinVisits, (referral) => referrals.get(referral) ?? NONE);
  warnVisits('ssd_cin_visits', raw.cinVisits, cin.unlinked, 'cinv_cin_plan_id', problems);

  const care = linkCareRecords(raw.care, problems);
  warnVisits('ssd_cla_visits', raw.care.visits, care.unlinkedVisits, 'clav_cla_id', problems);

  if (ola.length > 0) {
    const { conferences, reviews, cpVisits } = linker.dropped;
    problems.info({
      kind: 'ola-plans-excluded',
      table: 'ssd_cp_plans',
      message:
        `${plural(ola.length, 'CP plan', 'CP plans')} of other local authorities (cppl_cp_plan_ola = Y) ` +
        `excluded from every CP measure, with ${plural(conferences, 'initial conference', 'initial conferences')}, ` +
        `${plural(reviews, 'review', 'reviews')} and ${plural(cpVisits, 'visit', 'visits')} linked to them`,
    });
  }

  const transfers = resolveTransfersOut(raw, ours, problems);
  const repeat = repeatBasis(raw, ours);
  // A figure counted from something other than its own column says so where the reader looks (issue 12).
  if (repeat !== null)
    problems.info({
      kind: 'cp-repeat-basis',
      table: 'ssd_cp_plans',
      message: `Repeat plans are counted from ${repeat}`,
    });
  if (transfers.basis !== null)
    problems.info({
      kind: 'cp-transfer-out-basis',
      table: 'ssd_cp_plans',
      message: `Plans transferred out: ${transfers.basis}`,
    });
  return {
    present: raw.present,
    columnsPresent: raw.columnsPresent,
    unknown: transfers.unknown === null ? {} : { cpTransferOut: transfers.unknown },
    basis: {
      ...(transfers.basis === null ? {} : { cpTransferOut: transfers.basis }),
      ...(repeat === null ? {} : { cpRepeat: repeat }),
    },
    persons: raw.persons,
    cpPlans: transfers.plans,
    initialConferences,
    cpReviews,
    cpVisits: cp.table,
    cinPlans: raw.cinPlans,
    cinVisits: cin.table,
    claEpisodes: raw.claEpisodes,
    frontDoor: linkFrontDoor(raw.frontDoor, raw.cinEpisodes, raw.cpPlans, problems),
    care: care.care,
    ...(raw.present.includes('ssd_care_leavers') ? { careLeavers: withBirths(raw) } : {}),
    ...(raw.present.includes('ssd_person') ? { births: raw.births } : {}),
  };
}

/** Care leavers with their dates of birth from ssd_person (read in either order). */
function withBirths(raw: RawExtract): CareLeaver[] {
  // An object literal, not a spread: one hidden class for all (care-records.ts).
  return raw.careLeavers.map((leaver) => ({
    person: leaver.person,
    birth: raw.births.get(leaver.person) ?? null,
    formerRelevant: leaver.formerRelevant,
    inTouch: leaver.inTouch,
    accommodation: leaver.accommodation,
    suitable: leaver.suitable,
    activity: leaver.activity,
    row: leaver.row,
  }));
}
