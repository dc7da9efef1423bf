/** The phrases the drafted sentences share (the seed's officers' wording). */
import { formatNumber, formatValue } from '../../pack/format';
import { UNIT_SUFFIX } from '../../pack/published-format';
import type { Cell } from '../../pack/pack-types';
import type { DraftContext, DraftFigures } from './measure';

export const n = (value: number | null): string => formatNumber(value ?? 0, 0);
export const children = (count: number | null): string => `${n(count)} ${count === 1 ? 'child' : 'children'}`;
export const plans = (count: number | null): string => `${n(count)} ${count === 1 ? 'plan' : 'plans'}`;
export const outOf = (cell: Cell): string => `${n(cell.numerator)} out of ${n(cell.denominator)}`;
export const percentOf = (figures: DraftFigures, cell: Cell): string =>
  formatValue(cell.value, 'percent', figures.decimals);
export const rateOf = (figures: DraftFigures, cell: Cell): string => formatValue(cell.value, 'rate', figures.decimals);
export const atEnd = (context: DraftContext): string => `As at the end of ${context.monthName}`;
export const soFar = (context: DraftContext): string => `in ${context.financialYear} so far`;

/**
 * A projection as a person would say it: to the nearest 10 from 100 up ("around 220"), else to the nearest whole
 * number. The projection is an estimate; its units digit is noise (docs/OUTPUTS.md, "Year-end projection").
 */
export function around(value: number): string {
  return value >= 100 ? formatNumber(Math.round(value / 10) * 10, 0) : formatNumber(value, 0);
}

/**
 * The seed's sentence about the year end, e.g. " On current trends around 220 plans will start in 2013/14, against
 * 351 in 2012/13." (with its leading space), or '' without a projection. Nothing is said when the projection is the
 * year to date itself (March, when the year is complete, or none so far): there is no trend to speak of.
 */
export function onCurrentTrends(figures: DraftFigures, context: DraftContext, willHappen: string): string {
  const { projection, priorYear } = figures;
  if (!projection || projection.value === figures.ytd.value) return '';
  const against =
    priorYear?.value != null && context.priorYear ? `, against ${n(priorYear.value)} in ${context.priorYear}` : '';
  return ` On current trends around ${around(projection.value)} ${willHappen} in ${context.financialYear}${against}.`;
}

/**
 * The seed's sentence about where the authority stands, e.g. " Statistical neighbours ranged between 30.2 and 60.1
 * per 10,000 in 2012/13; England 37.9." (with its leading space), or '' without published figures.
 */
export function publishedComparison(figures: DraftFigures): string {
  const { benchmark, unit, decimals } = figures;
  if (!benchmark) return '';
  const { min, max } = benchmark.neighbours;
  const show = (value: number) => formatValue(value, unit, decimals);
  const neighbours =
    min !== null && max !== null
      ? `Statistical neighbours ranged between ${show(min)} and ${show(max)}${UNIT_SUFFIX[unit]} in ${benchmark.year}`
      : null;
  const england = benchmark.england.value === null ? null : show(benchmark.england.value);
  if (neighbours !== null) return ` ${neighbours}${england === null ? '' : `; England ${england}`}.`;
  return england === null ? '' : ` In ${benchmark.year} England's figure was ${england}${UNIT_SUFFIX[unit]}.`;
}
