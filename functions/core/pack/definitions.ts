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
import type { PackDefinition } from './pack-types';

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

/** "From January 2014" / "Until December 2013": when a definition of a list applies, for readers. */
export function definitionDates(definitions: readonly PackDefinition[], i: number): string {
  const next = definitions[i + 1]?.from ?? null;
  const from = definitions[i].from;
  const named = (period: Period) => `${monthName(period)} ${period.slice(0, 4)}`;
  const until = next === null ? null : named(previousPeriod(next));
  if (from === null) return until === null ? '' : `Until ${until}`;
  return until === null ? `From ${named(from)}` : `From ${named(from)} until ${until}`;
}
