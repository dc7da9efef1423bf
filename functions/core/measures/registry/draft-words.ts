/** The phrases the drafted sentences share (the seed's officers' wording). */
import { formatNumber, formatValue } from '../../pack/format';
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
