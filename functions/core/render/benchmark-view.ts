/**
 * An indicator's published comparators as every renderer shows them (docs/OUTPUTS.md, Benchmarks): England, the
 * statistical neighbours' mean and range, and the authority's quartile nationally, beside the prior-year column; and
 * one phrase of where the authority sits, for the "needs attention" list. A row without a benchmark shows nothing;
 * a suppressed figure shows as "suppressed (c)", never 0.
 */
import type { PackBenchmark } from '../pack/benchmark-types';
import type { Pack, PackIndicator } from '../pack/pack-types';
import type { MethodView } from './definitions-view';
import { formatNeighbourFigure, formatNeighbourRange, formatPublished, UNIT_SUFFIX } from '../pack/published-format';

export interface BenchmarkView {
  /** e.g. "2012/13": the year the published figures are for. */
  year: string;
  /** e.g. "38", "suppressed (x)". */
  england: string;
  /** The neighbours' mean, e.g. "45". */
  neighboursMean: string;
  /** The neighbours' range, e.g. "30–60". */
  neighboursRange: string;
  /** e.g. "45 (30–60)". */
  neighbours: string;
  /** e.g. "Bottom quartile", or "Not ranked" (the measure has no polarity, or the authority no published value). */
  quartile: string;
  /** e.g. "bottom quartile nationally; neighbours 30–60 per 10,000 (2012/13)". */
  standing: string;
  /** The email's and the plain text's line, e.g. "Published 2012/13: England 38 · Neighbours 45 (30–60) · …". */
  line: string;
}

const QUARTILE_WORDS: Record<1 | 2 | 3 | 4, string> = {
  1: 'top quartile',
  2: 'second quartile',
  3: 'third quartile',
  4: 'bottom quartile',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function quartileWords(benchmark: PackBenchmark): string | null {
  return benchmark.quartile === null ? null : QUARTILE_WORDS[benchmark.quartile];
}

/** @param yearInCell name the year in the England and Neighbours cells (the headers cannot: the years differ). */
export function benchmarkView(indicator: PackIndicator, yearInCell = false): BenchmarkView | null {
  const { benchmark, unit, decimals } = indicator;
  if (benchmark === null) return null;
  const inCell = yearInCell ? ` (${benchmark.year})` : '';
  const neighboursMean = formatNeighbourFigure(benchmark.neighbours.mean, benchmark, unit, decimals);
  const neighboursRange = formatNeighbourRange(benchmark, unit, decimals);
  const neighbours = benchmark.neighbours.mean === null ? neighboursMean : `${neighboursMean} (${neighboursRange})`;
  const england = formatPublished(benchmark.england, unit, decimals);
  const quartile = quartileWords(benchmark);
  const standing = [
    ...(quartile === null ? [] : [`${quartile} nationally`]),
    `neighbours ${neighboursRange}${benchmark.neighbours.min === null ? '' : UNIT_SUFFIX[unit]}`,
  ].join('; ');
  const quartileText = quartile === null ? 'Not ranked' : capitalised(quartile);
  return {
    year: benchmark.year,
    england: `${england}${inCell}`,
    neighboursMean,
    neighboursRange,
    neighbours: `${neighbours}${inCell}`,
    quartile: quartileText,
    standing: `${standing} (${benchmark.year})`,
    line: `Published ${benchmark.year}: England ${england} · Neighbours ${neighbours} · ${quartileText}`,
  };
}

/** Whether any row has a benchmark: the benchmark columns are shown only then (no empty columns). */
export function hasBenchmarks(pack: Pack): boolean {
  return pack.sections.some((section) => section.indicators.some((indicator) => indicator.benchmark !== null));
}

/** The published figures' year for the column headers when every benchmark is for one year, else null. */
export function benchmarkYear(pack: Pack): string | null {
  const years = new Set(
    pack.sections.flatMap((s) => s.indicators.flatMap((i) => (i.benchmark === null ? [] : [i.benchmark.year]))),
  );
  return years.size === 1 ? [...years][0] : null;
}

/** How the benchmark columns were made, for the definitions: one entry per source and neighbour model. */
export function benchmarkDefinitions(pack: Pack): MethodView[] {
  const groups = new Map<string, { benchmark: PackBenchmark; codes: string[] }>();
  for (const indicator of pack.sections.flatMap((s) => s.indicators)) {
    const { benchmark } = indicator;
    if (benchmark === null) continue;
    const key = JSON.stringify([benchmark.source, benchmark.neighbours.model, benchmark.year]);
    const group = groups.get(key);
    if (group) group.codes.push(indicator.code);
    else groups.set(key, { benchmark, codes: [indicator.code] });
  }
  return [...groups.values()].map(({ benchmark, codes }) => ({
    name: 'Published figures',
    codes: codes.join(', '),
    text:
      `Published figures for ${benchmark.year} (${benchmark.source}): England; the statistical neighbours' mean and, ` +
      `in brackets, their lowest and highest (${benchmark.neighbours.model}); the authority's quartile among all ` +
      'local authorities, best first by the indicator\u2019s polarity ("Not ranked" where it has none). A figure DfE ' +
      'did not publish is shown as "suppressed" with DfE\u2019s code, never as 0.',
  }));
}
