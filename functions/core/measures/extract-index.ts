/**
 * Lookups over one extract, each built at most once per run and only when a configured
 * measure asks for it: plans by person, held review days by plan, transfer-in plans,
 * and visit days by person (sorted), so no measure ever scans a table per cell.
 */
import type { CpPlan, CpReview, Extract, PersonKey, SpanRecord, VisitTable } from '../types';

/** Visit days grouped by person: person p's days are `days[offsets[p] .. offsets[p+1])`, ascending. */
export interface VisitDaysByPerson {
  offsets: Int32Array;
  days: Int32Array;
}

export class ExtractIndex {
  private plansByPerson?: Map<PersonKey, CpPlan[]>;
  private cinByPerson?: Map<PersonKey, SpanRecord[]>;
  private claByPerson?: Map<PersonKey, SpanRecord[]>;
  private reviewDays?: Map<string, number[]>;
  private transferIns?: Set<string>;
  private cpVisits?: VisitDaysByPerson;
  private cinVisits?: VisitDaysByPerson;

  constructor(readonly extract: Extract) {}

  /** Each person's CP plans, earliest start first. */
  cpPlansByPerson(): Map<PersonKey, CpPlan[]> {
    return (this.plansByPerson ??= groupByPerson(this.extract.cpPlans));
  }

  /** Each person's CIN plans, earliest start first. */
  cinPlansByPerson(): Map<PersonKey, SpanRecord[]> {
    return (this.cinByPerson ??= groupByPerson(this.extract.cinPlans));
  }

  /** Each person's care episodes, earliest start first. */
  claEpisodesByPerson(): Map<PersonKey, SpanRecord[]> {
    return (this.claByPerson ??= groupByPerson(this.extract.claEpisodes));
  }

  /** Held review days per plan id, ascending. */
  reviewDaysByPlan(): Map<string, number[]> {
    return (this.reviewDays ??= groupReviewDays(this.extract.cpReviews));
  }

  /** Plans with any initial-conference row marked transfer-in. */
  transferInPlanIds(): Set<string> {
    return (this.transferIns ??= new Set(this.extract.initialConferences.filter((c) => c.transferIn).map((c) => c.planId)));
  }

  cpVisitDays(): VisitDaysByPerson {
    return (this.cpVisits ??= groupVisitDays(this.extract.cpVisits, this.extract.persons));
  }

  cinVisitDays(): VisitDaysByPerson {
    return (this.cinVisits ??= groupVisitDays(this.extract.cinVisits, this.extract.persons));
  }
}

function groupByPerson<T extends { person: PersonKey; start: number }>(records: T[]): Map<PersonKey, T[]> {
  const byPerson = new Map<PersonKey, T[]>();
  for (const record of records) {
    const list = byPerson.get(record.person);
    if (list) list.push(record);
    else byPerson.set(record.person, [record]);
  }
  for (const list of byPerson.values()) list.sort((a, b) => a.start - b.start);
  return byPerson;
}

function groupReviewDays(reviews: CpReview[]): Map<string, number[]> {
  const byPlan = new Map<string, number[]>();
  for (const review of reviews) {
    const list = byPlan.get(review.planId);
    if (list) list.push(review.date);
    else byPlan.set(review.planId, [review.date]);
  }
  for (const days of byPlan.values()) if (days.length > 1) days.sort((a, b) => a - b);
  return byPlan;
}

/** A counting sort by person, then a sort of each person's days: O(visits + persons) plus the small sorts. */
export function groupVisitDays(visits: VisitTable, persons: number): VisitDaysByPerson {
  let personCount = persons;
  for (let i = 0; i < visits.length; i += 1) if (visits.person[i] >= personCount) personCount = visits.person[i] + 1;
  const offsets = new Int32Array(personCount + 1);
  for (let i = 0; i < visits.length; i += 1) offsets[visits.person[i] + 1] += 1;
  for (let p = 0; p < personCount; p += 1) offsets[p + 1] += offsets[p];
  const next = offsets.slice(0, personCount);
  const days = new Int32Array(visits.length);
  for (let i = 0; i < visits.length; i += 1) days[next[visits.person[i]]++] = visits.day[i];
  // Extracts usually list a child's visits in date order: only out-of-order runs need sorting.
  for (let p = 0; p < personCount; p += 1) if (!isAscending(days, offsets[p], offsets[p + 1])) days.subarray(offsets[p], offsets[p + 1]).sort();
  return { offsets, days };
}

function isAscending(values: Int32Array, begin: number, end: number): boolean {
  for (let i = begin + 1; i < end; i += 1) if (values[i] < values[i - 1]) return false;
  return true;
}

/** Person p's visit days (a view, no copy). */
export function visitDaysOf(grouped: VisitDaysByPerson, person: PersonKey): Int32Array {
  if (person + 1 >= grouped.offsets.length) return new Int32Array(0);
  return grouped.days.subarray(grouped.offsets[person], grouped.offsets[person + 1]);
}
