/**
 * Flow measures over CP plans: each is the count of plan starts or ends (optionally of a
 * kind) dated in a window, so each is one or two event counters over the pack's windows,
 * filled in one pass over the plans.
 */
import { addYears } from '../calendar';
import type { CpPlan, Day } from '../types';
import { EventCounts, type Window } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import { countTally, fractionTally, type FlowEvaluator } from './tally';

/** The day of a plan's event, or null when the plan has none (an open plan has no end). */
type EventOf = (plan: CpPlan) => Day | null;
/** Whether a plan counts (in a numerator, or for a count of a kind of plan). */
type Counts = (plan: CpPlan) => boolean;

const startOf: EventOf = (plan) => plan.start;
const endOf: EventOf = (plan) => plan.end;

/** The plans' event days (those that pass the filter) counted over the windows. */
function eventCounts(
  plans: readonly CpPlan[],
  eventOf: EventOf,
  windows: readonly Window[],
  counts: Counts = () => true,
): EventCounts {
  const events = new EventCounts(windows);
  for (const plan of plans) {
    const day = eventOf(plan);
    if (day !== null && events.mayCount(day) && counts(plan)) events.add(day);
  }
  return events;
}

/** Plans with the event in the window, of those that pass the filter. */
function countOf(
  plans: readonly CpPlan[],
  eventOf: EventOf,
  windows: readonly Window[],
  counts?: Counts,
): FlowEvaluator {
  const events = eventCounts(plans, eventOf, windows, counts);
  return (from, to) => countTally(events.countBetween(from, to));
}

/** Of plans with the event in the window, those that pass the filter. */
function fractionOf(
  plans: readonly CpPlan[],
  eventOf: EventOf,
  windows: readonly Window[],
  inNumerator: Counts,
): FlowEvaluator {
  const numerator = eventCounts(plans, eventOf, windows, inNumerator);
  const denominator = eventCounts(plans, eventOf, windows);
  return (from, to) => fractionTally(numerator.countBetween(from, to), denominator.countBetween(from, to));
}

/** cp_starts: plans with start date in the window. */
export function cpStarts(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countOf(index.extract.cpPlans, startOf, windows);
}

/** cp_ends: plans with end date in the window. */
export function cpEnds(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countOf(index.extract.cpPlans, endOf, windows);
}

/** cp_ended_2y_pct: of plans ending in the window, those with end ≥ addYears(start, 2). */
export function cpEndedTwoYears(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return fractionOf(
    index.extract.cpPlans,
    endOf,
    windows,
    (plan) => plan.end !== null && plan.end >= addYears(plan.start, 2),
  );
}

/**
 * Whether the plan is a second or subsequent one: the census count of previous plans
 * when given (it knows about plans elsewhere), else an earlier-starting plan of the same
 * child in the extract.
 * @param earliestStartOfPerson the earliest start of the child's plans in the extract.
 */
export function isRepeatPlan(plan: CpPlan, earliestStartOfPerson: number): boolean {
  if (plan.previousPlans !== null) return plan.previousPlans > 0;
  return earliestStartOfPerson < plan.start;
}

/** cp_repeat_pct: of plans starting in the window, those that are repeats. */
export function cpRepeat(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const earliestStart = index.earliestCpStartByPerson();
  return fractionOf(index.extract.cpPlans, startOf, windows, (plan) => isRepeatPlan(plan, earliestStart[plan.person]));
}

/** cp_moved_in: plans starting in the window whose initial conference was a transfer-in. */
export function cpMovedIn(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const transferIns = index.transferInPlanIds();
  return countOf(index.extract.cpPlans, startOf, windows, (plan) => transferIns.has(plan.id));
}

/**
 * cp_moved_out: plans ending in the window known to be transfers out. A plan whose
 * transfer-out is unknown (null) is not counted; when the extract cannot tell at all,
 * extract.unknown.cpTransferOut says why and the cell shows No data.
 */
export function cpMovedOut(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countOf(index.extract.cpPlans, endOf, windows, (plan) => plan.transferOut === true);
}
