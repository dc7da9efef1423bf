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
 * Lays the files over `base` in the order given (the caller puts snapshots first). Per figure, the one from the
 * newer source wins: the source whose figures for that comparator reach the later year (DfE's next release of a
 * file reaches one year further and carries revisions of earlier years); of two reaching the same year, the later
 * file. A figure a file lacks (an empty cell) keeps the older source's. A new object.
 */
export function overlay(base: BenchmarkData, files: readonly FileRead[]): BenchmarkData {
  const out: BenchmarkData = {
    figures: new Map(base.figures),
    areas: new Map(base.areas),
    models: new Map(base.models),
    sources: [...base.sources],
  };
  const reach = new Map<string, number>();
  const sourceOf = (f: Figure) => `${f.source}|${f.comparator}`;
  const note = (f: Figure) => reach.set(sourceOf(f), Math.max(reach.get(sourceOf(f)) ?? 0, f.year));
  for (const f of out.figures.values()) note(f);
  for (const file of files) for (const f of file.figures) note(f);
  const recency = (f: Figure) => reach.get(sourceOf(f)) ?? 0;
  for (const file of files) {
    for (const area of file.areas) out.areas.set(area.code, area);
    for (const figure of file.figures) {
      const key = figureKey(figure.comparator, figure.area, figure.year);
      const held = out.figures.get(key);
      if (held === undefined || recency(figure) >= recency(held)) out.figures.set(key, figure);
    }
    for (const model of file.models) out.models.set(model.id, model);
    out.sources.push(file.file);
  }
  return out;
}
