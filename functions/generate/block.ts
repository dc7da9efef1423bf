/**
 * What every part of the generator shares while it writes one block (one authority-sized
 * slice of the extract): the reporting month's last day, the block's random streams, its
 * id counters and its rows. Each table family (child-protection.ts, cin-plans.ts,
 * care-episodes.ts, …) is a function of a Block; generate-extract.ts runs them in order.
 */
import { addMonths } from '../core/calendar';
import type { Day } from '../core/types';
import { BlockWriter, type Layout } from './layouts';
import { mixSeed, Random } from './random';

/** Years of history every family writes before the reporting month. */
export const HISTORY_YEARS = 7;

const DAYS_PER_MONTH = 30.44;

/** Visit gaps in days, weighted: [weight, [min, max]]. */
export type Gaps = ReadonlyArray<readonly [number, [number, number]]>;

/**
 * The real layouts' nulls and other authorities' plans, at rates of the order a council
 * sees: undated visit rows, reviews with no plan id (SystemC: pre-LCS reviews), plans with
 * no referral id, OLA plans. Drawn from a stream of their own, so every layout has the
 * same histories and differs only where its rules do.
 */
export const SSD_RATES = { undatedVisit: 0.005, reviewWithoutPlan: 0.03, planWithoutReferral: 0.05, olaPlan: 0.02 };

export class Block {
  readonly random: Random;
  /** The real layouts' nulls and OLA plans (SSD_RATES); null for spec, which has none. */
  readonly ssd: Random | null;
  readonly out: BlockWriter;
  private readonly prefix: string;
  private nextPerson = 0;
  private nextId = 0;

  constructor(
    /** The reporting month's last day: nothing is written after it. */
    readonly end: Day,
    readonly index: number,
    readonly seed: number,
    layout: Layout,
  ) {
    this.random = new Random(mixSeed(seed, index));
    this.ssd = layout === 'spec' ? null : new Random(mixSeed(seed ^ 0x55d, index));
    this.out = new BlockWriter(layout);
    this.prefix = `A${String(index + 1).padStart(3, '0')}`;
  }

  /**
   * A random stream of a family's own (`salt` distinct per family), so a family added later
   * leaves every earlier family's rows byte-identical.
   */
  stream(salt: number): Random {
    return new Random(mixSeed(this.seed ^ salt, this.index));
  }

  newPerson(): string {
    this.nextPerson += 1;
    return `${this.prefix}-${String(this.nextPerson).padStart(6, '0')}`;
  }

  newId(kind: string): string {
    this.nextId += 1;
    return `${this.prefix}-${kind}${String(this.nextId).padStart(7, '0')}`;
  }

  /** Sorted start days, about `perYear` a year over the last `years` years. */
  startDays(perYear: number, years: number, random: Random = this.random): Day[] {
    const first = addMonths(this.end, -12 * years) + 1;
    const count = Math.round(perYear * years);
    const days: Day[] = [];
    for (let i = 0; i < count; i++) days.push(random.int(first, this.end));
    return days.sort((a, b) => a - b);
  }

  /** An end day `months` after start, or null when that is after the reporting month. */
  endAfter(start: Day, months: number): Day | null {
    const end = start + Math.max(1, Math.round(months * DAYS_PER_MONTH));
    return end > this.end ? null : end;
  }

  /**
   * Visit days from just after `start` to the day before `end` (or the reporting month's end), with gaps drawn
   * from `gaps`; now and then a visit where the child was not seen, followed within days by another.
   */
  visits(start: Day, end: Day | null, gaps: Gaps, add: (day: Day | null, seen: boolean) => void): void {
    const last = end === null ? this.end : end - 1;
    let day = start + this.random.int(1, 10);
    while (day <= last) {
      if (this.random.chance(0.03)) {
        add(day, false); // not seen: another visit follows within days
        day += this.random.int(1, 5);
        if (day > last) break;
      }
      add(day, true);
      if (this.ssd?.chance(SSD_RATES.undatedVisit)) add(null, true); // the SSD keeps visits with no date
      const [min, max] = this.random.weighted(gaps);
      day += this.random.int(min, max);
    }
  }
}
