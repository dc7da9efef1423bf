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
  | { kind: 'snapshot'; unit: Unit; at: SnapshotEvaluator }
  | { kind: 'flow'; unit: Unit; over: FlowEvaluator };

interface SnapshotDefinition {
  kind: 'snapshot';
  unit: Unit;
  prepare(index: ExtractIndex, params: MeasureParams, days: DaySet): SnapshotEvaluator;
}

interface FlowDefinition {
  kind: 'flow';
  unit: Unit;
  prepare(index: ExtractIndex, params: MeasureParams, windows: readonly Window[]): FlowEvaluator;
}

export type MeasureDefinition = SnapshotDefinition | FlowDefinition;

const snapshot = (unit: Unit, prepare: SnapshotDefinition['prepare']): SnapshotDefinition => ({ kind: 'snapshot', unit, prepare });
const flow = (unit: Unit, prepare: FlowDefinition['prepare']): FlowDefinition => ({ kind: 'flow', unit, prepare });

/** One preparation for both measures that count children on a CP plan, so the cache shares it. */
const cpChildrenAt: SnapshotDefinition['prepare'] = (index, _params, days) => cpChildren(index, days);

export const MEASURE_DEFINITIONS: Record<MeasureName, MeasureDefinition> = {
  cp_children: snapshot('count', cpChildrenAt),
  cp_rate: snapshot('rate', cpChildrenAt),
  cla_rate: snapshot('rate', (index, _params, days) => claChildren(index, days)),
  cp_starts: flow('count', (index, _params, windows) => cpStarts(index, windows)),
  cp_ends: flow('count', (index, _params, windows) => cpEnds(index, windows)),
  cp_ended_2y_pct: flow('percent', (index, _params, windows) => cpEndedTwoYears(index, windows)),
  cp_open_2y_pct: snapshot('percent', (index, _params, days) => cpOpenTwoYears(index, days)),
  cp_repeat_pct: flow('percent', (index, _params, windows) => cpRepeat(index, windows)),
  cp_moved_in: flow('count', (index, _params, windows) => cpMovedIn(index, windows)),
  cp_moved_out: flow('count', (index, _params, windows) => cpMovedOut(index, windows)),
  cp_reviews_timely_pct: snapshot('percent', (index, _params, days) => cpReviewsTimely(index, days)),
  cp_visits_timely_pct: snapshot('percent', (index, params, days) => cpVisitsTimely(index, days, params.windowDays)),
  cin_visits_timely_pct: snapshot('percent', (index, params, days) => cinVisitsTimely(index, days, params.windowDays)),
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
      const at = memoized(this.snapshots, definition.prepare, params, () => definition.prepare(this.index, params, this.snapshotDays));
      return { kind: 'snapshot', unit: definition.unit, at };
    }
    const over = memoized(this.flows, definition.prepare, params, () => definition.prepare(this.index, params, this.columns));
    return { kind: 'flow', unit: definition.unit, over };
  }
}

/** Evaluators by preparation, then by parameters. */
type Memo<E> = Map<object, Map<string, E>>;

function memoized<E>(memo: Memo<E>, preparation: object, params: MeasureParams, prepare: () => E): E {
  let byParams = memo.get(preparation);
  if (!byParams) memo.set(preparation, (byParams = new Map()));
  const key = JSON.stringify(params);
  let evaluator = byParams.get(key);
  if (evaluator === undefined) byParams.set(key, (evaluator = prepare()));
  return evaluator;
}
