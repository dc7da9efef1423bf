/**
 * An indicator's `benchmark` in pack.json (pack/benchmark-types.ts; docs/BENCHMARKS-DATA.md, "In the pack"): the
 * published figure for the authority, England, its region and its statistical neighbours, in the latest
 * published year on or before the pack's prior financial year, with its rank and quartile among all local
 * authorities by the measure's polarity (LAIT's; none, no rank).
 */
import type { BenchmarkSettings } from '../config/benchmark-config';
import type { NeighbourValue, PackBenchmark, PublishedValue } from '../pack/benchmark-types';
import { AREA_LEVELS, figureKey, type Area, type BenchmarkData, type NeighbourModel } from './benchmark-data';
import { comparatorOf, type ComparatorPolarity } from './comparators';

/** DfE's reporting year for a financial year label: "2012/13" → 2013 (the year to 31 March 2013). */
export function reportingYear(financialYear: string): number {
  return Number(financialYear.slice(0, 4)) + 1;
}

export function financialYearOf(reportingYear: number): string {
  return `${reportingYear - 1}/${String(reportingYear % 100).padStart(2, '0')}`;
}

/** The area an LA code names: by new code, else by old 3-digit code. */
export function areaByCode(data: BenchmarkData, code: string): Area | null {
  const direct = data.areas.get(code);
  if (direct) return direct;
  for (const area of data.areas.values()) if (area.oldCode === code) return area;
  return null;
}

function valueOf(data: BenchmarkData, comparator: string, area: string | null, year: number): PublishedValue {
  const figure = area === null ? undefined : data.figures.get(figureKey(comparator, area, year));
  return { value: figure?.value ?? null, suppressed: figure?.suppressed ?? null };
}

/** The latest year on or before `cutoff` with a figure for the comparator, or null. */
function latestYear(data: BenchmarkData, comparator: string, cutoff: number): number | null {
  let best: number | null = null;
  for (const f of data.figures.values())
    if (f.comparator === comparator && f.year <= cutoff && (best === null || f.year > best)) best = f.year;
  return best;
}

/** The neighbour model the settings name: the latest by year, a given year, or null when it is not in the data. */
export function chosenModel(data: BenchmarkData, neighbours: BenchmarkSettings['neighbours']): NeighbourModel | null {
  if (Array.isArray(neighbours)) return null;
  if (neighbours !== 'latest') return data.models.get(neighbours) ?? null;
  const ids = [...data.models.keys()].sort();
  return ids.length > 0 ? (data.models.get(ids[ids.length - 1]) ?? null) : null;
}

/** The neighbours' codes and the model's name, or null when the model asked for is not in the data. */
function neighbourCodes(data: BenchmarkData, settings: BenchmarkSettings, la: Area) {
  if (Array.isArray(settings.neighbours))
    return { model: `Configured neighbours (${settings.neighbours.length})`, codes: settings.neighbours };
  const model = chosenModel(data, settings.neighbours);
  if (!model || la.oldCode === null) return null;
  return { model: model.name, codes: model.groups[la.oldCode] ?? [] };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Position 1 is the best value by polarity; equal values share a position (1, 2, 2, 4). Quartile 1 is the best
 * quarter: ceil(4 × position ÷ of).
 */
export function rankAmong(
  value: number | null,
  all: readonly number[],
  polarity: ComparatorPolarity,
): Pick<PackBenchmark, 'rank' | 'quartile'> {
  if (value === null || polarity === null || all.length === 0) return { rank: null, quartile: null };
  const better = all.filter((v) => (polarity === 'low' ? v < value : v > value)).length;
  const position = better + 1;
  const quarter = Math.min(4, Math.ceil((4 * position) / all.length));
  return { rank: { position, of: all.length }, quartile: QUARTILES[quarter - 1] };
}

const QUARTILES = [1, 2, 3, 4] as const;

export interface BenchmarkRequest {
  comparator: string;
  settings: BenchmarkSettings;
  /** The pack's prior financial year, e.g. "2012/13": the latest year compared with. */
  priorYear: string;
}

/** The indicator's benchmark, or null when the data has no figure for the comparator by then or the LA is unknown. */
export function benchmarkFor(data: BenchmarkData, request: BenchmarkRequest): PackBenchmark | null {
  const comparator = comparatorOf(request.comparator);
  const la = areaByCode(data, request.settings.laCode);
  if (!comparator || !la) return null;
  const year = latestYear(data, comparator.id, reportingYear(request.priorYear));
  if (year === null) return null;
  const at = (area: string | null) => valueOf(data, comparator.id, area, year);
  const england = [...data.areas.values()].find((a) => a.level === AREA_LEVELS.england) ?? null;
  const region = la.region === null ? null : (data.areas.get(la.region) ?? null);
  const group = neighbourCodes(data, request.settings, la);
  const values: NeighbourValue[] = (group?.codes ?? []).map((code) => {
    const area = areaByCode(data, code);
    return { la: area?.name ?? code, code: area?.code ?? code, ...at(area?.code ?? null) };
  });
  const numbers = values.flatMap((v) => (v.value === null ? [] : [v.value]));
  const all: number[] = [];
  for (const area of data.areas.values())
    if (area.level === AREA_LEVELS.la) {
      const v = at(area.code).value;
      if (v !== null) all.push(v);
    }
  const own = at(la.code);
  const source =
    data.figures.get(figureKey(comparator.id, la.code, year))?.source ??
    data.figures.get(figureKey(comparator.id, england?.code ?? '', year))?.source;
  return {
    year: financialYearOf(year),
    source: `${source ?? comparator.file.source}, ${comparator.column}`,
    la: own,
    england: at(england?.code ?? null),
    region: { name: region?.name ?? '', ...at(region?.code ?? null) },
    neighbours: {
      model: group?.model ?? 'No neighbour model in the benchmark data',
      mean: numbers.length > 0 ? numbers.reduce((s, v) => s + v, 0) / numbers.length : null,
      median: median(numbers),
      min: numbers.length > 0 ? Math.min(...numbers) : null,
      max: numbers.length > 0 ? Math.max(...numbers) : null,
      values,
    },
    ...rankAmong(own.value, all, comparator.polarity),
  };
}
