/**
 * The trend of a row: month p against month p − 1, and whether the move is better given
 * the polarity (docs/OUTPUTS.md, "Trend"). Unrounded values are compared, as for RAG.
 */
import type { PackIndicator, Trend } from './pack-types';

/** Treats values equal to within float noise (e.g. 100 × 1/3 against 100 × 2/6) as level. */
const LEVEL_EPSILON = 1e-9;

export function trendOf(
  current: number | null,
  previous: number | null,
  polarity: PackIndicator['polarity'],
  target: number | null,
): Trend {
  if (current === null || previous === null) return { direction: null, better: null };
  const difference = current - previous;
  if (Math.abs(difference) <= LEVEL_EPSILON * Math.max(1, Math.abs(previous)))
    return { direction: 'level', better: null };
  const direction = difference > 0 ? 'up' : 'down';
  switch (polarity) {
    case 'higher':
      return { direction, better: direction === 'up' };
    case 'lower':
      return { direction, better: direction === 'down' };
    case 'band': {
      if (target === null) return { direction, better: null };
      const closer = Math.abs(previous - target) - Math.abs(current - target);
      if (Math.abs(closer) <= LEVEL_EPSILON * Math.max(1, Math.abs(target))) return { direction, better: null };
      return { direction, better: closer > 0 };
    }
    case null:
      return { direction, better: null };
  }
}
