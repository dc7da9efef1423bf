/**
 * Flow measures over CP plans: each is the count of plan starts or ends (optionally of a
 * kind) dated in a window, so each becomes one or two sorted arrays of event days.
 */
import { addYears } from '../calendar';
import type { CpPlan } from '../types';
import type { ExtractIndex } from './extract-index';
import { EventDays } from './spans';
import { countTally, fractionTally, type FlowEvaluator } from './tally';

const startDays = (plans: CpPlan[]): EventDays => new EventDays(plans.map((plan) => plan.start));
const endDays = (plans: CpPlan[]): EventDays => new EventDays(plans.flatMap((plan) => (plan.end === null ? [] : [plan.end])));

function countOf(events: EventDays): FlowEvaluator {
  return (from, to) => countTally(events.countBetween(from, to));
}

function fractionOf(numerator: EventDays, denominator: EventDays): FlowEvaluator {
  return (from, to) => fractionTally(numerator.countBetween(from, to), denominator.countBetween(from, to));
}

/** cp_starts: plans with start date in the window. */
export function cpStarts(index: ExtractIndex): FlowEvaluator {
  return countOf(startDays(index.extract.cpPlans));
}

/** cp_ends: plans with end date in the window. */
export function cpEnds(index: ExtractIndex): FlowEvaluator {
  return countOf(endDays(index.extract.cpPlans));
}

/** cp_ended_2y_pct: of plans ending in the window, those with end ≥ addYears(start, 2). */
export function cpEndedTwoYears(index: ExtractIndex): FlowEvaluator {
  const plans = index.extract.cpPlans;
  const lasted = plans.filter((plan) => plan.end !== null && plan.end >= addYears(plan.start, 2));
  return fractionOf(endDays(lasted), endDays(plans));
}

/**
 * Whether the plan is a second or subsequent one: the census count of previous plans
 * when given (it knows about plans elsewhere), else an earlier-starting plan of the same
 * child in the extract.
 */
export function isRepeatPlan(plan: CpPlan, plansOfPerson: CpPlan[]): boolean {
  if (plan.previousPlans !== null) return plan.previousPlans > 0;
  return plansOfPerson.some((other) => other.start < plan.start);
}

/** cp_repeat_pct: of plans starting in the window, those that are repeats. */
export function cpRepeat(index: ExtractIndex): FlowEvaluator {
  const byPerson = index.cpPlansByPerson();
  const plans = index.extract.cpPlans;
  const repeats = plans.filter((plan) => isRepeatPlan(plan, byPerson.get(plan.person) ?? []));
  return fractionOf(startDays(repeats), startDays(plans));
}

/** cp_moved_in: plans starting in the window whose initial conference was a transfer-in. */
export function cpMovedIn(index: ExtractIndex): FlowEvaluator {
  const transferIns = index.transferInPlanIds();
  return countOf(startDays(index.extract.cpPlans.filter((plan) => transferIns.has(plan.id))));
}

/** cp_moved_out: plans ending in the window marked transfer-out. */
export function cpMovedOut(index: ExtractIndex): FlowEvaluator {
  return countOf(endDays(index.extract.cpPlans.filter((plan) => plan.transferOut)));
}
