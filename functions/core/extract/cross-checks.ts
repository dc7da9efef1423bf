/**
 * Checks that span tables (docs/EXTRACT.md, "Warnings"): overlapping CP plans, reviews on
 * or before their plan's start, and review or conference rows naming a plan that is not
 * in ssd_cp_plans (those rows are ignored: removed from the extract).
 */
import type { CpPlan, Extract } from '../types';
import type { ProblemCollector } from './problems';
import { isoFromDay } from '../calendar';

function warnOverlappingPlans(plans: readonly CpPlan[], problems: ProblemCollector): void {
  const sorted = [...plans].sort((a, b) => a.person - b.person || a.start - b.start || a.row - b.row);
  // For each child, the plan reaching furthest so far: a later-starting plan that begins
  // before it ends is open on the same day (a plan ending on d is not open at d).
  let reaching: CpPlan | null = null;
  for (const plan of sorted) {
    if (reaching && reaching.person === plan.person && (reaching.end === null || plan.start < reaching.end)) {
      const until = reaching.end === null ? 'still open' : `ending ${isoFromDay(reaching.end)}`;
      problems.warning({
        kind: 'overlapping-plans',
        table: 'ssd_cp_plans',
        row: plan.row,
        column: 'cppl_cp_plan_start_date',
        value: isoFromDay(plan.start),
        message:
          `plan ${plan.id} starts while the same child's plan ${reaching.id} (row ` +
          `${reaching.row}, ${until}) is open: two CP plans open on the same day`,
      });
    }
    if (
      !reaching ||
      reaching.person !== plan.person ||
      (reaching.end !== null && (plan.end === null || plan.end > reaching.end))
    )
      reaching = plan;
  }
}

/**
 * Returns the extract without review and conference rows whose plan is unknown.
 * `plansRead` is false when ssd_cp_plans is absent or unreadable: then no plan id can
 * be checked, and none is reported. `planOf` finds a plan by id: linking's lookup, whose plans are the extract's
 * and other authorities' (whose reviews and conferences linking has already dropped), so no second one is built.
 */
export function checkAcrossTables(
  extract: Extract,
  problems: ProblemCollector,
  plansRead: boolean,
  planOf: (id: string) => CpPlan | undefined,
): Extract {
  warnOverlappingPlans(extract.cpPlans, problems);
  if (!plansRead) return extract;

  const initialConferences = extract.initialConferences.filter((conference) => {
    if (planOf(conference.planId) !== undefined) return true;
    problems.warning({
      kind: 'unknown-plan',
      table: 'ssd_initial_cp_conference',
      row: conference.row,
      column: 'icpc_cp_plan_id',
      value: conference.planId,
      message: 'no plan with this id in ssd_cp_plans: the row is ignored',
    });
    return false;
  });

  const cpReviews = extract.cpReviews.filter((review) => {
    const plan = planOf(review.planId);
    if (!plan) {
      problems.warning({
        kind: 'unknown-plan',
        table: 'ssd_cp_reviews',
        row: review.row,
        column: 'cppr_cp_plan_id',
        value: review.planId,
        message: 'no plan with this id in ssd_cp_plans: the row is ignored',
      });
      return false;
    }
    if (review.date <= plan.start) {
      problems.warning({
        kind: 'review-before-start',
        table: 'ssd_cp_reviews',
        row: review.row,
        column: 'cppr_cp_review_date',
        value: isoFromDay(review.date),
        message: `review held on or before its plan's start date ${isoFromDay(plan.start)}`,
      });
    }
    return true;
  });

  return { ...extract, initialConferences, cpReviews };
}
