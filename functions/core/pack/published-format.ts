/**
 * Published comparator figures as every renderer and the drafted comment print them (docs/OUTPUTS.md, Benchmarks).
 * A value DfE did not publish is named with DfE's code, "suppressed (c)", never printed as 0 or left blank.
 */
import type { PackBenchmark, PublishedValue } from './benchmark-types';
import { formatValue } from './format';
import type { Unit } from './pack-types';

/** How a figure of this unit is read after the number: rates are per 10,000 children; percents carry their %. */
export const UNIT_SUFFIX: Record<Unit, string> = { count: '', rate: ' per 10,000', percent: '' };

function suppressedText(codes: readonly (string | null)[]): string {
  const named = [...new Set(codes.filter((code): code is string => code !== null))];
  return named.length > 0 ? `suppressed (${named.join(', ')})` : 'No data';
}

/** One published figure: the number as the pack prints it, or "suppressed (c)", or No data when none was read. */
export function formatPublished(published: PublishedValue, unit: Unit, decimals: number): string {
  if (published.value !== null) return formatValue(published.value, unit, decimals);
  return suppressedText([published.suppressed]);
}

/** A figure computed from the neighbours' values (mean, median, min, max), or why there is none. */
export function formatNeighbourFigure(
  value: number | null,
  benchmark: PackBenchmark,
  unit: Unit,
  decimals: number,
): string {
  if (value !== null) return formatValue(value, unit, decimals);
  return suppressedText(benchmark.neighbours.values.map((neighbour) => neighbour.suppressed));
}

/** "30.2–60.1": the neighbours' range, or why there is none. */
export function formatNeighbourRange(benchmark: PackBenchmark, unit: Unit, decimals: number): string {
  const { min, max } = benchmark.neighbours;
  if (min === null || max === null) return formatNeighbourFigure(null, benchmark, unit, decimals);
  return `${formatValue(min, unit, decimals)}–${formatValue(max, unit, decimals)}`;
}
