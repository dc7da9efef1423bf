/**
 * A text sparkline of the months (block characters survive Outlook, Gmail and Excel where
 * images and SVG do not), with its text alternative.
 *
 * The scale is shared and unit-aware (issue 14): a percent on 0–100, a count or rate from 0
 * to the row's highest month. Stretched between its own minimum and maximum, 99% → 97%
 * drew as a collapse; on a zero baseline a 2-point dip is the small step it is.
 */
import { formatValue } from '../pack/format';
import type { PackIndicator, Unit } from '../pack/pack-types';

const SPARK_LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** Shown for a month with no value. */
export const SPARK_GAP = '·';

/** The top of the scale: 100 for a percent, else the highest value shown (at least 0). */
function scaleTop(unit: Unit, present: number[]): number {
  return unit === 'percent' ? 100 : Math.max(0, ...present);
}

export function sparkline(values: ReadonlyArray<number | null>, unit: Unit): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const top = scaleTop(unit, present);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return SPARK_GAP;
      if (top <= 0) return SPARK_LEVELS[0];
      const share = Math.min(1, Math.max(0, v / top));
      return SPARK_LEVELS[Math.round(share * (SPARK_LEVELS.length - 1))];
    })
    .join('');
}

/** "Jun-13 96%, Jul-13 98%, …": the sparkline's text alternative. */
export function sparklineLabel(indicator: PackIndicator, monthLabels: readonly string[]): string {
  return indicator.months
    .map((m, i) => `${monthLabels[i]} ${formatValue(m.value, indicator.unit, indicator.decimals)}`)
    .join(', ');
}
