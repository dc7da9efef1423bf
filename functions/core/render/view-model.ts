/**
 * Turns a computed Pack into display-ready text shared by every renderer (page, email,
 * plain text, workbook), so they all show the same words and the same rounding. Built once
 * per run (functions/run/pack-steps.ts) and handed to each renderer. Numbers are formatted
 * only through format.ts.
 */
import type { MeasureName } from '../config/pack-config';
import { monthName } from '../calendar';
import { definitionDates } from '../pack/definitions';
import { formatValue } from '../pack/format';
import type { Pack, PackIndicator, PackSection, RagStatus } from '../pack/pack-types';
import type { DataQuality, Period } from '../types';
import { aboutView, type AboutView } from './about-view';
import {
  benchmarkDefinitions,
  benchmarkView,
  benchmarkYear,
  hasBenchmarks,
  type BenchmarkView,
} from './benchmark-view';
import {
  attentionList,
  previousMonthTitle,
  STANDING_LABEL,
  statusChanges,
  statusCounts,
  statusNote,
  type AttentionItem,
  type StatusChange,
} from './attention';
import { definitionsView, type DefinitionView, type MethodView } from './definitions-view';
import { commentView, PERFORMANCE_PLACEHOLDER, SERVICE_PLACEHOLDER, type CommentView } from './comments-view';
import { monthLabel, monthTitle } from './labels';
import { hasProjections, projectedText, projectionDefinitions } from './projection-view';
import { qualityView, type QualityView } from './quality-view';
import { CORPORATE_PLAN_LEGEND, CORPORATE_PLAN_MARK, RAG_STYLES } from './rag-styles';
import type { RenderMeta } from './render-types';
import { sparkline, sparklineLabel } from './sparkline';
import { trendWords, type TrendWords } from './trend-words';

export { monthLabel, monthTitle } from './labels';
export {
  COMMENT_FILL,
  CORPORATE_PLAN_FILL,
  CORPORATE_PLAN_LEGEND,
  CORPORATE_PLAN_MARK,
  RAG_STYLES,
} from './rag-styles';
export { PERFORMANCE_PLACEHOLDER, PLACEHOLDERS, SERVICE_PLACEHOLDER } from './comments-view';
export type { CommentState, CommentView } from './comments-view';
export { qualityView } from './quality-view';
export type { KindCountView, ProblemView, QualityView } from './quality-view';
export type { StatusChange } from './attention';
export type { BenchmarkView } from './benchmark-view';
export type { DefinitionView, MethodView } from './definitions-view';

export interface TrendView extends TrendWords {
  sparkline: string;
  /** The months' values in words: the sparkline's text alternative. */
  sparklineLabel: string;
}

export interface RagView {
  status: RagStatus;
  label: string;
  css: string;
  reason: string;
  fill: string | null;
  font: string;
}

export interface MonthCellView {
  /** e.g. "Jun-13". */
  label: string;
  /** e.g. "Jun": the compact line's label (the months of one pack are in order, so the year is clear). */
  short: string;
  value: string;
}

