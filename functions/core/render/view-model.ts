/**
 * Turns a computed Pack into display-ready text shared by every renderer (page, email,
 * plain text, workbook), so they all show the same words and the same rounding. Numbers
 * are formatted only through format.ts.
 */
import type { MeasureName } from '../config/pack-config';
import { monthName, parsePeriod, previousPeriod } from '../calendar';
import type { DataQuality, Period, Problem } from '../types';
import { MAX_LISTED_PER_KIND } from '../extract/problems';
import { formatValue } from '../pack/format';
import type { Pack, PackIndicator, PackSection, RagStatus, Trend } from '../pack/pack-types';
import { definitionDates } from '../pack/definitions';
import type { RenderMeta } from './render-types';

/** Text shown (and pre-filled in the workbook) where no service comment was supplied. */
export const SERVICE_PLACEHOLDER = 'Service comment to be supplied by the service.';
/** Text shown where neither a performance comment nor a draft exists. */
export const PERFORMANCE_PLACEHOLDER = 'Performance comment to be supplied.';
/** Every placeholder text: the workbook import never takes one of these as a comment. */
export const PLACEHOLDERS: readonly string[] = [SERVICE_PLACEHOLDER, PERFORMANCE_PLACEHOLDER];

export const CORPORATE_PLAN_MARK = '★';
export const CORPORATE_PLAN_LEGEND = `Highlighted PIs (${CORPORATE_PLAN_MARK}) are in the Corporate plan`;

interface RagStyle {
  label: string;
  /** CSS class suffix and a stable name for tests. */
  css: string;
  /**
   * ARGB fill and font colours for the workbook; the HTML's are the same colours in templates/partials/table-css.hbs
   * (keep the two in step).
   */
  fill: string | null;
  font: string;
}

/** Words and colours per status. Contrast of text on fill is at least 4.5:1 (WCAG AA). */
export const RAG_STYLES: Record<RagStatus, RagStyle> = {
  red: { label: 'Red', css: 'red', fill: 'FFC00000', font: 'FFFFFFFF' },
  amber: { label: 'Amber', css: 'amber', fill: 'FFFFC000', font: 'FF000000' },
  green: { label: 'Green', css: 'green', fill: 'FF00B050', font: 'FF000000' },
  'data-only': { label: 'Data Only', css: 'data-only', fill: 'FFD9D9D9', font: 'FF000000' },
  'no-data': { label: 'No data', css: 'no-data', fill: 'FFFFFFFF', font: 'FF595959' },
  none: { label: '-', css: 'none', fill: null, font: 'FF000000' },
};

/** Highlight for corporate-plan rows and for comment cells (ARGB; the HTML's copies are in table-css.hbs). */
export const CORPORATE_PLAN_FILL = 'FFDDEBF7';
export const COMMENT_FILL = 'FFFFF2CC';

/** `2013-06` → `Jun-13`, the seed's column label. */
export function monthLabel(period: Period): string {
  return `${monthName(period).slice(0, 3)}-${String(parsePeriod(period).year % 100).padStart(2, '0')}`;
}

/** `2013-11` → `November 2013`. */
export function monthTitle(period: Period): string {
  return `${monthName(period)} ${parsePeriod(period).year}`;
}

const SPARK_LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * A text sparkline of the months (block characters survive Outlook, Gmail and Excel where
 * images and SVG do not). Scaled between the shown minimum and maximum; a month with no
 * value is a middle dot.
 */
export function sparkline(values: ReadonlyArray<number | null>): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return values.map(() => '·').join('');
  const min = Math.min(...present);
  const span = Math.max(...present) - min;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return '·';
      if (span === 0) return SPARK_LEVELS[3];
      return SPARK_LEVELS[Math.round(((v - min) / span) * (SPARK_LEVELS.length - 1))];
    })
    .join('');
}

export interface TrendView {
  arrow: string;
  /** e.g. "Down, better" or "No trend". */
  words: string;
  sparkline: string;
  /** The months' values in words, for screen readers and the tooltip. */
  sparklineLabel: string;
  css: 'better' | 'worse' | 'neutral';
}

function trendView(trend: Trend, indicator: PackIndicator, monthLabels: string[]): TrendView {
  const arrows = { up: '↑', down: '↓', level: '→' } as const;
  const spark = sparkline(indicator.months.map((m) => m.value));
  const sparklineLabel = indicator.months
    .map((m, i) => `${monthLabels[i]} ${formatValue(m.value, indicator.unit, indicator.decimals)}`)
    .join(', ');
  if (trend.direction === null)
    return { arrow: '', words: 'No trend', sparkline: spark, sparklineLabel, css: 'neutral' };
  const direction = { up: 'Up', down: 'Down', level: 'Level' }[trend.direction];
  const judgement = trend.better === null ? '' : trend.better ? ', better' : ', worse';
  const css = trend.better === null ? 'neutral' : trend.better ? 'better' : 'worse';
  return { arrow: arrows[trend.direction], words: direction + judgement, sparkline: spark, sparklineLabel, css };
}

