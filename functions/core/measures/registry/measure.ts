/**
 * What a measure of the registry declares (docs/MEASURES.md, Measures): its name, kind and
 * unit, the extract columns it reads, its parameters (a zod schema with defaults and
 * validation), how it is prepared from the extract, the plain-words definition readers
 * see, how it is counted (for docs/MEASURES.md) and the sentence drafted about it.
 * Each measure is declared once, with `snapshotMeasure` or `flowMeasure`; everything
 * else (the configuration's measure names and parameter checks, the tables to read, the
 * definitions sheet, the draft comment, the docs) is derived from the declarations.
 */
import * as z from 'zod';
import type { PackBenchmark } from '../../pack/benchmark-types';
import type { Cell, Unit } from '../../pack/pack-types';
import type { PackProjection } from '../../pack/projection';
import type { TableName, TableReach } from '../../types';
import type { WorkingDays } from '../../working-days';
import { snapshotDays, type DaySet, type Window } from '../evaluation-days';
import type { ExtractIndex } from '../extract-index';
import type { FlowEvaluator, SnapshotEvaluator } from '../tally';

/** The columns of one extract table that a measure reads. */
export interface ColumnsRead {
  table: TableName;
  /** Columns the measure cannot be counted without. */
  columns: readonly string[];
  /** Columns read when present, with a rule in the definition for when they are absent or empty. */
  optional?: readonly string[];
}

/**
 * What a measure may use besides the extract when it is prepared: the working-day calendar
 * (the shipped bank holidays and the configuration's closure days). Passed in, never global,
 * so a pack's closure days reach exactly its own measures.
 */
export interface PrepareContext {
  workingDays: WorkingDays;
}

/** The parameters of a measure that takes none: any key given is refused. */
export const NO_PARAMS = z.strictObject({});

/** A measure's parameters: a strict zod object (unknown keys are refused), each field with its default. */
export type ParamsSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** What every drafted sentence may say about the pack. */
export interface DraftContext {
  /** e.g. "November" */
  monthName: string;
  /** e.g. "2013/14" */
  financialYear: string;
  /** e.g. "2012/13"; absent where a caller drafts without the year before. */
  priorYear?: string;
  authority: string;
}

/** The figures of one row a drafted sentence is made from. */
export interface DraftFigures {
  unit: Unit;
  decimals: number;
  month: Cell;
  ytd: Cell;
  /** The previous financial year's cell, the projection and the published comparators; absent where not known. */
  priorYear?: Cell;
  projection?: PackProjection | null;
  benchmark?: PackBenchmark | null;
}

interface SpecCommon<N extends string, S extends ParamsSchema> {
  name: N;
  unit: Unit;
  /** Every column the evaluator reads, by table; the tables are the ones a run must find in the extract. */
  reads: readonly ColumnsRead[];
  params: S;
  /**
   * How the measure is counted, in words for readers of the pack (the Definitions section and sheet); a function
   * when the words depend on the parameters ("within 28 days", "within 10 working days").
   */
  definition: string | ((params: z.output<S>) => string);
  /** The counting rule as the spec states it (docs/MEASURES.md), for maintainers: docs/MEASURES.md. */
  counted: string;
  /** One sentence about the row in the words the seed's officers used. */
  draft(figures: DraftFigures, params: z.output<S>, context: DraftContext): string;
  /**
   * Why this extract cannot give the measure, in plain words, or null when it can. Beyond
   * the declared columns (checked for every measure: see availability.ts), for a measure
   * whose source depends on more than a column being there.
   */
  unavailable?: (index: ExtractIndex) => string | null;
}

/**
 * Per table the measure reads, the first day of its rows it can count when prepared for these days or windows:
 * the reader may leave out the rows before it (pack/reach.ts). A table not named is read whole. Exact, never a
 * guess: a row on the day counts, or might; none before it can.
 */
type ReachOf<Over, Params> = (over: Over, params: Params, context: PrepareContext) => TableReach;

interface SnapshotSpec<N extends string, S extends ParamsSchema> extends SpecCommon<N, S> {
  /** Prepares the evaluator for exactly these days (one pass over the records). */
  prepare(index: ExtractIndex, days: DaySet, params: z.output<S>, context: PrepareContext): SnapshotEvaluator;
  reach?: ReachOf<DaySet, z.output<S>>;
}

