/**
 * The computed pack: the shape of `pack.json` (docs/OUTPUTS.md, Outputs). Values are
 * unrounded, in display units (counts, rates per 10,000, percent 0-100), null where
 * there is no value. Only run-independent facts live here, so the same extract and
 * configuration give a byte-identical pack.json; run facts belong in the manifest.
 */
import type { MeasureName } from '../config/pack-config';
import type { DataQuality, Period } from '../types';
import type { PackBenchmark } from './benchmark-types';
import type { PackProjection } from './projection';

export type Unit = 'count' | 'rate' | 'percent';
export type RagStatus = 'red' | 'amber' | 'green' | 'data-only' | 'no-data' | 'none';

export interface Cell {
  value: number | null;
  /** Percent: numerator; rate: the count; count: null. */
  numerator: number | null;
  /** Percent: denominator; rate: the population; count: null. */
  denominator: number | null;
}

export interface MonthCell extends Cell {
  period: Period;
}

export interface Trend {
  direction: 'up' | 'down' | 'level' | null;
  /** Whether the move is an improvement given the polarity; null when not judged. */
  better: boolean | null;
}

/** One definition of an indicator: its parameters as configured, in force from a month (null: from the start). */
export interface PackDefinition {
  from: Period | null;
  params: Readonly<Record<string, unknown>>;
  /** The definition readers see under these parameters (e.g. "... within the window of 10 working days."). */
  text: string;
}

/** Which of the indicator's `definitions` each shown column was measured under (positions in that list). */
export interface ColumnDefinitions {
  priorYear: number;
  months: number[];
  ytd: number;
}

export interface PackIndicator {
  code: string;
  title: string;
  measure: MeasureName;
  unit: Unit;
  decimals: number;
  corporatePlan: boolean;
  dataOnly: boolean;
  /** Polarity of the RAG rule, null when the indicator has none. */
  polarity: 'higher' | 'lower' | 'band' | null;
  priorYear: Cell;
  months: MonthCell[];
  ytd: Cell;
  target: number | null;
  /**
   * True when targets are set for other financial years but not for this pack's (the April case): the row shows
   * "No target for <year>" and the data-quality section warns.
   */
  targetMissing: boolean;
  rag: RagStatus;
  /** Why the status is what it is, in words (e.g. "94.8% against 95%: higher is better, Amber within 10%"). */
  ragReason: string;
  /** The status the same pack gives for month p-1 (its YTD at p-1 against that FY's target). */
  previousRag: RagStatus;
  /**
   * Whether the status changed since month p-1, as "changed status since last month" reports it: false when either
   * month had no target to judge against (rag.ts, statusChanged).
   */
  statusChanged: boolean;
  trend: Trend;
  /** Supplied comment for this indicator, if any. */
  comment: string | null;
  /** The published figures it is compared with (docs/BENCHMARKS-DATA.md); null without a comparator or data. */
  benchmark: PackBenchmark | null;
  /**
   * The definitions in force at some shown column, in date order (one unless the definition changed:
   * `paramsFrom`); the last is the one in force at month p.
   */
  definitions: PackDefinition[];
  columnDefinitions: ColumnDefinitions;
  /**
   * Why this extract cannot give the measure (e.g. a source column it needs is absent), in
   * plain words; null when it can. When set, every cell's value is null and rag is 'no-data'.
   */
  unavailable: string | null;
  /** The projected full-year figure of a flow count (projection.ts, year-end.ts); null for every other measure. */
  projection: PackProjection | null;
}

export interface SectionComments {
  performance: { text: string | null; draft: boolean };
  service: { text: string | null };
}

export interface PackSection {
  id: string;
  title: string;
  comments: SectionComments;
  indicators: PackIndicator[];
}

export interface Pack {
  authority: string;
  title: string;
  period: Period;
  /** e.g. "2013/14" */
  financialYear: string;
  /** e.g. "2012/13" */
  priorYear: string;
  months: Period[];
  sections: PackSection[];
  /** Population-year fallbacks and similar computation warnings are in dataQuality.warnings. */
  dataQuality: DataQuality;
}

/** Supplied comments for a month (comments/<YYYY-MM>.json). */
export interface CommentsFile {
  sections?: Record<string, { performance?: string; service?: string }>;
  indicators?: Record<string, string>;
}
