/**
 * The snapshot measures are computed for a set of days at once (one pass over the
 * records, marking days per person or counting spans per day). Here they are checked
 * against a literal reading of docs/MEASURES.md, date by date, on many small random
 * extracts, each prepared for all of its dates together as the pack does.
 */
import fc from 'fast-check';
import { addMonths, addYears, dayFromIso, isOpenAt, isoFromDay } from '../../../functions/core/calendar';
import type { Extract } from '../../../functions/core/types';
import { ExtractBuilder } from './extract-builder';
import { flowsOver, snapshotsAt } from './measure-helpers';

const ORIGIN = dayFromIso('2012-01-01');
const iso = (offset: number): string => isoFromDay(ORIGIN + offset);

const planArb = fc.record({
  person: fc.integer({ min: 0, max: 4 }),
  start: fc.integer({ min: 0, max: 700 }),
  length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
  reviews: fc.array(fc.integer({ min: -5, max: 800 }), { maxLength: 4 }),
});
const extractArb = fc.record({
  plans: fc.array(planArb, { maxLength: 8 }),
  previousPlans: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }), { minLength: 8, maxLength: 8 }),
  visits: fc.array(fc.record({ person: fc.integer({ min: 0, max: 4 }), day: fc.integer({ min: 0, max: 900 }) }), {
    maxLength: 20,
  }),
  // Up to 40 days: more than one 32-bit word of days per person.
  dates: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }),
  windows: fc.array(fc.record({ from: fc.integer({ min: 0, max: 1600 }), length: fc.integer({ min: -1, max: 400 }) }), {
    minLength: 1,
    maxLength: 12,
  }),
  windowDays: fc.integer({ min: 1, max: 60 }),
});
type Case = typeof extractArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): Extract {
  const builder = new ExtractBuilder();
  c.plans.forEach((plan, i) => {
    const end = plan.length === null ? null : iso(plan.start + plan.length);
    builder.cpPlan({
      id: `P${i}`,
      person: `c${plan.person}`,
      start: iso(plan.start),
      end,
      previousPlans: c.previousPlans[i],
    });
    for (const review of plan.reviews) builder.review(`P${i}`, iso(plan.start + review));
  });
  for (const visit of c.visits) builder.cpVisit(`c${visit.person}`, iso(visit.day));
  return builder.build();
}

// ---- docs/MEASURES.md, read literally ----

function childrenOpen(x: Extract, d: number): number {
  return new Set(x.cpPlans.filter((p) => isOpenAt(p.start, p.end, d)).map((p) => p.person)).size;
}

function reviewsTimely(x: Extract, d: number): [number, number] {
  let numerator = 0;
  let denominator = 0;
  for (const plan of x.cpPlans) {
    if (!isOpenAt(plan.start, plan.end, d) || addMonths(plan.start, 3) > d) continue;
    denominator += 1;
    const held = x.cpReviews
      .filter((r) => r.planId === plan.id && r.date > plan.start && r.date <= d)
      .map((r) => r.date)
      .sort((a, b) => a - b);
    let due = addMonths(plan.start, 3);
    let prev = plan.start;
    let late = false;
    while (due <= d) {
      const r = held.find((day) => day > prev);
      if (r === undefined || r > due) {
        late = true;
        break;
      }
      prev = r;
      due = addMonths(r, 6);
    }
    if (!late) numerator += 1;
  }
  return [numerator, denominator];
}

function visitsTimely(x: Extract, d: number, w: number): [number, number] {
  let numerator = 0;
  let denominator = 0;
  const people = new Set(x.cpPlans.map((p) => p.person));
  for (const person of people) {
    const open = x.cpPlans.filter((p) => p.person === person && isOpenAt(p.start, p.end, d));
    if (open.length === 0 || Math.min(...open.map((p) => p.start)) > d - w) continue;
    denominator += 1;
    let visited = false;
    for (let i = 0; i < x.cpVisits.length; i += 1)
      if (x.cpVisits.person[i] === person && x.cpVisits.day[i] > d - w && x.cpVisits.day[i] <= d) visited = true;
    if (visited) numerator += 1;
  }
  return [numerator, denominator];
}