export interface RowView {
  code: string;
  title: string;
  measure: MeasureName;
  corporatePlan: boolean;
  priorYear: string;
  months: string[];
  /** The months with their labels, for the compact line under the row. */
  monthCells: MonthCellView[];
  ytd: string;
  target: string;
  /** The projected year end ("221"), or '' for a row that has none. */
  projected: string;
  /** The published comparators as printed, or null: the row shows nothing there. */
  benchmark: BenchmarkView | null;
  rag: RagView;
  /** The reason shown in the row: "94.8% — below 95%" where the figures print alike, or why there is no data. */
  note: string;
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

export interface SectionView {
  id: string;
  title: string;
  rows: RowView[];
  performance: CommentView;
  service: CommentView;
  hasCorporatePlan: boolean;
}

export interface SummaryView {
  red: number;
  amber: number;
  green: number;
  indicators: number;
  /** "3 Red, 2 Amber" or "No Red or Amber". */
  headline: string;
  changes: StatusChange[];
  previousMonthTitle: string;
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
  /** Whether the pack shows the projection column (some row has a projection), and its header. */
  showProjection: boolean;
  projectionLabel: string;
  /** Whether the pack shows the benchmark columns (some row has a benchmark), and their headers' year suffix. */
  showBenchmarks: boolean;
  benchmarkLabels: { england: string; neighbours: string; quartile: string };
  attention: AttentionItem[];
  /** What the attention list's `standing` line is headed with. */
  standingLabel: string;
  sections: SectionView[];
  summary: SummaryView;
  quality: QualityView;
  /** The extract's problems as computed, for renderers that store numbers (the workbook). */
  dataQuality: DataQuality;
  definitions: DefinitionView[];
  /** The projection's and the benchmarks' methods, after the measures' definitions. */
  methods: MethodView[];
  corporatePlanLegend: string;
  corporatePlanMark: string;
  workbookName: string;
  about: AboutView;
  meta: RenderMeta;
}

/** A row whose year has no target though other years have one is labelled with the reason ("No target for 2014/15"). */
function ragView(status: RagStatus, reason: string, targetMissing = false): RagView {
  const style = RAG_STYLES[status];
  const label = status === 'none' && targetMissing ? reason : style.label;
  return { status, label, css: style.css, reason, fill: style.fill, font: style.font };
}

function rowView(
  indicator: PackIndicator,
  monthLabels: string[],
  priorYearLabel: string,
  benchmarkYearInCell: boolean,
): RowView {
  const show = (value: number | null) => formatValue(value, indicator.unit, indicator.decimals);
  // A measure that could not be computed: No data with the reason, visibly in the row.
  const unavailable = indicator.unavailable;
  const months = indicator.months.map((m) => show(m.value));
  return {
    code: indicator.code,
    title: indicator.title,
    measure: indicator.measure,
    corporatePlan: indicator.corporatePlan,
    priorYear: show(indicator.priorYear.value),
    months,
    monthCells: months.map((value, i) => ({ label: monthLabels[i], short: monthLabels[i].slice(0, 3), value })),
    ytd: show(indicator.ytd.value),
    target: show(indicator.target),
    projected: projectedText(indicator),
    benchmark: benchmarkView(indicator, benchmarkYearInCell),
    rag:
      unavailable === null
        ? ragView(indicator.rag, indicator.ragReason, indicator.targetMissing)
        : ragView('no-data', unavailable),
    note: unavailable === null ? statusNote(indicator) : `No data: ${unavailable}`,
    trend: {
      ...trendWords(indicator),
      sparkline: sparkline(
        indicator.months.map((m) => m.value),
        indicator.unit,
      ),
      sparklineLabel: sparklineLabel(indicator, monthLabels),
    },
    comment: indicator.comment !== null && indicator.comment.trim() !== '' ? indicator.comment : null,
    ...definitionMarks(indicator, monthLabels, priorYearLabel),
    indicator,
  };
}

function sectionView(
  section: PackSection,
  monthLabels: string[],
  month: string,
  priorYear: string,
  benchmarkYearInCell: boolean,
): SectionView {
  const { performance, service } = section.comments;
  return {
    id: section.id,
    title: section.title,
    rows: section.indicators.map((i) => rowView(i, monthLabels, priorYear, benchmarkYearInCell)),
    performance: commentView(performance.text, performance.draft, PERFORMANCE_PLACEHOLDER, month),
    service: commentView(service.text, false, SERVICE_PLACEHOLDER, month),
    hasCorporatePlan: section.indicators.some((i) => i.corporatePlan),
  };
}

/** The benchmark columns' headers, with the published year when every benchmark is for one. */
function benchmarkLabels(year: string | null) {
  const suffix = year === null ? '' : ` ${year}`;
  return { england: `England${suffix}`, neighbours: `Neighbours${suffix}`, quartile: 'Quartile' };
}

export function buildPackView(pack: Pack, meta: RenderMeta): PackView {
  const monthLabels = pack.months.map(monthLabel);
  const month = monthName(pack.period);
  // One published year for every benchmark goes in the headers; mixed years are named in each cell.
  const publishedYear = benchmarkYear(pack);
  return {
    authority: pack.authority,
    title: pack.title,
    period: pack.period,
    periodTitle: monthTitle(pack.period),
    financialYear: pack.financialYear,
    priorYearLabel: pack.priorYear,
    ytdLabel: `${pack.financialYear} YTD`,
    monthLabels,
    showProjection: hasProjections(pack),
    projectionLabel: `Projected ${pack.financialYear}`,
    showBenchmarks: hasBenchmarks(pack),
    benchmarkLabels: benchmarkLabels(publishedYear),
    attention: attentionList(pack),
    standingLabel: STANDING_LABEL,
    sections: pack.sections.map((s) => sectionView(s, monthLabels, month, pack.priorYear, publishedYear === null)),
    summary: { ...statusCounts(pack), changes: statusChanges(pack), previousMonthTitle: previousMonthTitle(pack) },
    quality: qualityView(pack.dataQuality),
    dataQuality: pack.dataQuality,
    definitions: definitionsView(pack),
    methods: [...projectionDefinitions(pack), ...benchmarkDefinitions(pack)],
    corporatePlanLegend: CORPORATE_PLAN_LEGEND,
    corporatePlanMark: CORPORATE_PLAN_MARK,
    workbookName: meta.workbookName,
    about: aboutView(meta),
    meta,
  };
}
