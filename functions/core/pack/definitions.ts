/**
 * Dated definition changes (docs/WORKING-DAYS.md, "Dated definition changes"): an
 * indicator's `params` apply until its first `paramsFrom` entry; each entry's `params`
 * replace them whole from its month. A column is measured under the last entry in force at
 * the month of its last day: a month column at its month, the year to date at p, the prior
 * year at the March that ends it (so the prior-year column is the prior year as it was
 * reported at its end), month p − 1 and its year to date at p − 1.
 */
import { monthName, periodOfDay, previousPeriod } from '../calendar';
import type { IndicatorConfig } from '../config/pack-config';
import type { Window } from '../measures/evaluation-days';
import { measureOf } from '../measures/registry';
import type { Period } from '../types';
import { allColumns, type Column, type ColumnPlan } from './columns';
import type { PackDefinition } from './pack-types';
import { projectionColumns } from './year-end';

/** Every configured definition of the indicator, in date order; the first is `params`, in force from the start. */
export function configuredDefinitions(indicator: IndicatorConfig): PackDefinition[] {
  const measure = measureOf(indicator.measure);
  return [
    { from: null, params: indicator.params },
    ...indicator.paramsFrom.map((entry) => ({ from: entry.from, params: entry.params })),
  ].map((definition) => ({ ...definition, text: measure.definition(definition.params) }));
}

/** The position of the definition in force in a month: the last whose `from` is on or before it. */
export function definitionInForce(definitions: readonly PackDefinition[], period: Period): number {
  let inForce = 0;
  definitions.forEach((definition, i) => {
    if (definition.from !== null && definition.from <= period) inForce = i;
  });
  return inForce;
}

/** The month a column is measured at: the month of its last day. */
export const columnMonth = (column: Window): Period => periodOfDay(column.to);

/** An indicator's definitions, which is in force at a column, and the columns the pack evaluates under each. */
export interface DefinedColumns {
  definitions: PackDefinition[];
  inForce: (column: Column) => number;
  /** Per definition in force at some column (its position in `definitions`): those columns, repeats included. */
  under: Map<number, Column[]>;
}

/**
 * Every column the pack evaluates the indicator at (the shown ones and a projection's months), by the definition
 * it is measured under: the measure is prepared once per definition, for its columns (build-pack.ts), and reaches
 * back as far as those columns need (reach.ts).
 */
export function definedColumns(indicator: IndicatorConfig, plan: ColumnPlan): DefinedColumns {
  const definitions = configuredDefinitions(indicator);
  const inForce = (column: Column) => definitionInForce(definitions, columnMonth(column));
  const under = new Map<number, Column[]>();
  for (const column of [...allColumns(plan), ...projectionColumns(indicator.measure, plan)]) {
    const i = inForce(column);
    const columns = under.get(i);
    if (columns) columns.push(column);
    else under.set(i, [column]);
  }
  return { definitions, inForce, under };
}

/** "From January 2014" / "Until December 2013": when a definition of a list applies, for readers. */
export function definitionDates(definitions: readonly PackDefinition[], i: number): string {
  const next = definitions[i + 1]?.from ?? null;
  const from = definitions[i].from;
  const named = (period: Period) => `${monthName(period)} ${period.slice(0, 4)}`;
  const until = next === null ? null : named(previousPeriod(next));
  if (from === null) return until === null ? '' : `Until ${until}`;
  return until === null ? `From ${named(from)}` : `From ${named(from)} until ${until}`;
}
