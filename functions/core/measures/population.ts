/**
 * The 0–17 population for rates (docs/CONFIGURATION.md, Population): the year in which d's
 * financial year starts, else the latest earlier year with a warning, else an error.
 */
import { financialYearLabel, financialYearStartOfDay } from '../calendar';
import { ConfigError } from '../errors';
import { formatNumber } from '../pack/format';
import type { Day, Problem } from '../types';

export class PopulationLookup {
  private readonly years: number[];
  private readonly fallbacks = new Map<number, Problem>();

  constructor(private readonly population: Record<string, number>) {
    this.years = Object.keys(population)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /** The population used for a rate at `day`; records a warning when it falls back to an earlier year. */
  forDay(day: Day): number {
    const wanted = financialYearStartOfDay(day);
    const exact = this.population[String(wanted)];
    if (exact !== undefined) return exact;
    const earlier = this.years.filter((year) => year < wanted);
    if (earlier.length === 0) {
      throw new ConfigError(
        `The pack configuration has no population for ${wanted} (needed for rates in ` +
          `${financialYearLabel(wanted)}) and none for an earlier year: add "population": { "${wanted}": … }.`,
      );
    }
    const used = earlier[earlier.length - 1];
    if (!this.fallbacks.has(wanted)) {
      this.fallbacks.set(wanted, {
        kind: 'population-fallback',
        table: null,
        row: null,
        column: 'population',
        value: String(wanted),
        message:
          `No population for ${wanted} in the pack configuration: rates for ` +
          `${financialYearLabel(wanted)} use the ${used} ` +
          `population (${formatNumber(this.population[String(used)], 0)}).`,
      });
    }
    return this.population[String(used)];
  }

  /** One warning per year that fell back, in year order. */
  warnings(): Problem[] {
    return [...this.fallbacks.entries()].sort(([a], [b]) => a - b).map(([, problem]) => problem);
  }
}
