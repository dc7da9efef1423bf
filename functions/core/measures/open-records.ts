/**
 * Snapshot measures over open records: children (distinct people) with a CP plan or a
 * care episode open at d, and plans open for two years or more.
 */
import { addYears } from '../calendar';
import type { Day, PersonKey } from '../types';
import type { ExtractIndex } from './extract-index';
import { mergeSpans, OpenCounter, type Span } from './spans';
import { countTally, fractionTally, type SnapshotEvaluator } from './tally';

interface OpenRecord {
  start: Day;
  end: Day | null;
}

export const openSpan = (record: OpenRecord): Span => ({ from: record.start, to: record.end ?? Infinity });

/**
 * One set of disjoint spans per person, so that a person with overlapping records counts
 * once on each day they have any record open.
 */
export function distinctPeopleOpen(byPerson: Map<PersonKey, OpenRecord[]>): OpenCounter {
  const spans: Span[] = [];
  for (const records of byPerson.values()) spans.push(...mergeSpans(records.map(openSpan)));
  return new OpenCounter(spans);
}

/** cp_children: distinct children with a CP plan open at d. */
export function cpChildren(index: ExtractIndex): SnapshotEvaluator {
  const counter = distinctPeopleOpen(index.cpPlansByPerson());
  return (day) => countTally(counter.countAt(day));
}

/** The count behind cla_rate: distinct children with a care episode open at d. */
export function claChildren(index: ExtractIndex): SnapshotEvaluator {
  const counter = distinctPeopleOpen(index.claEpisodesByPerson());
  return (day) => countTally(counter.countAt(day));
}

/**
 * cp_open_2y_pct: of plans open at d, those with d ≥ addYears(start, 2). A plan counts
 * in the numerator from its second anniversary until it ends.
 */
export function cpOpenTwoYears(index: ExtractIndex): SnapshotEvaluator {
  const plans = index.extract.cpPlans;
  const open = new OpenCounter(plans.map(openSpan));
  const longOpen = new OpenCounter(plans.map((plan) => ({ from: addYears(plan.start, 2), to: plan.end ?? Infinity })));
  return (day) => fractionTally(longOpen.countAt(day), open.countAt(day));
}
