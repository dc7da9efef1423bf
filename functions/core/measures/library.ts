/**
 * The measure library of indicators.md: for each measure name, whether it is a snapshot
 * (evaluated at a date) or a flow (over a window), its unit, and how to prepare its
 * evaluator from the extract's index. A measure is prepared for the pack's columns only
 * (their last days for snapshots, the windows for flows): preparing does the one pass
 * over the data, evaluating a cell is then a lookup.
 */
import type { IndicatorConfig, MeasureName } from '../config/pack-config';
import type { Unit } from '../pack/pack-types';
import { DaySet, type Window } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import { claChildren, cpChildren, cpOpenTwoYears } from './open-records';
import { cpEnds, cpEndedTwoYears, cpMovedIn, cpMovedOut, cpRepeat, cpStarts } from './plan-flows';
import { cpReviewsTimely } from './reviews';
import type { FlowEvaluator, SnapshotEvaluator } from './tally';
import { cinVisitsTimely, cpVisitsTimely } from './visits';

export type MeasureParams = IndicatorConfig['params'];

export type PreparedMeasure =
  { kind: 'snapshot'; unit: Unit; at: SnapshotEvaluator } | { kind: 'flow'; unit: Unit; over: FlowEvaluator };

interface SnapshotDefinition {
  kind: 'snapshot';
  unit: Unit;
  prepare: (index: ExtractIndex, days: DaySet, params: MeasureParams) => SnapshotEvaluator;
}

interface FlowDefinition {
  kind: 'flow';
  unit: Unit;
  prepare: (index: ExtractIndex, windows: readonly Window[], params: MeasureParams) => FlowEvaluator;
}

export type MeasureDefinition = SnapshotDefinition | FlowDefinition;

const snapshot = (unit: Unit, prepare: SnapshotDefinition['prepare']): SnapshotDefinition => ({
  kind: 'snapshot',
  unit,
  prepare,
});
const flow = (unit: Unit, prepare: FlowDefinition['prepare']): FlowDefinition => ({ kind: 'flow', unit, prepare });

/** The visit measures take their window from the indicator's params (each has its own default). */
const cpVisitsTimelyWith: SnapshotDefinition['prepare'] = (index, days, params) =>
  cpVisitsTimely(index, days, params.windowDays);
const cinVisitsTimelyWith: SnapshotDefinition['prepare'] = (index, days, params) =>
  cinVisitsTimely(index, days, params.windowDays);

export const MEASURE_DEFINITIONS: Record<MeasureName, MeasureDefinition> = {
  cp_children: snapshot('count', cpChildren),
  cp_rate: snapshot('rate', cpChildren),
  cla_rate: snapshot('rate', claChildren),
  cp_starts: flow('count', cpStarts),
  cp_ends: flow('count', cpEnds),
  cp_ended_2y_pct: flow('percent', cpEndedTwoYears),
  cp_open_2y_pct: snapshot('percent', cpOpenTwoYears),
  cp_repeat_pct: flow('percent', cpRepeat),
  cp_moved_in: flow('count', cpMovedIn),
  cp_moved_out: flow('count', cpMovedOut),
  cp_reviews_timely_pct: snapshot('percent', cpReviewsTimely),
  cp_visits_timely_pct: snapshot('percent', cpVisitsTimelyWith),
  cin_visits_timely_pct: snapshot('percent', cinVisitsTimelyWith),
};

/**
 * Prepares each evaluator once per (preparation, parameters) for one extract and one
 * pack's columns, so indicators that share one (cp_children and cp_rate count the same
 * children) share the work.
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

  get(measure: MeasureName, params: MeasureParams): PreparedMeasure {
    const definition = MEASURE_DEFINITIONS[measure];
    if (definition.kind === 'snapshot') {
      const at = memoized(this.snapshots, definition.prepare, params, () =>
        definition.prepare(this.index, this.snapshotDays, params),
      );
      return { kind: 'snapshot', unit: definition.unit, at };
    }
    const over = memoized(this.flows, definition.prepare, params, () =>
      definition.prepare(this.index, this.columns, params),
    );
    return { kind: 'flow', unit: definition.unit, over };
  }
}

/** Evaluators by preparation, then by parameters. */
type Memo<E> = Map<object, Map<string, E>>;

function memoized<E>(memo: Memo<E>, preparation: object, params: MeasureParams, prepare: () => E): E {
  let byParams = memo.get(preparation);
  if (!byParams) memo.set(preparation, (byParams = new Map<string, E>()));
  const key = JSON.stringify(params);
  let evaluator = byParams.get(key);
  if (evaluator === undefined) byParams.set(key, (evaluator = prepare()));
  return evaluator;
}
