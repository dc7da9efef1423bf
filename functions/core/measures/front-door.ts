/**
 * The front door's measures (docs/MEASURES.md, "Front door" and "Assessment"): counts of
 * contacts, referrals and section 47 enquiries dated in a window; of the referrals in a window,
 * the re-referrals and those with no further action; children in need at a day; and the two
 * timescales, assessments within 45 working days of their start and initial conferences within
 * 15 working days of the section 47 enquiry. Each is one pass over its records into event
 * counters over the pack's windows (evaluation-days.ts).
 */
import { addMonths } from '../calendar';
import { NO_DAY, type Day } from '../types';
import type { WorkingDays } from '../working-days';
import { daysOfKey, groupDaysByKey } from './extract-index';
import { EventCounts, type DaySet, type Window } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import { distinctPeopleOpenBy } from './open-records';
import type { Timescale } from './registry/timescale';
import { countTally, fractionTally, type FlowEvaluator, type SnapshotEvaluator } from './tally';

/** Days (events) counted over the windows. */
function countDays(days: ArrayLike<Day>, windows: readonly Window[]): FlowEvaluator {
  const events = new EventCounts(windows);
  for (let i = 0; i < days.length; i += 1) if (events.mayCount(days[i])) events.add(days[i]);
  return (from, to) => countTally(events.countBetween(from, to));
}

/**
 * Of the records whose event day (days[i] of record i; NO_DAY: none) is in the window, those
 * that pass the test (asked only of records in some window).
 */
function fractionOfDays(
  days: ArrayLike<Day>,
  windows: readonly Window[],
  passes: (record: number, day: Day) => boolean,
): FlowEvaluator {
  const all = new EventCounts(windows);
  const passing = new EventCounts(windows);
  for (let i = 0; i < days.length; i += 1) {
    const day = days[i];
    if (day === NO_DAY || !all.mayCount(day)) continue;
    all.add(day);
    if (passes(i, day)) passing.add(day);
  }
  return (from, to) => fractionTally(passing.countBetween(from, to), all.countBetween(from, to));
}

/** contacts: contacts dated in the window. */
export function contactCount(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countDays(index.extract.frontDoor.contacts, windows);
}

/** referrals and referral_rate: referrals dated in the window. */
export function referralCount(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countDays(index.extract.frontDoor.referrals.date, windows);
}

/** s47_rate: section 47 enquiries started in the window. */
export function s47Count(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  return countDays(index.extract.frontDoor.s47Starts, windows);
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
  const { person, date } = index.extract.frontDoor.referrals;
  const byPerson = groupDaysByKey(person, date, index.extract.persons); // each child's referral days, ascending
  return fractionOfDays(date, windows, (i, day) => isReReferral(daysOfKey(byPerson, person[i]), day));
}

/** referral_nfa_pct: of referrals in the window, those that resulted in no further action. */
export function referralsNfa(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const { date, nfa } = index.extract.frontDoor.referrals;
  return fractionOfDays(date, windows, (i) => nfa[i] === 1);
}

/** The count behind cin_rate: distinct children with a CIN episode open at d, not a no-further-action referral. */
export function cinChildren(index: ExtractIndex, days: DaySet): SnapshotEvaluator {
  const { length, person, date, close, nfa } = index.extract.frontDoor.referrals;
  return distinctPeopleOpenBy(index.extract.persons, days, (open) => {
    for (let i = 0; i < length; i += 1)
      if (nfa[i] === 0) open.mark(person[i], date[i], close[i] === NO_DAY ? Infinity : close[i]);
  });
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
  const { start, completed } = index.extract.frontDoor.assessments;
  return fractionOfDays(completed, windows, (i, done) => withinTimescale(start[i], done, timescale, workingDays));
}

/** icpc_timely_pct: of initial conferences held in the window after an enquiry, those within the timescale of it. */
export function conferencesTimely(
  index: ExtractIndex,
  windows: readonly Window[],
  timescale: Timescale,
  workingDays: WorkingDays,
): FlowEvaluator {
  const { conferences } = index.extract.frontDoor;
  return fractionOfDays(
    conferences.map((c) => c.date),
    windows,
    (i, held) => withinTimescale(conferences[i].s47Start, held, timescale, workingDays),
  );
}
