/**
 * What a measure counts for one cell, before it becomes a pack cell: a count (with no
 * denominator) or a numerator over a denominator. Rates are counts here; the population
 * is applied when the cell is made (population.ts), because it is configuration.
 */
import type { Day } from '../types';

export interface Tally {
  numerator: number;
  /** null for counts and rates (a plain count). */
  denominator: number | null;
}

export type SnapshotEvaluator = (day: Day) => Tally;
/** A window [from, to], both days included. */
export type FlowEvaluator = (from: Day, to: Day) => Tally;

export const countTally = (count: number): Tally => ({ numerator: count, denominator: null });
export const fractionTally = (numerator: number, denominator: number): Tally => ({ numerator, denominator });
