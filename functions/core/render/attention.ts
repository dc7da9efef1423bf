/**
 * "What needs my attention?" (issue 14): the Red and Amber indicators with their value
 * against target, direction and one line of why, and the changes of status since last
 * month. One pure module for the selection and the wording, so the page, both email bodies
 * and the workbook's Summary sheet say the same thing. Plain data, strings already formatted.
 */
import { previousPeriod } from '../calendar';
import { formatValue } from '../pack/format';
import type { Pack, PackIndicator, RagStatus } from '../pack/pack-types';
import { benchmarkView } from './benchmark-view';
import { monthTitle } from './labels';
import { RAG_STYLES } from './rag-styles';
import { trendText, trendWords } from './trend-words';

export type AttentionStatus = 'red' | 'amber';

export interface AttentionItem {
  code: string;
  title: string;
  /** The title of the section the indicator is in. */
  section: string;
  status: AttentionStatus;
  /** "Red" or "Amber". */
  statusLabel: string;
  /** The year-to-date value as printed (with more decimals when it would print as the target). */
  value: string;
  target: string;
  /** e.g. "94.8% against a target of 95%". */
  versus: string;
  /** e.g. "↓ Down, worse". */
  direction: string;
  /** One line of why, e.g. "94.8% against 95%: higher is better, Amber within 10% below target". */
  why: string;
  /**
   * Where the authority sits among the published figures, e.g. "bottom quartile nationally; neighbours 30–60 per
   * 10,000 (2012/13)"; null without a benchmark.
   */
  standing: string | null;
}

/** The label the renderers put before `standing`. */
export const STANDING_LABEL = 'Published figures';

export interface StatusChange {
  code: string;
  title: string;
  from: string;
  to: string;
  /** "better", "worse" or "" when the two states are not ordered (to or from No data). */
  direction: string;
  /** e.g. "Amber → Red (worse)". */
  text: string;
}

export interface StatusCounts {
  red: number;
  amber: number;
  green: number;
  indicators: number;
  /** e.g. "3 Red, 2 Amber" or "No Red or Amber". */
  headline: string;
}

/** More decimals than the pack's, at most, to tell a value from a target it rounds to. */
const MAX_EXTRA_DECIMALS = 3;

function allIndicators(pack: Pack): Array<{ indicator: PackIndicator; section: string }> {
  return pack.sections.flatMap((s) => s.indicators.map((indicator) => ({ indicator, section: s.title })));
}

/**
 * The year-to-date value as it should be printed beside its target: at the pack's decimals,
 * or with just enough more that a value which is not the target does not print as the
 * target (94.8% rather than "95%" against 95%).
 */
export function ytdAgainstTarget(indicator: PackIndicator): string {
  const { unit, decimals, target } = indicator;
  const value = indicator.ytd.value;
  const show = (v: number | null, d: number) => formatValue(v, unit, d);
  if (value === null || target === null || value === target) return show(value, decimals);
  for (let d = decimals; d <= decimals + MAX_EXTRA_DECIMALS; d++) {
    if (show(value, d) !== show(target, d)) return show(value, d);
  }
  return show(value, decimals + MAX_EXTRA_DECIMALS);
}

/**
 * The reason visible in the row where the printed value equals the printed target
 * (issue 14: "94.8% — below 95%"); '' where the figures speak for themselves.
 */
export function statusNote(indicator: PackIndicator): string {
  const { unit, decimals, target } = indicator;
  const value = indicator.ytd.value;
  if (value === null || target === null) return '';
  const targetText = formatValue(target, unit, decimals);
  if (formatValue(value, unit, decimals) !== targetText) return '';
  const relation = value < target ? 'below' : value > target ? 'above' : 'at';
  return `${ytdAgainstTarget(indicator)} — ${relation} ${targetText}`;
}

function attentionItem(indicator: PackIndicator, section: string, status: AttentionStatus): AttentionItem {
  const value = ytdAgainstTarget(indicator);
  const target = formatValue(indicator.target, indicator.unit, indicator.decimals);
  return {
    code: indicator.code,
    title: indicator.title,
    section,
    status,
    statusLabel: RAG_STYLES[status].label,
    value,
    target,
    versus: `${value} against a target of ${target}`,
    direction: trendText(trendWords(indicator)),
    why: indicator.ragReason,
    standing: benchmarkView(indicator)?.standing ?? null,
  };
}

/** The Red indicators, then the Amber, each in pack order. */
export function attentionList(pack: Pack): AttentionItem[] {
  const all = allIndicators(pack);
  return (['red', 'amber'] as const).flatMap((status) =>
    all.filter(({ indicator }) => indicator.rag === status).map((e) => attentionItem(e.indicator, e.section, status)),
  );
}

/** Statuses that judge a value against a target; the others have no target to change against. */
const HAS_TARGET: Record<RagStatus, boolean> = {
  red: true,
  amber: true,
  green: true,
  'no-data': true,
  'data-only': false,
  none: false,
};
const RAG_ORDER: Partial<Record<RagStatus, number>> = { red: 0, amber: 1, green: 2 };

function statusChange(indicator: PackIndicator): StatusChange | null {
  const { previousRag, rag } = indicator;
  if (previousRag === rag || !HAS_TARGET[previousRag] || !HAS_TARGET[rag]) return null;
  const from = RAG_ORDER[previousRag];
  const to = RAG_ORDER[rag];
  const direction = from === undefined || to === undefined ? '' : to > from ? 'better' : 'worse';
  const fromLabel = RAG_STYLES[previousRag].label;
  const toLabel = RAG_STYLES[rag].label;
  return {
    code: indicator.code,
    title: indicator.title,
    from: fromLabel,
    to: toLabel,
    direction,
    text: `${fromLabel} → ${toLabel}${direction ? ` (${direction})` : ''}`,
  };
}

/** Changes of status since last month, not counting a change to or from a month with no target. */
export function statusChanges(pack: Pack): StatusChange[] {
  return allIndicators(pack)
    .map(({ indicator }) => statusChange(indicator))
    .filter((c): c is StatusChange => c !== null);
}

/** "October 2013" for a November pack: the month the changes are counted from. */
export function previousMonthTitle(pack: Pack): string {
  return monthTitle(previousPeriod(pack.period));
}

export function statusCounts(pack: Pack): StatusCounts {
  const all = allIndicators(pack);
  const count = (status: RagStatus) => all.filter(({ indicator }) => indicator.rag === status).length;
  const red = count('red');
  const amber = count('amber');
  const parts = [red > 0 ? `${red} Red` : '', amber > 0 ? `${amber} Amber` : ''].filter((p) => p !== '');
  return {
    red,
    amber,
    green: count('green'),
    indicators: all.length,
    headline: parts.length > 0 ? parts.join(', ') : 'No Red or Amber',
  };
}
