/**
 * Turns a measure's tally into a pack cell in display units: counts as they are,
 * percents as 100 × numerator / denominator, rates as 10,000 × count / population.
 * A zero denominator gives no value (null), never 0 or NaN.
 */
import type { Cell, Unit } from '../pack/pack-types';
import type { Tally } from './tally';

const PER_POPULATION = 10_000;

export function cellOf(unit: Unit, tally: Tally, population: number | null): Cell {
  switch (unit) {
    case 'count':
      return { value: tally.numerator, numerator: null, denominator: null };
    case 'percent': {
      const denominator = tally.denominator ?? 0;
      return {
        value: denominator === 0 ? null : (100 * tally.numerator) / denominator,
        numerator: tally.numerator,
        denominator,
      };
    }
    case 'rate': {
      const denominator = population ?? 0;
      return {
        value: denominator === 0 ? null : (PER_POPULATION * tally.numerator) / denominator,
        numerator: tally.numerator,
        denominator,
      };
    }
  }
}
