/**
 * The year-end projection as the renderers show it (docs/OUTPUTS.md, "Year-end projection"): a "Projected 2013/14"
 * column when any row has a projection (none otherwise), and the method named in the definitions.
 */
import { monthName } from '../calendar';
import { formatValue } from '../pack/format';
import type { Pack, PackIndicator } from '../pack/pack-types';
import { planColumns } from '../pack/columns';
import type { ProjectionMethod } from '../pack/projection';
import type { MethodView } from './definitions-view';

/** The projection as printed (a count, to the unit), or '' for a row that has none. */
export function projectedText(indicator: PackIndicator): string {
  return indicator.projection === null ? '' : formatValue(indicator.projection.value, indicator.unit, 0);
}

export function hasProjections(pack: Pack): boolean {
  return pack.sections.some((section) => section.indicators.some((indicator) => indicator.projection !== null));
}

function methodText(method: ProjectionMethod, pack: Pack): string {
  const months = `April to ${monthName(pack.period)}`;
  const elapsed = planColumns(pack.period, 1).monthsElapsed;
  if (method === 'last-year-profile')
    return (
      `The year to date scaled by last year's monthly profile: ${pack.financialYear} so far × ${pack.priorYear}'s ` +
      `whole-year total ÷ ${pack.priorYear}'s total for the same months (${months}).`
    );
  return (
    `A straight line: ${pack.financialYear} so far × 12 ÷ ${elapsed} (the months ${months}), where ${pack.priorYear} ` +
    'gives no monthly profile (none counted in its same months).'
  );
}

/** One definition per method used, naming the indicators projected by it. */
export function projectionDefinitions(pack: Pack): MethodView[] {
  const byMethod = new Map<ProjectionMethod, string[]>();
  for (const indicator of pack.sections.flatMap((s) => s.indicators)) {
    if (indicator.projection === null) continue;
    const codes = byMethod.get(indicator.projection.method) ?? [];
    byMethod.set(indicator.projection.method, [...codes, indicator.code]);
  }
  return [...byMethod.entries()].map(([method, codes]) => ({
    name: 'Year-end projection',
    codes: codes.join(', '),
    text: `Projected ${pack.financialYear}: ${methodText(method, pack)}`,
  }));
}