export interface RagView {
  status: RagStatus;
  label: string;
  css: string;
  reason: string;
  fill: string | null;
  font: string;
}

function ragView(status: RagStatus, reason: string): RagView {
  const style = RAG_STYLES[status];
  return { status, label: style.label, css: style.css, reason, fill: style.fill, font: style.font };
}

export interface RowView {
  code: string;
  title: string;
  measure: MeasureName;
  corporatePlan: boolean;
  priorYear: string;
  months: string[];
  ytd: string;
  target: string;
  rag: RagView;
  trend: TrendView;
  comment: string | null;
  /** Per shown column, DEFINITION_MARK when it was measured under an earlier definition than month p's, else ''. */
  marks: { priorYear: string; months: string[]; ytd: string };
  /** What the marks mean for this row (null when no column is marked). */
  footnote: string | null;
  /** The source indicator, for renderers that store numbers (the workbook). */
  indicator: PackIndicator;
}

/** Marks a cell measured under an earlier definition than the month's (the footnote says which). */
export const DEFINITION_MARK = '†';

function definitionMarks(indicator: PackIndicator, monthLabels: string[], priorYearLabel: string) {
  const { columnDefinitions: used, definitions } = indicator;
  const current = used.ytd;
  const mark = (i: number) => (i === current ? '' : DEFINITION_MARK);
  const marks = { priorYear: mark(used.priorYear), months: used.months.map(mark), ytd: mark(used.ytd) };
  const earlier = definitions.slice(0, current).map((definition, i) => {
    const columns = [
      ...(used.priorYear === i ? [priorYearLabel] : []),
      ...monthLabels.filter((_, m) => used.months[m] === i),
    ];
    const dates = definitionDates(definitions, i).replace(/^[A-Z]/, (initial) => initial.toLowerCase());
    return `${columns.join(', ')} measured under the definition ${dates}: ${definition.text}`;
  });
  const footnote = earlier.length === 0 ? null : `${DEFINITION_MARK} ${earlier.join(' ')}`;
  return { marks, footnote };
}

export type CommentState = 'supplied' | 'draft' | 'placeholder';

export interface CommentView {
  /** The text as shown: the comment, the draft, or the placeholder. */
  text: string;
  paragraphs: string[];
  state: CommentState;
  isDraft: boolean;
  isPlaceholder: boolean;
}

function commentView(text: string | null, draft: boolean, placeholder: string): CommentView {
  const has = text !== null && text.trim() !== '';
  const state: CommentState = !has ? 'placeholder' : draft ? 'draft' : 'supplied';
  const shown = has ? text : placeholder;
  return {
    text: shown,
    paragraphs: shown
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    state,
    isDraft: state === 'draft',
    isPlaceholder: state === 'placeholder',
  };
}

export interface SectionView {
  id: string;
  title: string;
  rows: RowView[];
  performance: CommentView;
  service: CommentView;
  hasCorporatePlan: boolean;
}

export interface StatusChange {
  code: string;
  title: string;
  from: string;
  to: string;
  /** "better", "worse" or "" when the two states are not ordered (e.g. to or from No data). */
  direction: string;
}

export interface SummaryView {
  red: number;
  amber: number;
  green: number;
  indicators: number;
  changes: StatusChange[];
  previousMonthTitle: string;
}

export interface ProblemView {
  severity: string;
  kind: string;
  table: string;
  row: string;
  column: string;
  value: string;
  message: string;
}

export interface KindCountView {
  kind: string;
  severity: string;
  total: string;
  listed: string;
  unlisted: string;
  hasUnlisted: boolean;
}

export interface QualityView {
  errors: ProblemView[];
  warnings: ProblemView[];
  counts: KindCountView[];
  errorTotal: number;
  warningTotal: number;
  /** How many problems of each kind the report lists (the reader's cap). */
  listedPerKind: number;
  isClean: boolean;
}

export interface DefinitionView {
  measure: MeasureName;
  codes: string;
  text: string;
  /** When it applies, "From January 2014" or "Until December 2013"; empty for an indicator's only definition. */
  dates: string;
}

export interface PackView {
  authority: string;
  title: string;
  period: Period;
  periodTitle: string;
  financialYear: string;
  priorYearLabel: string;
  ytdLabel: string;
  monthLabels: string[];
  sections: SectionView[];
  summary: SummaryView;
  quality: QualityView;
  definitions: DefinitionView[];
  corporatePlanLegend: string;
  corporatePlanMark: string;
  meta: RenderMeta;
}

const RAG_ORDER: Partial<Record<RagStatus, number>> = { red: 0, amber: 1, green: 2 };

function statusChange(indicator: PackIndicator): StatusChange | null {
  if (indicator.previousRag === indicator.rag) return null;
  const from = RAG_ORDER[indicator.previousRag];
  const to = RAG_ORDER[indicator.rag];
  const direction = from === undefined || to === undefined ? '' : to > from ? 'better' : 'worse';
  return {
    code: indicator.code,
    title: indicator.title,
    from: RAG_STYLES[indicator.previousRag].label,
    to: RAG_STYLES[indicator.rag].label,
    direction,
  };
}

