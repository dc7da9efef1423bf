/**
 * Prepares the registry's measures for one extract and one pack. A measure is prepared
 * for the columns that use it only (their last days for snapshots, the windows for
 * flows): preparing does the one pass over the data, evaluating a cell is then a lookup.
 * An indicator whose definition changes from a month (`paramsFrom`) asks for each of its
 * definitions with the columns measured under it, so a definition is never evaluated at a
 * day it does not apply to (a working-day window is never asked about a day before the
 * change, which may lie outside the calendar).
 */
import { isoFromDay } from '../calendar';
import type { Unit } from '../pack/pack-types';
import { snapshotDays, type Window } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import {
  measureOf,
  missingColumn,
  unavailableReason,
  type Measure,
  type MeasureName,
  type MissingColumn,
  type PrepareContext,
} from './registry';
import type { FlowEvaluator, SnapshotEvaluator } from './tally';

/** An indicator's parameters as configured; each measure applies its own defaults. */
export type MeasureParams = Readonly<Record<string, unknown>>;

/** A measure ready to give cells, or, when this extract cannot give it, why (in plain words). */
export type PreparedMeasure =
  | { kind: 'snapshot'; unit: Unit; at: SnapshotEvaluator }
  | { kind: 'flow'; unit: Unit; over: FlowEvaluator }
  | { kind: 'unavailable'; unit: Unit; reason: string; missing: MissingColumn | null };

/**
 * Prepares each evaluator once per (measure preparation, parameters, columns), so
 * indicators that share one (cp_children and cp_rate count the same children) share the work.
 */
export class MeasureCache {
  private readonly memo = new Map<object, Map<string, PreparedMeasure>>();

  constructor(
    private readonly index: ExtractIndex,
    private readonly context: PrepareContext,
  ) {}

  /** @param columns every window the measure will be asked about; a snapshot is asked at a window's last day. */
  get(name: MeasureName, params: MeasureParams, columns: readonly Window[]): PreparedMeasure {
    const measure = measureOf(name);
    const reason = unavailableReason(measure, this.index);
    if (reason !== null)
      return { kind: 'unavailable', unit: measure.unit, reason, missing: missingColumn(measure, this.index) };
    this.checkReach(measure, params, columns);
    const resolved = measure.parseParams(params);
    let byKey = this.memo.get(measure.evaluates);
    if (!byKey) this.memo.set(measure.evaluates, (byKey = new Map<string, PreparedMeasure>()));
    const key = JSON.stringify([resolved, columns.map((column) => [column.from, column.to])]);
    const known = byKey.get(key);
    if (known) return { ...known, unit: measure.unit };
    const prepared: PreparedMeasure =
      measure.kind === 'snapshot'
        ? {
            kind: 'snapshot',
            unit: measure.unit,
            at: measure.prepare(this.index, snapshotDays(columns), resolved, this.context),
          }
        : { kind: 'flow', unit: measure.unit, over: measure.prepare(this.index, columns, resolved, this.context) };
    byKey.set(key, prepared);
    return prepared;
  }

  /**
   * A measure that would count rows the reader left out (read with a later reach, or for another pack) would give a
   * plausible, wrong figure: refused, as a fault of the code that read the extract.
   */
  private checkReach(measure: Measure, params: MeasureParams, columns: readonly Window[]): void {
    const { pruned } = this.index.extract;
    if (pruned === undefined || columns.length === 0) return;
    const reach = measure.reachFor(params, columns, this.context);
    for (const { table } of measure.reads) {
      const kept = pruned[table];
      if (kept === undefined) continue;
      const day = reach[table];
      if (day === undefined || day < kept.before)
        throw new Error(
          `internal: ${measure.name} counts ${table} rows from ${day === undefined ? 'any day' : isoFromDay(day)}, ` +
            `but the extract was read keeping them from ${isoFromDay(kept.before)} only`,
        );
    }
  }
}
