/**
 * The pack's benchmarks (docs/BENCHMARKS-DATA.md, "In the pack"): each indicator's `benchmark` from its configured
 * comparator, and what the data-quality section says about the benchmark data — one info line when there is none,
 * a warning when the authority or the neighbour model asked for is not in it, and the files' own problems.
 */
import type { IndicatorConfig, PackConfig } from '../config/pack-config';
import type { PackBenchmark } from '../pack/benchmark-types';
import type { InfoNote, Problem } from '../types';
import type { BenchmarkData } from './benchmark-data';
import { areaByCode, benchmarkFor, chosenModel } from './benchmark-cell';

/** What the run loaded from `benchmarks/`: null data when nothing was found. */
export interface PackBenchmarkInput {
  data: BenchmarkData | null;
  /** The files' problems (bad rows, unknown columns), as warnings: a bad file does not stop the pack. */
  problems: readonly Problem[];
  info: readonly InfoNote[];
}

export const NO_BENCHMARKS: PackBenchmarkInput = { data: null, problems: [], info: [] };

export function indicatorBenchmark(
  indicator: IndicatorConfig,
  config: PackConfig,
  input: PackBenchmarkInput,
  priorYear: string,
): PackBenchmark | null {
  const comparator = indicator.comparator ?? null;
  if (comparator === null || !config.benchmarks || input.data === null) return null;
  return benchmarkFor(input.data, { comparator, settings: config.benchmarks, priorYear });
}

const warning = (kind: string, message: string): Problem => ({
  kind,
  table: null,
  row: null,
  column: null,
  value: null,
  message,
});

/** The data-quality notes about the benchmark data, for this configuration. */
export function benchmarkQuality(
  config: PackConfig,
  input: PackBenchmarkInput,
): { info: InfoNote[]; warnings: Problem[] } {
  const info = [...input.info];
  const warnings = [...input.problems];
  const { data } = input;
  if (data === null) {
    info.push({
      kind: 'benchmark-none',
      table: null,
      message: 'No benchmark data was found: no indicator is compared with published figures.',
    });
    return { info, warnings };
  }
  const settings = config.benchmarks;
  if (!settings) return { info, warnings };
  if (areaByCode(data, settings.laCode) === null)
    warnings.push(
      warning(
        'benchmark-unknown-la',
        `benchmarks.laCode ${settings.laCode} is not a local authority in the benchmark data: ` +
          'no indicator is compared.',
      ),
    );
  else if (!Array.isArray(settings.neighbours) && chosenModel(data, settings.neighbours) === null)
    warnings.push(
      warning(
        'benchmark-unknown-model',
        `benchmarks.neighbours: no statistical-neighbour model ${JSON.stringify(settings.neighbours)} ` +
          'in the benchmark data, so no neighbours are shown.',
      ),
    );
  return { info, warnings };
}
