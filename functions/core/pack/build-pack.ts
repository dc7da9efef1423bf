/**
 * Computes the pack (docs/OUTPUTS.md) from one extract and configuration: every column of
 * every row, the target, the traffic light (this month and last), the trend and the
 * comments. Pure and deterministic: the same inputs give the same pack, key for key.
 */
import {
  benchmarkQuality,
  indicatorBenchmark,
  NO_BENCHMARKS,
  type PackBenchmarkInput,
} from '../benchmarks/pack-benchmarks';
import { isPeriod, monthName } from '../calendar';
import type { IndicatorConfig, PackConfig, SectionConfig } from '../config/pack-config';
import { UserError } from '../errors';
import { withWarnings } from '../extract/problems';
import { cellOf } from '../measures/cells';
import { ExtractIndex } from '../measures/extract-index';
import { MeasureCache, type PreparedMeasure } from '../measures/measure-cache';
import { measureOf } from '../measures/registry';
import { PopulationLookup } from '../measures/population';
import type { DataQuality, Extract, Period, Problem } from '../types';
import { defaultWorkingDays, OutsideWorkingDayCalendarError } from '../working-days';
import { planColumns, type Column, type ColumnPlan } from './columns';
import { definedColumns } from './definitions';
import { indicatorComment, sectionComments, type DraftContext, type DraftRow } from './comments';
import type { Cell, CommentsFile, Pack, PackIndicator, PackSection } from './pack-types';
import { judgeRag, statusChanged, targetFor } from './rag';
import { targetMissingForYear } from './targets';
import { trendOf } from './trend';
import { yearEndProjection } from './year-end';

export { serializePack } from './serialize';

export interface BuildPackInput {
  extract: Extract;
  config: PackConfig;
  period: Period;
  /** The reader's data-quality report; computation warnings (e.g. population fallback) are added to it. */
  quality: DataQuality;
  /** Supplied comments for the period, if any. */
  comments?: CommentsFile | null;
  /** The published figures from `benchmarks/` (docs/BENCHMARKS-DATA.md); none: every benchmark is null. */
  benchmarks?: PackBenchmarkInput;
}

/** Everything shared by the rows of one pack. */
interface PackContext {
  columns: ColumnPlan;
  measures: MeasureCache;
  population: PopulationLookup;
  comments: CommentsFile | null;
  /** One warning per indicator whose measure this extract cannot give. */
  unavailable: Problem[];
  config: PackConfig;
  benchmarks: PackBenchmarkInput;
}

/** A cell that cannot be known: no value, no figures to show (never 0). */
const NO_CELL: Cell = { value: null, numerator: null, denominator: null };

function evaluate(measure: PreparedMeasure, column: Column, population: PopulationLookup): Cell {
  if (measure.kind === 'unavailable') return { ...NO_CELL };
  const tally = measure.kind === 'snapshot' ? measure.at(column.to) : measure.over(column.from, column.to);
  return cellOf(measure.unit, tally, measure.unit === 'rate' ? population.forDay(column.to) : null);
}

/**
 * The indicator's measure under each of its definitions, each prepared for the columns measured under it
 * (definitions.ts); a date the working-day calendar does not cover fails the run, naming the indicator.
 */
function definedMeasure(indicator: IndicatorConfig, context: PackContext) {
  const { definitions, inForce, under } = definedColumns(indicator, context.columns);
  const prepared = new Map<number, PreparedMeasure>();
  for (const [i, columns] of under) {
    try {
      prepared.set(i, context.measures.get(indicator.measure, definitions[i].params, columns));
    } catch (cause) {
      if (!(cause instanceof OutsideWorkingDayCalendarError)) throw cause;
      throw new UserError(`Indicator ${indicator.code} (${indicator.measure}) cannot be computed: ${cause.message}`, {
        cause,
      });
    }
  }
  const at = (column: Column): Cell => {
    const measure = prepared.get(inForce(column));
    if (!measure) throw new Error(`internal: ${indicator.code} was not prepared for a column`);
    return evaluate(measure, column, context.population);
  };
  // Whether the extract can give the measure depends on its columns, not its parameters: one answer for all.
  const missing = [...prepared.values()].find((measure) => measure.kind === 'unavailable') ?? null;
  return { definitions, inForce, at, missing };
}

