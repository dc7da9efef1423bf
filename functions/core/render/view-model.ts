/**
 * Turns a computed Pack into display-ready text shared by every renderer (page, email,
 * plain text, workbook), so they all show the same words and the same rounding. Built once
 * per run (functions/run/pack-steps.ts) and handed to each renderer. Numbers are formatted
 * only through format.ts.
 */
import type { MeasureName } from '../config/pack-config';
import { monthName } from '../calendar';
import { formatValue } from '../pack/format';
import { measureOf } from '../measures/registry';
import type { Pack, PackIndicator, PackSection, RagStatus } from '../pack/pack-types';
import type { DataQuality, Period } from '../types';
import { aboutView, type AboutView } from './about-view';
import {
  attentionList,
  previousMonthTitle,
  statusChanges,
  statusCounts,
  statusNote,
  type AttentionItem,
  type StatusChange,
} from './attention';
import { commentView, PERFORMANCE_PLACEHOLDER, SERVICE_PLACEHOLDER, type CommentView } from './comments-view';
import { monthLabel, monthTitle } from './labels';
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
  rag: RagView;
  /** The reason shown in the row: "94.8% — below 95%" where the figures print alike, or why there is no data. */
  note: string;
  trend: TrendView;
  comment: string | null;
  /** The source indicator, for renderers that store numbers (the workbook). */
  indicator: PackIndicator;
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

export interface DefinitionView {
  measure: MeasureName;
  codes: string;
  text: string;
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
  attention: AttentionItem[];
  sections: SectionView[];
  summary: SummaryView;
  quality: QualityView;
  /** The extract's problems as computed, for renderers that store numbers (the workbook). */
  dataQuality: DataQuality;
  definitions: DefinitionView[];
  corporatePlanLegend: string;
  corporatePlanMark: string;
  workbookName: string;
  about: AboutView;
  meta: RenderMeta;
}

function ragView(status: RagStatus, reason: string): RagView {
  const style = RAG_STYLES[status];
  return { status, label: style.label, css: style.css, reason, fill: style.fill, font: style.font };
}

function rowView(indicator: PackIndicator, monthLabels: string[]): RowView {
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
    rag: unavailable === null ? ragView(indicator.rag, indicator.ragReason) : ragView('no-data', unavailable),
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
    indicator,
  };
}

function sectionView(section: PackSection, monthLabels: string[], month: string): SectionView {
  const { performance, service } = section.comments;
  return {
    id: section.id,
    title: section.title,
    rows: section.indicators.map((i) => rowView(i, monthLabels)),
    performance: commentView(performance.text, performance.draft, PERFORMANCE_PLACEHOLDER, month),
    service: commentView(service.text, false, SERVICE_PLACEHOLDER, month),
    hasCorporatePlan: section.indicators.some((i) => i.corporatePlan),
  };
}

function definitionsView(pack: Pack): DefinitionView[] {
  const codes = new Map<MeasureName, string[]>();
  for (const section of pack.sections)
    for (const i of section.indicators) codes.set(i.measure, [...(codes.get(i.measure) ?? []), i.code]);
  return [...codes].map(([measure, list]) => ({
    measure,
    codes: list.join(', '),
    text: measureOf(measure).definition,
  }));
}

export function buildPackView(pack: Pack, meta: RenderMeta): PackView {
  const monthLabels = pack.months.map(monthLabel);
  const month = monthName(pack.period);
  return {
    authority: pack.authority,
    title: pack.title,
    period: pack.period,
    periodTitle: monthTitle(pack.period),
    financialYear: pack.financialYear,
    priorYearLabel: pack.priorYear,
    ytdLabel: `${pack.financialYear} YTD`,
    monthLabels,
    attention: attentionList(pack),
    sections: pack.sections.map((s) => sectionView(s, monthLabels, month)),
    summary: { ...statusCounts(pack), changes: statusChanges(pack), previousMonthTitle: previousMonthTitle(pack) },
    quality: qualityView(pack.dataQuality),
    dataQuality: pack.dataQuality,
    definitions: definitionsView(pack),
    corporatePlanLegend: CORPORATE_PLAN_LEGEND,
    corporatePlanMark: CORPORATE_PLAN_MARK,
    workbookName: meta.workbookName,
    about: aboutView(meta),
    meta,
  };
}
