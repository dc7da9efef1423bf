/**
 * Computes the pack (docs/OUTPUTS.md) from one extract and configuration: every column of
 * every row, the target, the traffic light (this month and last), the trend and the
 * comments. Pure and deterministic: the same inputs give the same pack, key for key.
 */
import { isPeriod, monthName } from '../calendar';
import type { IndicatorConfig, PackConfig, SectionConfig } from '../config/pack-config';
import { UserError } from '../errors';
import { withWarnings } from '../extract/problems';
import { cellOf } from '../measures/cells';
import { ExtractIndex } from '../measures/extract-index';
import { MeasureCache, type PreparedMeasure } from '../measures/measure-cache';
import { PopulationLookup } from '../measures/population';
import type { DataQuality, Extract, Period, Problem } from '../types';
import { allColumns, planColumns, type Column, type ColumnPlan } from './columns';
import { indicatorComment, sectionComments, type DraftContext, type DraftRow } from './comments';
import type { Cell, CommentsFile, Pack, PackIndicator, PackSection } from './pack-types';
import { judgeRag, targetFor } from './rag';
import { trendOf } from './trend';

export { serializePack } from './serialize';

export interface BuildPackInput {
  extract: Extract;
  config: PackConfig;
  period: Period;
  /** The reader's data-quality report; computation warnings (e.g. population fallback) are added to it. */
  quality: DataQuality;
  /** Supplied comments for the period, if any. */
  comments?: CommentsFile | null;
}

/** Everything shared by the rows of one pack. */
interface PackContext {
  columns: ColumnPlan;
  measures: MeasureCache;
  population: PopulationLookup;
  comments: CommentsFile | null;
  /** One warning per indicator whose measure this extract cannot give. */
  unavailable: Problem[];
}

/** A cell that cannot be known: no value, no figures to show (never 0). */
const NO_CELL: Cell = { value: null, numerator: null, denominator: null };

function evaluate(measure: PreparedMeasure, column: Column, population: PopulationLookup): Cell {
  if (measure.kind === 'unavailable') return { ...NO_CELL };
  const tally = measure.kind === 'snapshot' ? measure.at(column.to) : measure.over(column.from, column.to);
  return cellOf(measure.unit, tally, measure.unit === 'rate' ? population.forDay(column.to) : null);
}

function buildIndicator(indicator: IndicatorConfig, context: PackContext): PackIndicator {
  const { columns, population } = context;
  const measure = context.measures.get(indicator.measure, indicator.params);
  const ytd = evaluate(measure, columns.ytd, population);
  const months = columns.months.map((month) => ({ period: month.period, ...evaluate(measure, month, population) }));
  const thisMonth = months[months.length - 1];
  const lastMonth = evaluate(measure, columns.previousMonth, population);
  const previousYtd = evaluate(measure, columns.previousYtd, population);
  const rule = indicator.rag;
  const target = targetFor(rule, columns.ytd.financialYear);
  const judge = (value: number | null, financialYear: string) =>
    judgeRag({
      value,
      target: targetFor(rule, financialYear),
      rule,
      dataOnly: indicator.dataOnly,
      unit: measure.unit,
      decimals: indicator.decimals,
      financialYear,
    });
  const now = judge(ytd.value, columns.ytd.financialYear);
  const polarity = rule?.polarity ?? null;
  const unavailable = measure.kind === 'unavailable' ? measure.reason : null;
  if (measure.kind === 'unavailable') {
    context.unavailable.push({
      kind: 'measure-unavailable',
      table: measure.missing?.table ?? null,
      row: null,
      column: measure.missing?.column ?? null,
      value: indicator.code,
      message: `${indicator.code} (${indicator.title}) shows No data: ${measure.reason}.`,
    });
  }
  return {
    code: indicator.code,
    title: indicator.title,
    measure: indicator.measure,
    unit: measure.unit,
    decimals: indicator.decimals,
    corporatePlan: indicator.corporatePlan,
    dataOnly: indicator.dataOnly,
    polarity,
    priorYear: evaluate(measure, columns.priorYear, population),
    months,
    ytd,
    target,
    rag: unavailable === null ? now.status : 'no-data',
    ragReason: unavailable === null ? now.reason : `No data: ${unavailable}`,
    previousRag: unavailable === null ? judge(previousYtd.value, columns.previousYtd.financialYear).status : 'no-data',
    trend: trendOf(thisMonth.value, lastMonth.value, polarity, target),
    comment: indicatorComment(indicator.code, context.comments),
    unavailable,
  };
}

function buildSection(section: SectionConfig, context: PackContext, draft: DraftContext): PackSection {
  const indicators = section.indicators.map((indicator) => buildIndicator(indicator, context));
  const rows: DraftRow[] = indicators.map((row, i) => ({
    code: row.code,
    unavailable: row.unavailable,
    measure: row.measure,
    unit: row.unit,
    decimals: row.decimals,
    month: row.months[row.months.length - 1],
    ytd: row.ytd,
    params: section.indicators[i].params,
  }));
  return {
    id: section.id,
    title: section.title,
    comments: sectionComments(section.id, rows, draft, context.comments),
    indicators,
  };
}

export function buildPack(input: BuildPackInput): Pack {
  const { config, period } = input;
  if (!isPeriod(period)) throw new UserError(`The reporting period "${period}" is not a month like 2013-11.`);
  const columns = planColumns(period, config.monthsShown);
  const context: PackContext = {
    columns,
    measures: new MeasureCache(new ExtractIndex(input.extract), allColumns(columns)),
    population: new PopulationLookup(config.population),
    comments: input.comments ?? null,
    unavailable: [],
  };
  const draft: DraftContext = {
    monthName: monthName(period),
    financialYear: columns.financialYear,
    authority: config.authority,
  };
  const sections = config.sections.map((section) => buildSection(section, context, draft));
  return {
    authority: config.authority,
    title: config.title,
    period,
    financialYear: columns.financialYear,
    priorYear: columns.priorYearLabel,
    months: columns.months.map((month) => month.period),
    sections,
    dataQuality: withWarnings(input.quality, [...context.population.warnings(), ...context.unavailable]),
  };
}
