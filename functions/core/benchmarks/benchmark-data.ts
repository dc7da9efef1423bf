/**
 * The published figures a run compares with, as read from the snapshot and any DfE file dropped beside it, and how
 * several sources combine: per figure (comparator × area × year), the newer source wins
 * (docs/BENCHMARKS-DATA.md, "Newer files").
 */
import type { Problem } from '../types';
import type { ComparatorId } from './comparators';

export const AREA_LEVELS = { england: 'england', region: 'region', la: 'la' } as const;
export type AreaLevel = (typeof AREA_LEVELS)[keyof typeof AREA_LEVELS];

export interface Area {
  /** England's country code, a region's code, or a local authority's new (9-character) code. */
  code: string;
  name: string;
  level: AreaLevel;
  /** A local authority's old 3-digit code (the one the neighbour models use); null for England and regions. */
  oldCode: string | null;
  /** A local authority's own region as its row names it (Haringey: E13000001 Inner London); null otherwise. */
  region: string | null;
}

/** One published figure: a number, or DfE's suppression code, never both. */
export interface Figure {
  comparator: ComparatorId;
  area: string;
  /** DfE's reporting year: 2013 is the year to 31 March 2013, the pack's 2012/13. */
  year: number;
  value: number | null;
  suppressed: string | null;
  /** The file it was read from. */
  source: string;
}

/** A statistical-neighbour model: each authority's neighbours, closest first, by old 3-digit code. */
export interface NeighbourModel {
  /** The model's year, e.g. "2025": what the configuration's `neighbours` names. */
  id: string;
  name: string;
  source: string;
  groups: Record<string, string[]>;
}

/** What one file gave. */
export interface FileRead {
  file: string;
  figures: Figure[];
  areas: Area[];
  models: NeighbourModel[];
  problems: Problem[];
  /** The latest reporting year among its figures (null for a neighbour model): how "newer" is judged. */
  latestYear: number | null;
}

export interface BenchmarkData {
  figures: Map<string, Figure>;
  areas: Map<string, Area>;
  models: Map<string, NeighbourModel>;
  /** The files the figures came from, in the order they were applied. */
  sources: string[];
}

export const figureKey = (comparator: string, area: string, year: number): string => `${comparator}|${area}|${year}`;

export function emptyBenchmarkData(): BenchmarkData {
  return { figures: new Map(), areas: new Map(), models: new Map(), sources: [] };
}

/** True when nothing was read: no figure and no model. */
export function isEmpty(data: BenchmarkData): boolean {
  return data.figures.size === 0 && data.models.size === 0;
}

/**
 * Lays the files over `base` in order of their latest year, so a file reaching a later year wins each figure it
 * has; files reaching the same year keep the order given (the caller puts snapshots first, so a file an officer
 * dropped beside one wins a tie). A figure a file lacks (an empty cell) keeps the older source's. A new object.
 */
export function overlay(base: BenchmarkData, files: readonly FileRead[]): BenchmarkData {
  const out: BenchmarkData = {
    figures: new Map(base.figures),
    areas: new Map(base.areas),
    models: new Map(base.models),
    sources: [...base.sources],
  };
  const ordered = [...files].sort((a, b) => (a.latestYear ?? 0) - (b.latestYear ?? 0)); // stable: ties keep their order
  for (const file of ordered) {
    for (const area of file.areas) out.areas.set(area.code, area);
    for (const figure of file.figures) out.figures.set(figureKey(figure.comparator, figure.area, figure.year), figure);
    for (const model of file.models) out.models.set(model.id, model);
    out.sources.push(file.file);
  }
  return out;
}
