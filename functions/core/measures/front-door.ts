/**
 * The front door's measures (docs/MEASURES.md, "Front door" and "Assessment"): counts of
 * contacts, referrals and section 47 enquiries dated in a window; of the referrals in a window,
 * the re-referrals and those with no further action; children in need at a day; and the two
 * timescales, assessments within 45 working days of their start and initial conferences within
 * 15 working days of the section 47 enquiry. Each is one pass over its records into event
 * counters over the pack's windows (evaluation-days.ts).
 */
import { addMonths } from '../calendar';
import type { Referral } from '../front-door-types';
import type { Day } from '../types';
import type { WorkingDays } from '../working-days';
import { daysOfKey, groupDaysByKey, type DaysByKey } from './extract-index';
import { EventCounts, type DaySet, type Window } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import { distinctPeopleOpen } from './open-records';
import type { Timescale } from './registry/timescale';
import { countTally, fractionTally, type FlowEvaluator, type SnapshotEvaluator } from './tally';

/** Days (events) counted over the windows. */
function countDays(days: ArrayLike<Day>, windows: readonly Window[]): FlowEvaluator {
  const events = new EventCounts(windows);
  for (let i = 0; i < days.length; i += 1) if (events.mayCount(days[i])) events.add(days[i]);
  return (from, to) => countTally(events.countBetween(from, to));
}

/** Of the records whose event day is in the window, those that pass the test (asked only of records in some window). */
function fractionOfDays<T>(
  records: readonly T[],
  dayOf: (record: T) => Day | null,
  windows: readonly Window[],
  passes: (record: T, day: Day) => boolean,
): FlowEvaluator {
  const all = new EventCounts(windows);
  const passing = new EventCounts(windows);
  for (const record of records) {
    const day = dayOf(record);
    if (day === null || !all.mayCount(day)) continue;
    all.add(day);
    if (passes(record, day)) passing.add(day);
  }
  return (from, to) => fractionTally(passing.countBetween(from, to), all.countBetween(from, to));
}

/** contacts: contacts dated in the window. */
export function contactCount(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countDays(index.extract.frontDoor.contacts, windows);
}

/** referrals and referral_rate: referrals dated in the window. */
export function referralCount(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countDays(
    index.extract.frontDoor.referrals.map((r) => r.date),
    windows,
  );
}

/** s47_rate: section 47 enquiries started in the window. */
export function s47Count(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countDays(index.extract.frontDoor.s47Starts, windows);
}

/** Each child's referral days, ascending. */
function referralDaysByPerson(referrals: readonly Referral[], persons: number): DaysByKey {
  return groupDaysByKey(
    Int32Array.from(referrals, (r) => r.person),
    Int32Array.from(referrals, (r) => r.date),
    persons,
  );
}

/** The latest of the ascending days before `day`, or null. */
function latestBefore(days: Int32Array, day: Day): Day | null {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : days[lo - 1];
}

/**
 * Whether a referral on `day` is a re-referral: the child has an earlier referral dated in
 * [addMonths(day, −12), day − 1] (exactly 12 months before counts; the same day does not).
 */
export function isReReferral(earlierDays: Int32Array, day: Day): boolean {
  const previous = latestBefore(earlierDays, day);
  return previous !== null && previous >= addMonths(day, -12);
}

/** rereferral_pct: of referrals in the window, those within 12 months of a previous referral of the child. */
export function reReferrals(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const { referrals } = index.extract.frontDoor;
  const byPerson = referralDaysByPerson(referrals, index.extract.persons);
  return fractionOfDays(
    referrals,
    (r) => r.date,
    windows,
    (r, day) => isReReferral(daysOfKey(byPerson, r.person), day),
  );
}

/** referral_nfa_pct: of referrals in the window, those that resulted in no further action. */
export function referralsNfa(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return fractionOfDays(
    index.extract.frontDoor.referrals,
    (r) => r.date,
    windows,
    (r) => r.nfa,
  );
}

/** The count behind cin_rate: distinct children with a CIN episode open at d, not a no-further-action referral. */
export function cinChildren(index: ExtractIndex, days: DaySet): SnapshotEvaluator {
  const episodes = index.extract.frontDoor.referrals
    .filter((r) => !r.nfa)
    .map((r) => ({ person: r.person, start: r.date, end: r.close }));
  return distinctPeopleOpen(episodes, index.extract.persons, days);
}

/**
 * Whether something done on `done` is within the timescale of its event on `event` (event ≤ done):
 * at most N calendar days after it, or at most N working days in (event, done] (docs/WORKING-DAYS.md).
 */
function withinTimescale(event: Day, done: Day, timescale: Timescale, workingDays: WorkingDays): boolean {
  return timescale.unit === 'days'
    ? done - event <= timescale.length
    : workingDays.withinWorkingDays(event, done, timescale.length);
}

/** assessments_timely_pct: of assessments completed in the window, those done within the timescale of their start. */
export function assessmentsTimely(
  index: ExtractIndex,
  windows: readonly Window[],
  timescale: Timescale,
  workingDays: WorkingDays,
): FlowEvaluator {
  return fractionOfDays(
    index.extract.frontDoor.assessments,
    (a) => a.completed,
    windows,
    (a, done) => withinTimescale(a.start, done, timescale, workingDays),
  );
}

/** icpc_timely_pct: of initial conferences held in the window after an enquiry, those within the timescale of it. */
export function conferencesTimely(
  index: ExtractIndex,
  windows: readonly Window[],
  timescale: Timescale,
  workingDays: WorkingDays,
): FlowEvaluator {
  return fractionOfDays(
    index.extract.frontDoor.conferences,
    (c) => c.date,
    windows,
    (c, held) => withinTimescale(c.s47Start, held, timescale, workingDays),
  );
}