interface FlowSpec<N extends string, S extends ParamsSchema> extends SpecCommon<N, S> {
  /**
   * Set for a count of children each counted once per window (DfE's rule for children starting, ceasing or
   * missing): a year's count is then not the sum of its months, so it is not projected from them.
   */
  oncePerWindow?: true;
  /** Prepares the evaluator for exactly these windows. */
  prepare(index: ExtractIndex, windows: readonly Window[], params: z.output<S>, context: PrepareContext): FlowEvaluator;
  reach?: ReachOf<readonly Window[], z.output<S>>;
}

/**
 * A declared measure as the rest of the code sees it: parameters arrive as configured
 * (unchecked, defaults not yet applied) and are parsed by the measure's own schema.
 */
interface MeasureCommon<N extends string> {
  name: N;
  unit: Unit;
  reads: readonly ColumnsRead[];
  params: ParamsSchema;
  /** The definition readers see for these parameters as configured (defaults applied by the measure). */
  definition(params: unknown): string;
  counted: string;
  /**
   * The declared preparation: measures that declare the same one (cp_children and cp_rate
   * count the same children) with the same parameters share one evaluator.
   */
  evaluates: object;
  /** The configured parameters with the defaults applied; throws on invalid ones (the configuration refuses them). */
  parseParams(params: unknown): Record<string, unknown>;
  draft(figures: DraftFigures, params: unknown, context: DraftContext): string;
  unavailable: (index: ExtractIndex) => string | null;
  /**
   * The declared reach (ReachOf) for these parameters as configured and the columns the measure is prepared for (a
   * snapshot at their last days); {} when it declares none, or for no columns (then nothing is counted at all).
   */
  reachFor(params: unknown, columns: readonly Window[], context: PrepareContext): TableReach;
}

export interface SnapshotMeasure<N extends string = string> extends MeasureCommon<N> {
  kind: 'snapshot';
  prepare(index: ExtractIndex, days: DaySet, params: unknown, context: PrepareContext): SnapshotEvaluator;
}

export interface FlowMeasure<N extends string = string> extends MeasureCommon<N> {
  kind: 'flow';
  /** Whether a year's count is the sum of its months' (false: each child counted once per window). */
  additive: boolean;
  prepare(index: ExtractIndex, windows: readonly Window[], params: unknown, context: PrepareContext): FlowEvaluator;
}

export type Measure<N extends string = string> = SnapshotMeasure<N> | FlowMeasure<N>;

function common<N extends string, S extends ParamsSchema>(
  spec: SpecCommon<N, S> & { prepare: object },
): Omit<MeasureCommon<N>, 'reachFor'> {
  return {
    evaluates: spec.prepare,
    name: spec.name,
    unit: spec.unit,
    reads: spec.reads,
    params: spec.params,
    definition: (params) => {
      const { definition } = spec;
      return typeof definition === 'string' ? definition : definition(spec.params.parse(params));
    },
    counted: spec.counted,
    parseParams: (params) => spec.params.parse(params),
    draft: (figures, params, context) => spec.draft(figures, spec.params.parse(params), context),
    unavailable: spec.unavailable ?? (() => null),
  };
}

/** A measure evaluated at a day (a month's last day). */
export function snapshotMeasure<const N extends string, S extends ParamsSchema>(
  spec: SnapshotSpec<N, S>,
): SnapshotMeasure<N> {
  return {
    ...common(spec),
    kind: 'snapshot',
    prepare: (index, days, params, context) => spec.prepare(index, days, spec.params.parse(params), context),
    reachFor: (params, columns, context) =>
      spec.reach && columns.length > 0 ? spec.reach(snapshotDays(columns), spec.params.parse(params), context) : {},
  };
}

/** A measure counted over a window of days (a month, a financial year to date). */
export function flowMeasure<const N extends string, S extends ParamsSchema>(spec: FlowSpec<N, S>): FlowMeasure<N> {
  return {
    ...common(spec),
    kind: 'flow',
    additive: spec.oncePerWindow !== true,
    prepare: (index, windows, params, context) => spec.prepare(index, windows, spec.params.parse(params), context),
    reachFor: (params, columns, context) =>
      spec.reach && columns.length > 0 ? spec.reach(columns, spec.params.parse(params), context) : {},
  };
}
