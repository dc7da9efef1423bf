/**
 * What the workbook renders, as one small interface: the sheet writers read only this, so a
 * new shared view model plugs in by rewriting `workbookView` alone. Values stay numbers (the
 * workbook stores them with number formats); words come from the shared view model, so the
 * workbook says what the page and the email say.
 */
import type { RagStatus, Unit } from '../pack/pack-types';
import { formatValue } from '../pack/format';
import type { DataQuality, Period, Problem } from '../types';
import type { RenderMeta } from './render-types';
import type { CommentState, DefinitionView, MethodView, PackView, RowView, StatusChange } from './view-model';

export interface WorkbookStatus {
  status: RagStatus;
  label: string;
  /** ARGB fill, null for none; `font` is the text colour on it. */
  fill: string | null;
  font: string;
  /** The full reason, kept as the cell note. */
  reason: string;
  /** The value against the target, printed in the row: "94.8% — below 95%". */
  versus: string;
}

export interface WorkbookRow {
  code: string;
  title: string;
  corporatePlan: boolean;
  unit: Unit;
  decimals: number;
  priorYear: number | null;
  months: Array<number | null>;
  ytd: number | null;
  target: number | null;
  /** The projected year end (a count), or null for a row that has none (its cell stays empty). */
  projection: number | null;
  /** The published comparators, or null for a row that has none (its cells stay empty). */
  benchmark: WorkbookBenchmark | null;
  status: WorkbookStatus;
  /** Arrow and words, e.g. "↓ Down, better". */
  direction: string;
  sparkline: string;
  comment: string | null;
  /** Per value column, the mark of a cell measured under an earlier definition ('' when not): view-model.ts. */
  marks: RowView['marks'];
  /** What the marks mean (null when nothing is marked). */
  footnote: string | null;
}

/** A published figure is stored as a number; one DfE did not publish as its words ("suppressed (x)"), never 0. */
export interface WorkbookBenchmark {
  england: number | string;
  neighboursMean: number | string;
  /** e.g. "30–60". */
  neighboursRange: string;
  /** e.g. "Bottom quartile". */
  quartile: string;
}

export interface WorkbookComment {
  text: string;
  state: CommentState;
}

export interface WorkbookSection {
  id: string;
  title: string;
  rows: WorkbookRow[];
  performance: WorkbookComment;
  service: WorkbookComment;
}

export interface WorkbookProblem {
  severity: string;
  kind: string;
  table: string;
  /** The extract's spreadsheet row, header = 1. */
  row: number | null;
  column: string;
  value: string;
  message: string;
}

export interface WorkbookQuality {
  counts: Array<{ kind: string; severity: string; total: number; listed: number; unlisted: number }>;
  problems: WorkbookProblem[];
  /** How many problems of each kind are listed at most (the reader's cap). */
  listedPerKind: number;
}

/** One indicator that needs attention, with one line of why. */
export interface AttentionItem {
  row: WorkbookRow;
  why: string;
  /** Where the authority sits among the published figures, with its label; null without a benchmark. */
  standing: string | null;
}

export interface WorkbookView {
  authority: string;
  title: string;
  period: Period;
  /** e.g. "November 2013": printed in every sheet's header. */
  periodTitle: string;
  financialYear: string;
  priorYearLabel: string;
  monthLabels: string[];
  /** The optional columns' headers, null when the pack has none of them (no empty columns). */
  projectionLabel: string | null;
  benchmarkLabels: PackView['benchmarkLabels'] | null;
  legend: string;
  /** e.g. "3 Red, 1 Amber, 3 Green of 13 indicators". */
  headline: string;
  attention: AttentionItem[];
  changes: StatusChange[];
  previousMonthTitle: string;
  sections: WorkbookSection[];
  definitions: DefinitionView[];
  methods: MethodView[];
  quality: WorkbookQuality;
  meta: RenderMeta;
}

/** Relative difference below which a value is "at" its target (float noise, as rag.ts's boundary). */
const SAME_VALUE = 1e-9;
/** Most decimals added to tell a value from its target in words. */
const MAX_EXTRA_DECIMALS = 3;

/**
 * The value against the target in as few decimals as tell them apart, so 94.8% against 95%
 * reads "94.8% — below 95%" where both would print as 95%.
 */
