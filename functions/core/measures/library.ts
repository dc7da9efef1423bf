/**
 * The measure library of indicators.md: for each measure name, whether it is a snapshot
 * (evaluated at a date) or a flow (over a window), its unit, and how to prepare its
 * evaluator from the extract's index. Preparing does the one pass over the data;
 * evaluating a cell is then a few binary searches.
 */
import type { IndicatorConfig, MeasureName } from '../config/pack-config';
import type { Unit } from '../pack/pack-types';
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
  prepare(index: ExtractIndex, params: MeasureParams): SnapshotEvaluator;
}

interface FlowDefinition {
  kind: 'flow';
  unit: Unit;
  prepare(index: ExtractIndex, params: MeasureParams): FlowEvaluator;
}

export type MeasureDefinition = SnapshotDefinition | FlowDefinition;

const snapshot = (unit: Unit, prepare: SnapshotDefinition['prepare']): SnapshotDefinition => ({ kind: 'snapshot', unit, prepare });
const flow = (unit: Unit, prepare: FlowDefinition['prepare']): FlowDefinition => ({ kind: 'flow', unit, prepare });

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
  cp_visits_timely_pct: snapshot('percent', (index, params) => cpVisitsTimely(index, params.windowDays)),
  cin_visits_timely_pct: snapshot('percent', (index, params) => cinVisitsTimely(index, params.windowDays)),
};

/**
 * Prepares each evaluator once per (preparation, parameters) for one extract, so
 * indicators that share one (cp_children and cp_rate count the same children) share
 * the work.
 */
export class MeasureCache {
  private readonly snapshots: Memo<SnapshotEvaluator> = new Map();
  private readonly flows: Memo<FlowEvaluator> = new Map();

  constructor(private readonly index: ExtractIndex) {}

  get(measure: MeasureName, params: MeasureParams): PreparedMeasure {
    const definition = MEASURE_DEFINITIONS[measure];
    return definition.kind === 'snapshot'
      ? { kind: 'snapshot', unit: definition.unit, at: memoized(this.snapshots, definition.prepare, this.index, params) }
      : { kind: 'flow', unit: definition.unit, over: memoized(this.flows, definition.prepare, this.index, params) };
  }
}

type Prepare<E> = (index: ExtractIndex, params: MeasureParams) => E;
type Memo<E> = Map<Prepare<E>, Map<string, E>>;

function memoized<E>(memo: Memo<E>, prepare: Prepare<E>, index: ExtractIndex, params: MeasureParams): E {
  let byParams = memo.get(prepare);
  if (!byParams) memo.set(prepare, (byParams = new Map()));
  const key = JSON.stringify(params);
  let evaluator = byParams.get(key);
  if (evaluator === undefined) byParams.set(key, (evaluator = prepare(index, params)));
  return evaluator;
}
