/**
 * The joins between tables that measures need (reviews by plan, transfer-ins by plan,
 * earliest plan by person); those on the index are built at most once per run and only
 * when a configured measure asks for them. They are compact (typed arrays, a number per
 * review or person) because a national extract has hundreds of thousands of plans.
 */
import type { CpPlan, CpReview, Extract } from '../types';

const NO_DAYS = new Int32Array(0);

/**
 * Days grouped by an integer key by a counting sort: key k's days are
 * `days[offsets[k] .. offsets[k+1])`, ascending. Two typed arrays, however many keys.
 */
export interface DaysByKey {
  offsets: Int32Array;
  days: Int32Array;
}

export function groupDaysByKey(keys: Int32Array, days: Int32Array, keyCount: number): DaysByKey {
  const offsets = new Int32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i += 1) offsets[keys[i] + 1] += 1;
  for (let k = 0; k < keyCount; k += 1) offsets[k + 1] += offsets[k];
  const next = offsets.slice(0, keyCount);
  const grouped = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i += 1) grouped[next[keys[i]]++] = days[i];
  // Rows usually come in date order within a key: only out-of-order runs need sorting.
  for (let k = 0; k < keyCount; k += 1)
    if (!isAscending(grouped, offsets[k], offsets[k + 1])) grouped.subarray(offsets[k], offsets[k + 1]).sort();
  return { offsets, days: grouped };
}

function isAscending(values: Int32Array, begin: number, end: number): boolean {
  for (let i = begin + 1; i < end; i += 1) if (values[i] < values[i - 1]) return false;
  return true;
}

/** Key k's days (a view, no copy); none for a key beyond the grouped ones. */
export function daysOfKey(grouped: DaysByKey, key: number): Int32Array {
  if (key < 0 || key + 1 >= grouped.offsets.length) return NO_DAYS;
  return grouped.days.subarray(grouped.offsets[key], grouped.offsets[key + 1]);
}

/**
 * Held review days of some plans, by plan id: the ids are numbered once and the days held
 * in two typed arrays. Only the plans asked about are numbered, and reviews of other
 * plans are passed over, because looking up a text id is the costly step at national
 * scale and most plans in a long history are in no cell.
 */
export class ReviewDaysByPlan {
  private readonly keyOfPlan = new Map<string, number>();
  private readonly grouped: DaysByKey;

  constructor(reviews: readonly CpReview[], planIds: Iterable<string>) {
    for (const id of planIds) if (!this.keyOfPlan.has(id)) this.keyOfPlan.set(id, this.keyOfPlan.size);
    const keys: number[] = [];
    const days: number[] = [];
    for (const review of reviews) {
      const key = this.keyOfPlan.get(review.planId);
      if (key === undefined) continue;
      keys.push(key);
      days.push(review.date);
    }
    this.grouped = groupDaysByKey(Int32Array.from(keys), Int32Array.from(days), this.keyOfPlan.size);
  }

  /** The plan's held review days, ascending (none for a plan not asked about). */
  daysOf(planId: string): Int32Array {
    const key = this.keyOfPlan.get(planId);
    return key === undefined ? NO_DAYS : daysOfKey(this.grouped, key);
  }
}

/** Each person's earliest CP plan start (Infinity for a person with none). */
export function earliestStartByPerson(plans: readonly CpPlan[], persons: number): Float64Array {
  const earliest = new Float64Array(persons).fill(Infinity);
  for (const plan of plans) {
    if (!(plan.person >= 0 && plan.person < persons))
      throw new RangeError(`person key ${plan.person} is outside 0..${persons - 1}`);
    if (plan.start < earliest[plan.person]) earliest[plan.person] = plan.start;
  }
  return earliest;
}

export class ExtractIndex {
  private transferIns?: Set<string>;
  private earliestCpStarts?: Float64Array;

  constructor(readonly extract: Extract) {}

  /** Plans with any initial-conference row marked transfer-in. */
  transferInPlanIds(): Set<string> {
    return (this.transferIns ??= new Set(
      this.extract.initialConferences.filter((c) => c.transferIn).map((c) => c.planId),
    ));
  }

  /** Each person's earliest CP plan start. */
  earliestCpStartByPerson(): Float64Array {
    return (this.earliestCpStarts ??= earliestStartByPerson(this.extract.cpPlans, this.extract.persons));
  }
}