function buildIndicator(indicator: IndicatorConfig, context: PackContext): PackIndicator {
  const { columns } = context;
  const unit = measureOf(indicator.measure).unit;
  const { definitions, inForce, at, missing: measure } = definedMeasure(indicator, context);
  const ytd = at(columns.ytd);
  const months = columns.months.map((month) => ({ period: month.period, ...at(month) }));
  const thisMonth = months[months.length - 1];
  const lastMonth = at(columns.previousMonth);
  const previousYtd = at(columns.previousYtd);
  // An unavailable measure has no year to date, so no projection.
  const projection = yearEndProjection(indicator.measure, columns, at, ytd);
  const rule = indicator.rag;
  const target = targetFor(rule, columns.ytd.financialYear);
  const judge = (value: number | null, financialYear: string) =>
    judgeRag({
      value,
      target: targetFor(rule, financialYear),
      rule,
      dataOnly: indicator.dataOnly,
      unit,
      decimals: indicator.decimals,
      financialYear,
    });
  const now = judge(ytd.value, columns.ytd.financialYear);
  const polarity = rule?.polarity ?? null;
  // The shown columns' definitions, renumbered in date order.
  const shown = [...new Set([columns.priorYear, ...columns.months, columns.ytd].map(inForce))].sort((a, b) => a - b);
  const position = (column: Column) => shown.indexOf(inForce(column));
  // Month p against p − 1 under two different definitions is no trend: not judged.
  const sameDefinition = inForce(columns.months[columns.months.length - 1]) === inForce(columns.previousMonth);
  const unavailable = measure?.kind === 'unavailable' ? measure.reason : null;
  const rag = unavailable === null ? now.status : 'no-data';
  const previousRag =
    unavailable === null ? judge(previousYtd.value, columns.previousYtd.financialYear).status : 'no-data';
  if (measure?.kind === 'unavailable') {
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
    unit,
    decimals: indicator.decimals,
    corporatePlan: indicator.corporatePlan,
    dataOnly: indicator.dataOnly,
    polarity,
    priorYear: at(columns.priorYear),
    months,
    ytd,
    target,
    targetMissing: targetMissingForYear(rule, columns.ytd.financialYear),
    rag,
    ragReason: unavailable === null ? now.reason : `No data: ${unavailable}`,
    previousRag,
    statusChanged: statusChanged(previousRag, rag),
    trend: sameDefinition
      ? trendOf(thisMonth.value, lastMonth.value, polarity, target)
      : { direction: null, better: null },
    comment: indicatorComment(indicator.code, context.comments),
    benchmark: indicatorBenchmark(indicator, context.config, context.benchmarks, columns.priorYearLabel),
    unavailable,
    projection,
    definitions: shown.map((i) => definitions[i]),
    columnDefinitions: {
      priorYear: position(columns.priorYear),
      months: columns.months.map(position),
      ytd: position(columns.ytd),
    },
  };
}

function buildSection(section: SectionConfig, context: PackContext, draft: DraftContext): PackSection {
  const indicators = section.indicators.map((indicator) => buildIndicator(indicator, context));
  const rows: DraftRow[] = indicators.map((row) => ({
    code: row.code,
    unavailable: row.unavailable,
    measure: row.measure,
    unit: row.unit,
    decimals: row.decimals,
    month: row.months[row.months.length - 1],
    ytd: row.ytd,
    priorYear: row.priorYear,
    projection: row.projection,
    benchmark: row.benchmark,
    params: row.definitions[row.columnDefinitions.ytd].params, // the definition in force at p
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
    measures: new MeasureCache(new ExtractIndex(input.extract), {
      workingDays: defaultWorkingDays(config.closureDays),
    }),
    population: new PopulationLookup(config.population),
    comments: input.comments ?? null,
    unavailable: [],
    config,
    benchmarks: input.benchmarks ?? NO_BENCHMARKS,
  };
  const draft: DraftContext = {
    monthName: monthName(period),
    financialYear: columns.financialYear,
    priorYear: columns.priorYearLabel,
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
    dataQuality: withBenchmarkQuality(
      withWarnings(input.quality, [...context.population.warnings(), ...context.unavailable]),
      config,
      context.benchmarks,
    ),
  };
}

function withBenchmarkQuality(quality: DataQuality, config: PackConfig, benchmarks: PackBenchmarkInput): DataQuality {
  const { info, warnings } = benchmarkQuality(config, benchmarks);
  const added = withWarnings(quality, warnings);
  return { ...added, info: [...(added.info ?? []), ...info] };
}