export function versusTarget(row: RowView): string {
  const { indicator } = row;
  const value = indicator.ytd.value;
  const target = indicator.target;
  if (target === null) return 'No target';
  if (value === null || !Number.isFinite(value)) return 'No data';
  const targetText = formatValue(target, indicator.unit, indicator.decimals);
  const at = Math.abs(value - target) <= SAME_VALUE * Math.max(1, Math.abs(target));
  const relation = at ? 'at' : value > target ? 'above' : 'below';
  let decimals = indicator.unit === 'count' ? 0 : indicator.decimals;
  let valueText = formatValue(value, indicator.unit, decimals);
  while (
    !at &&
    valueText === formatValue(target, indicator.unit, decimals) &&
    decimals < indicator.decimals + MAX_EXTRA_DECIMALS
  ) {
    decimals += 1;
    valueText = formatValue(value, indicator.unit, decimals);
  }
  return `${valueText} — ${relation} ${targetText}`;
}

function workbookBenchmark({ indicator, benchmark: shown }: RowView): WorkbookBenchmark | null {
  const published = indicator.benchmark;
  if (published === null || shown === null) return null;
  return {
    england: published.england.value ?? shown.england,
    neighboursMean: published.neighbours.mean ?? shown.neighboursMean,
    neighboursRange: shown.neighboursRange,
    quartile: shown.quartile,
  };
}

function workbookRow(row: RowView): WorkbookRow {
  const { indicator, rag, trend } = row;
  return {
    code: row.code,
    title: row.title,
    corporatePlan: row.corporatePlan,
    unit: indicator.unit,
    decimals: indicator.decimals,
    priorYear: indicator.priorYear.value,
    months: indicator.months.map((m) => m.value),
    ytd: indicator.ytd.value,
    target: indicator.target,
    projection: indicator.projection?.value ?? null,
    benchmark: workbookBenchmark(row),
    status: {
      status: rag.status,
      label: rag.label,
      fill: rag.fill,
      font: rag.font,
      reason: rag.reason,
      versus: versusTarget(row),
    },
    direction: trend.arrow ? `${trend.arrow} ${trend.words}` : trend.words,
    sparkline: trend.sparkline,
    comment: row.comment,
    marks: row.marks,
    footnote: row.footnote,
  };
}

function workbookQuality(dataQuality: DataQuality, listedPerKind: number): WorkbookQuality {
  const problem =
    (severity: string) =>
    (p: Problem): WorkbookProblem => ({
      severity,
      kind: p.kind,
      table: p.table ?? '',
      row: p.row,
      column: p.column ?? '',
      value: p.value ?? '',
      message: p.message,
    });
  return {
    counts: Object.entries(dataQuality.counts)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([kind, c]) => ({
        kind,
        severity: c.severity === 'error' ? 'Error' : 'Warning',
        total: c.total,
        listed: c.listed,
        unlisted: Math.max(0, c.total - c.listed),
      })),
    problems: [...dataQuality.errors.map(problem('Error')), ...dataQuality.warnings.map(problem('Warning'))],
    listedPerKind,
  };
}

/** The workbook's view of the run's one PackView (built once, shared with the page and the email). */
export function workbookView(view: PackView): WorkbookView {
  const sections = view.sections.map((s) => ({
    id: s.id,
    title: s.title,
    rows: s.rows.map(workbookRow),
    performance: { text: s.performance.text, state: s.performance.state },
    service: { text: s.service.text, state: s.service.state },
  }));
  // The selection and order are attention.ts's, as on the page and in the email.
  const rows = new Map(sections.flatMap((s) => s.rows).map((r) => [r.code, r]));
  const attention = view.attention.flatMap((item) => {
    const row = rows.get(item.code);
    const standing = item.standing === null ? null : `${view.standingLabel}: ${item.standing}`;
    return row ? [{ row, why: item.why, standing }] : [];
  });
  const { summary } = view;
  return {
    authority: view.authority,
    title: view.title,
    period: view.period,
    periodTitle: view.periodTitle,
    financialYear: view.financialYear,
    priorYearLabel: view.priorYearLabel,
    monthLabels: view.monthLabels,
    projectionLabel: view.showProjection ? view.projectionLabel : null,
    benchmarkLabels: view.showBenchmarks ? view.benchmarkLabels : null,
    legend: view.corporatePlanLegend,
    headline: `${summary.red} Red, ${summary.amber} Amber, ${summary.green} Green of ${summary.indicators} indicators`,
    attention,
    changes: summary.changes,
    previousMonthTitle: summary.previousMonthTitle,
    sections,
    definitions: view.definitions,
    methods: view.methods,
    quality: workbookQuality(view.dataQuality, view.quality.listedPerKind),
    meta: view.meta,
  };
}
