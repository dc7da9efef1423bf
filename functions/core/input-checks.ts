/**
 * The checks a run makes of its inputs for the reporting month, beyond parsing the configuration and reading the
 * extract: one function that `run` and `validate` both call, so a clean `validate` means the run will not fail on
 * these inputs (and a failure the run can have on them is reported by `validate` in the same words).
 *
 *   - the configuration's population covers every rate column of the month's pack (else the ConfigError the
 *     computation would throw, thrown before anything is computed);
 *   - the extract reaches the month's end (coverage.ts): an error in the data-quality report;
 *   - indicators with targets for other years but none for the month's financial year: a warning.
 * That the month has ended is checked before any input is read (extract/period.ts, assertMonthEnded).
 */
import { financialYearLabel, financialYearStartOfPeriod } from './calendar';
import type { IndicatorConfig, PackConfig } from './config/pack-config';
import { coverageProblem } from './extract/coverage';
import { withProblems } from './extract/problems';
import { measureOf } from './measures/registry';
import { PopulationLookup } from './measures/population';
import { allColumns, planColumns } from './pack/columns';
import { missingTargetsProblem } from './pack/targets';
import type { DataQuality, Extract, Period, Problem } from './types';

export interface InputCheck {
  config: PackConfig;
  period: Period;
  /** The extract as read; null when it had errors (its coverage is then not judged). */
  extract: Extract | null;
}

/** Throws the computation's own ConfigError when a rate column of the pack has no population to use. */
function assertPopulationCovers(config: PackConfig, period: Period): void {
  const isRate = (i: IndicatorConfig) => measureOf(i.measure).unit === 'rate';
  const hasRates = config.sections.some((s) => s.indicators.some(isRate));
  if (!hasRates) return;
  const population = new PopulationLookup(config.population);
  // The same columns, and the same day of each, as buildPack evaluates rates at.
  for (const column of allColumns(planColumns(period, config.monthsShown))) population.forDay(column.to);
}

/** `quality` with the input checks' problems added; a ConfigError when the configuration cannot make the pack. */
export function checkInputs(quality: DataQuality, input: InputCheck): DataQuality {
  assertPopulationCovers(input.config, input.period);
  const coverage = input.extract ? coverageProblem(input.extract, input.period) : null;
  const targets = missingTargetsProblem(input.config, financialYearLabel(financialYearStartOfPeriod(input.period)));
  const present = (p: Problem | null): p is Problem => p !== null;
  return withProblems(quality, [coverage].filter(present), [targets].filter(present));
}
