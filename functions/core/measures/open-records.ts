/**
 * Snapshot measures over open records: children (distinct people) with a CP plan or a
 * care episode open at d, and plans open for two years or more. A record is open at d
 * when start ≤ d < end (no end: open ever after).
 */
import { addYears } from '../calendar';
import type { Day, PersonKey } from '../types';
import { atDays, OpenCounts, PersonDayBits, type DaySet } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import { countTally, fractionTally, type SnapshotEvaluator } from './tally';

export interface PersonRecord {
  person: PersonKey;
  start: Day;
  end: Day | null;
}

/**
 * Distinct people with any record open at each day, the records marked by `markOpen`
 * (person, start, end: no end is Infinity): a person's overlapping records mark the same
 * day once. For records held as columns, which `distinctPeopleOpen` would need as objects.
 */
export function distinctPeopleOpenBy(
  persons: number,
  days: DaySet,
  markOpen: (open: PersonDayBits) => void,
): SnapshotEvaluator {
  const open = new PersonDayBits(days, persons);
  markOpen(open);
  const counts = open.countPerDay();
  return atDays(days, (i) => countTally(counts[i]));
}

/** Distinct people with any record open at each day (distinctPeopleOpenBy). */
export function distinctPeopleOpen(records: readonly PersonRecord[], persons: number, days: DaySet): SnapshotEvaluator {
  return distinctPeopleOpenBy(persons, days, (open) => {
    for (const record of records) open.mark(record.person, record.start, record.end ?? Infinity);
  });
}

/** cp_children: distinct children with a CP plan open at d. */
export function cpChildren(index: ExtractIndex, days: DaySet): SnapshotEvaluator {
  return distinctPeopleOpen(index.extract.cpPlans, index.extract.persons, days);
}

/** The count behind cla_rate: distinct children with a care episode open at d. */
export function claChildren(index: ExtractIndex, days: DaySet): SnapshotEvaluator {
  return distinctPeopleOpen(index.extract.claEpisodes, index.extract.persons, days);
}

/**
 * cp_open_2y_pct: of plans open at d, those with d ≥ addYears(start, 2). A plan counts
 * in the numerator from its second anniversary until it ends.
 */
export function cpOpenTwoYears(index: ExtractIndex, days: DaySet): SnapshotEvaluator {
  const open = new OpenCounts(days);
  const longOpen = new OpenCounts(days);
  for (const plan of index.extract.cpPlans) {
    const end = plan.end ?? Infinity;
    if (!days.anyIn(plan.start, end)) continue; // in no cell: spare the date arithmetic
    open.add(plan.start, end);
    longOpen.add(addYears(plan.start, 2), end);
  }
  const [openCounts, longOpenCounts] = [open.counts(), longOpen.counts()];
  return atDays(days, (i) => fractionTally(longOpenCounts[i], openCounts[i]));
}
