/**
 * The snapshot measures are computed through sorted spans (one pass, then binary
 * searches). Here they are checked against a literal reading of indicators.md, date by
 * date, on many small random extracts.
 */
import fc from 'fast-check';
import { addMonths, addYears, dayFromIso, isOpenAt, isoFromDay } from '../../../functions/core/calendar';
import type { Extract } from '../../../functions/core/types';
import { ExtractBuilder } from './extract-builder';
import { snapshotAt } from './measure-helpers';

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
  visits: fc.array(fc.record({ person: fc.integer({ min: 0, max: 4 }), day: fc.integer({ min: 0, max: 900 }) }), { maxLength: 20 }),
  dates: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 5 }),
  windowDays: fc.integer({ min: 1, max: 60 }),
});
type Case = typeof extractArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): Extract {
  const builder = new ExtractBuilder();
  c.plans.forEach((plan, i) => {
    builder.cpPlan({ id: `P${i}`, person: `c${plan.person}`, start: iso(plan.start), end: plan.length === null ? null : iso(plan.start + plan.length) });
    for (const review of plan.reviews) builder.review(`P${i}`, iso(plan.start + review));
  });
  for (const visit of c.visits) builder.cpVisit(`c${visit.person}`, iso(visit.day));
  return builder.build();
}

// ---- indicators.md, read literally ----

function children(x: Extract, d: number): number {
  return new Set(x.cpPlans.filter((p) => isOpenAt(p.start, p.end, d)).map((p) => p.person)).size;
}

function reviewsTimely(x: Extract, d: number): [number, number] {
  let numerator = 0;
  let denominator = 0;
  for (const plan of x.cpPlans) {
    if (!isOpenAt(plan.start, plan.end, d) || addMonths(plan.start, 3) > d) continue;
    denominator += 1;
    const held = x.cpReviews.filter((r) => r.planId === plan.id && r.date > plan.start && r.date <= d).map((r) => r.date).sort((a, b) => a - b);
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
    for (let i = 0; i < x.cpVisits.length; i += 1) if (x.cpVisits.person[i] === person && x.cpVisits.day[i] > d - w && x.cpVisits.day[i] <= d) visited = true;
    if (visited) numerator += 1;
  }
  return [numerator, denominator];
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
        for (const offset of c.dates) {
          const d = ORIGIN + offset;
          const date = isoFromDay(d);
          expect(snapshotAt(x, 'cp_children', date).numerator).toBe(children(x, d));
          const twoYears = snapshotAt(x, 'cp_open_2y_pct', date);
          expect([twoYears.numerator, twoYears.denominator]).toEqual(openTwoYears(x, d));
          const reviews = snapshotAt(x, 'cp_reviews_timely_pct', date);
          expect([reviews.numerator, reviews.denominator]).toEqual(reviewsTimely(x, d));
          const visits = snapshotAt(x, 'cp_visits_timely_pct', date, { windowDays: c.windowDays });
          expect([visits.numerator, visits.denominator]).toEqual(visitsTimely(x, d, c.windowDays));
        }
      }),
      { numRuns: 300, seed: 20131130 },
    );
  });
});
