/**
 * Display formatting shared by every renderer (docs/OUTPUTS.md, Display). Values are
 * stored unrounded; only this module rounds.
 */
import type { Unit } from './pack-types';

/**
 * Rounds half away from zero to `decimals` places. The tiny relative nudge absorbs
 * binary representation error (e.g. 1.005 × 100 = 100.49999…) so that a value that
 * is a half in decimal rounds away from zero as a person would expect.
 */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled * (1 + 1e-12)) / factor;
  return value < 0 ? -rounded : rounded;
}

function withThousands(integerText: string): string {
  return integerText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with fixed decimals after rounding half away from zero, with thousands separators. */
export function formatNumber(value: number, decimals: number): string {
  const rounded = roundHalfAway(value, decimals);
  const [intPart, fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const sign = rounded < 0 ? '-' : '';
  return sign + withThousands(intPart) + (fraction ? `.${fraction}` : '');
}

/**
 * A value as the pack shows it: counts as integers with thousands separators, rates
 * and percents to the indicator's decimals, percents with `%`, and `-` for no value.
 */
export function formatValue(value: number | null, unit: Unit, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '-';
  switch (unit) {
    case 'count':
      return formatNumber(value, 0);
    case 'rate':
      return formatNumber(value, decimals);
    case 'percent':
      return `${formatNumber(value, decimals)}%`;
  }
}