function inWindow(day: number | null, from: number, to: number): boolean {
  return day !== null && day >= from && day <= to;
}

function starts(x: Extract, from: number, to: number): number {
  return x.cpPlans.filter((p) => inWindow(p.start, from, to)).length;
}

function endedTwoYears(x: Extract, from: number, to: number): [number, number] {
  const ended = x.cpPlans.filter((p) => inWindow(p.end, from, to));
  return [ended.filter((p) => p.end !== null && p.end >= addYears(p.start, 2)).length, ended.length];
}

function repeats(x: Extract, from: number, to: number): [number, number] {
  const started = x.cpPlans.filter((p) => inWindow(p.start, from, to));
  const isRepeat = (p: (typeof started)[number]) =>
    p.previousPlans !== null ? p.previousPlans > 0 : x.cpPlans.some((o) => o.person === p.person && o.start < p.start);
  return [started.filter(isRepeat).length, started.length];
}

function openTwoYears(x: Extract, d: number): [number, number] {
  const open = x.cpPlans.filter((p) => isOpenAt(p.start, p.end, d));
  return [open.filter((p) => d >= addYears(p.start, 2)).length, open.length];
}

describe('snapshot measures agree with the definitions, date by date', () => {
  it('cp_children, cp_open_2y_pct, cp_reviews_timely_pct, cp_visits_timely_pct', () => {
    fc.assert(
      fc.property(extractArb, (c) => {
        const x = build(c);
        const dates = c.dates.map((offset) => isoFromDay(ORIGIN + offset));
        const children = snapshotsAt(x, 'cp_children', dates);
        const twoYears = snapshotsAt(x, 'cp_open_2y_pct', dates);
        const reviews = snapshotsAt(x, 'cp_reviews_timely_pct', dates);
        const visits = snapshotsAt(x, 'cp_visits_timely_pct', dates, { windowDays: c.windowDays });
        dates.forEach((date, i) => {
          const d = dayFromIso(date);
          expect(children[i].numerator).toBe(childrenOpen(x, d));
          expect([twoYears[i].numerator, twoYears[i].denominator]).toEqual(openTwoYears(x, d));
          expect([reviews[i].numerator, reviews[i].denominator]).toEqual(reviewsTimely(x, d));
          expect([visits[i].numerator, visits[i].denominator]).toEqual(visitsTimely(x, d, c.windowDays));
        });
      }),
      { numRuns: 300, seed: 20131130 },
    );
  });
});

describe('flow measures agree with the definitions, window by window', () => {
  it('cp_starts, cp_ends, cp_ended_2y_pct, cp_repeat_pct', () => {
    fc.assert(
      fc.property(extractArb, (c) => {
        const x = build(c);
        const windows = c.windows.map((w) => [iso(w.from), iso(w.from + w.length)] as const);
        const startCounts = flowsOver(x, 'cp_starts', windows);
        const endCounts = flowsOver(x, 'cp_ends', windows);
        const twoYears = flowsOver(x, 'cp_ended_2y_pct', windows);
        const repeat = flowsOver(x, 'cp_repeat_pct', windows);
        c.windows.forEach((w, i) => {
          const [from, to] = [ORIGIN + w.from, ORIGIN + w.from + w.length];
          expect(startCounts[i].numerator).toBe(starts(x, from, to));
          expect(endCounts[i].numerator).toBe(x.cpPlans.filter((p) => inWindow(p.end, from, to)).length);
          expect([twoYears[i].numerator, twoYears[i].denominator]).toEqual(endedTwoYears(x, from, to));
          expect([repeat[i].numerator, repeat[i].denominator]).toEqual(repeats(x, from, to));
        });
      }),
      { numRuns: 300, seed: 20131130 },
    );
  });
});
