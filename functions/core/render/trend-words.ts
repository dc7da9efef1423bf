/**
 * The trend of a row in words, as the reader sees it: month p against month p − 1 as
 * printed. The pack compares unrounded values (indicators.md, "Trend"), so two months both
 * printed as 88 can be "up"; the words then say "Slightly up" rather than contradict the
 * figures beside them (issue 14).
 */
import { formatValue } from '../pack/format';
import type { PackIndicator } from '../pack/pack-types';

export interface TrendWords {
  /** ↑, ↓, → or '' when there is no trend. */
  arrow: string;
  /** e.g. "Down, worse", "Slightly up, worse" or "No trend". */
  words: string;
  css: 'better' | 'worse' | 'neutral';
}

const ARROWS = { up: '↑', down: '↓', level: '→' } as const;
const DIRECTION_WORDS = { up: 'Up', down: 'Down', level: 'Level' } as const;

/** The last two months as printed, or null when the pack has fewer than two months. */
function printedLastTwo(indicator: PackIndicator): [string, string] | null {
  const { months, unit, decimals } = indicator;
  if (months.length < 2) return null;
  const show = (i: number) => formatValue(months[i].value, unit, decimals);
  return [show(months.length - 2), show(months.length - 1)];
}

export function trendWords(indicator: PackIndicator): TrendWords {
  const { direction, better } = indicator.trend;
  if (direction === null) return { arrow: '', words: 'No trend', css: 'neutral' };
  const printed = printedLastTwo(indicator);
  const slight = direction !== 'level' && printed !== null && printed[0] === printed[1];
  const directionWords = slight ? `Slightly ${DIRECTION_WORDS[direction].toLowerCase()}` : DIRECTION_WORDS[direction];
  const judgement = better === null ? '' : better ? ', better' : ', worse';
  const css = better === null ? 'neutral' : better ? 'better' : 'worse';
  return { arrow: ARROWS[direction], words: directionWords + judgement, css };
}

/** "↓ Down, worse", or "No trend". */
export function trendText(trend: TrendWords): string {
  return trend.arrow ? `${trend.arrow} ${trend.words}` : trend.words;
}