function summaryView(pack: Pack): SummaryView {
  const all = pack.sections.flatMap((s) => s.indicators);
  const count = (status: RagStatus) => all.filter((i) => i.rag === status).length;
  return {
    red: count('red'),
    amber: count('amber'),
    green: count('green'),
    indicators: all.length,
    changes: all.map(statusChange).filter((c): c is StatusChange => c !== null),
    previousMonthTitle: monthTitle(previousPeriod(pack.period)),
  };
}

function problemView(problem: Problem, severity: string): ProblemView {
  return {
    severity,
    kind: problem.kind,
    table: problem.table ?? '',
    row: problem.row === null ? '' : formatValue(problem.row, 'count', 0),
    column: problem.column ?? '',
    value: problem.value ?? '',
    message: problem.message,
  };
}

export function qualityView(quality: DataQuality): QualityView {
  const counts = Object.entries(quality.counts)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, c]) => {
      const unlisted = Math.max(0, c.total - c.listed);
      return {
        kind,
        severity: c.severity === 'error' ? 'Error' : 'Warning',
        total: formatValue(c.total, 'count', 0),
        listed: formatValue(c.listed, 'count', 0),
        unlisted: formatValue(unlisted, 'count', 0),
        hasUnlisted: unlisted > 0,
      };
    });
  const totalOf = (severity: 'error' | 'warning') =>
    Object.values(quality.counts)
      .filter((c) => c.severity === severity)
      .reduce((sum, c) => sum + c.total, 0);
  const errorTotal = Math.max(totalOf('error'), quality.errors.length);
  const warningTotal = Math.max(totalOf('warning'), quality.warnings.length);
  return {
    errors: quality.errors.map((p) => problemView(p, 'Error')),
    warnings: quality.warnings.map((p) => problemView(p, 'Warning')),
    counts,
    errorTotal,
    warningTotal,
    listedPerKind: MAX_LISTED_PER_KIND,
    isClean: errorTotal === 0 && warningTotal === 0,
  };
}

function rowView(indicator: PackIndicator, monthLabels: string[], priorYearLabel: string): RowView {
  const show = (value: number | null) => formatValue(value, indicator.unit, indicator.decimals);
  return {
    code: indicator.code,
    title: indicator.title,
    measure: indicator.measure,
    corporatePlan: indicator.corporatePlan,
    priorYear: show(indicator.priorYear.value),
    months: indicator.months.map((m) => show(m.value)),
    ytd: show(indicator.ytd.value),
    target: show(indicator.target),
    rag: ragView(indicator.rag, indicator.ragReason),
    trend: trendView(indicator.trend, indicator, monthLabels),
    comment: indicator.comment !== null && indicator.comment.trim() !== '' ? indicator.comment : null,
    ...definitionMarks(indicator, monthLabels, priorYearLabel),
    indicator,
  };
}

function sectionView(section: PackSection, monthLabels: string[], priorYearLabel: string): SectionView {
  return {
    id: section.id,
    title: section.title,
    rows: section.indicators.map((i) => rowView(i, monthLabels, priorYearLabel)),
    performance: commentView(
      section.comments.performance.text,
      section.comments.performance.draft,
      PERFORMANCE_PLACEHOLDER,
    ),
    service: commentView(section.comments.service.text, false, SERVICE_PLACEHOLDER),
    hasCorporatePlan: section.indicators.some((i) => i.corporatePlan),
  };
}

/** One entry per definition, indicators with the same measure and definitions sharing it, each with its dates. */
function definitionsView(pack: Pack): DefinitionView[] {
  const groups = new Map<string, { indicator: PackIndicator; codes: string[] }>();
  for (const section of pack.sections)
    for (const i of section.indicators) {
      const key = JSON.stringify([i.measure, i.definitions.map((d) => [d.from, d.text])]);
      const group = groups.get(key);
      if (group) group.codes.push(i.code);
      else groups.set(key, { indicator: i, codes: [i.code] });
    }
  return [...groups.values()].flatMap(({ indicator, codes }) =>
    indicator.definitions.map((definition, d) => ({
      measure: indicator.measure,
      codes: codes.join(', '),
      text: definition.text,
      dates: definitionDates(indicator.definitions, d),
    })),
  );
}

export function buildPackView(pack: Pack, meta: RenderMeta): PackView {
  const monthLabels = pack.months.map(monthLabel);
  return {
    authority: pack.authority,
    title: pack.title,
    period: pack.period,
    periodTitle: monthTitle(pack.period),
    financialYear: pack.financialYear,
    priorYearLabel: pack.priorYear,
    ytdLabel: `${pack.financialYear} YTD`,
    monthLabels,
    sections: pack.sections.map((s) => sectionView(s, monthLabels, pack.priorYear)),
    summary: summaryView(pack),
    quality: qualityView(pack.dataQuality),
    definitions: definitionsView(pack),
    corporatePlanLegend: CORPORATE_PLAN_LEGEND,
    corporatePlanMark: CORPORATE_PLAN_MARK,
    meta,
  };
}
