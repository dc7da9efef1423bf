/**
 * Prepares the registry's measures for one extract and one pack's columns. A measure is
 * prepared for the pack's columns only (their last days for snapshots, the windows for
 * flows): preparing does the one pass over the data, evaluating a cell is then a lookup.
 */
import type { Unit } from '../pack/pack-types';
import { DaySet, type Window } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import { measureOf, missingColumn, unavailableReason, type MeasureName, type MissingColumn } from './registry';
import type { FlowEvaluator, SnapshotEvaluator } from './tally';

/** An indicator's parameters as configured; each measure applies its own defaults. */
export type MeasureParams = Readonly<Record<string, unknown>>;

/** A measure ready to give cells, or, when this extract cannot give it, why (in plain words). */
export type PreparedMeasure =
  | { kind: 'snapshot'; unit: Unit; at: SnapshotEvaluator }
  | { kind: 'flow'; unit: Unit; over: FlowEvaluator }
  | { kind: 'unavailable'; unit: Unit; reason: string; missing: MissingColumn | null };

/**
 * Prepares each evaluator once per (measure preparation, parameters), so indicators
 * that share one (cp_children and cp_rate count the same children) share the work.
 */
export class MeasureCache {
  private readonly snapshots: Memo<SnapshotEvaluator> = new Map();
  private readonly flows: Memo<FlowEvaluator> = new Map();
  private readonly snapshotDays: DaySet;

  /** @param columns every window the measures will be asked about; a snapshot is asked at a window's last day. */
  constructor(
    private readonly index: ExtractIndex,
    private readonly columns: readonly Window[],
  ) {
    this.snapshotDays = new DaySet(columns.map((column) => column.to));
  }

  get(name: MeasureName, params: MeasureParams): PreparedMeasure {
    const measure = measureOf(name);
    const reason = unavailableReason(measure, this.index);
    if (reason !== null)
      return { kind: 'unavailable', unit: measure.unit, reason, missing: missingColumn(measure, this.index) };
    const resolved = measure.parseParams(params);
    if (measure.kind === 'snapshot') {
      const at = memoized(this.snapshots, measure.evaluates, resolved, () =>
        measure.prepare(this.index, this.snapshotDays, resolved),
      );
      return { kind: 'snapshot', unit: measure.unit, at };
    }
    const over = memoized(this.flows, measure.evaluates, resolved, () =>
      measure.prepare(this.index, this.columns, resolved),
    );
    return { kind: 'flow', unit: measure.unit, over };
  }
}

/** Evaluators by what they evaluate, then by parameters. */
type Memo<E> = Map<object, Map<string, E>>;

function memoized<E>(memo: Memo<E>, evaluates: object, params: MeasureParams, prepare: () => E): E {
  let byParams = memo.get(evaluates);
  if (!byParams) memo.set(evaluates, (byParams = new Map<string, E>()));
  const key = JSON.stringify(params);
  let evaluator = byParams.get(key);
  if (evaluator === undefined) byParams.set(key, (evaluator = prepare()));
  return evaluator;
}
