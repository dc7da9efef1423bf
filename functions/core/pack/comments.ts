/**
 * Section and indicator comments (interfaces.md, Comments): supplied comments win;
 * without a supplied performance comment one is drafted from the month's numbers and
 * marked as a draft; the service comment stays empty (shown as a placeholder) until
 * supplied.
 */
import type { MeasureName } from '../config/pack-config';
import { formatNumber, formatValue } from './format';
import type { Cell, CommentsFile, PackIndicator, SectionComments } from './pack-types';

export interface DraftContext {
  /** e.g. "November" */
  monthName: string;
  /** e.g. "2013/14" */
  financialYear: string;
  authority: string;
}

/** What a drafted sentence needs to know about one row. */
export interface DraftRow {
  measure: MeasureName;
  unit: PackIndicator['unit'];
  decimals: number;
  month: Cell;
  ytd: Cell;
  windowDays: number | undefined;
}

const n = (value: number | null): string => formatNumber(value ?? 0, 0);
const children = (count: number | null): string => `${n(count)} ${count === 1 ? 'child' : 'children'}`;
const plans = (count: number | null): string => `${n(count)} ${count === 1 ? 'plan' : 'plans'}`;

function outOf(cell: Cell): string {
  return `${n(cell.numerator)} out of ${n(cell.denominator)}`;
}

function percentOf(row: DraftRow, cell: Cell): string {
  return formatValue(cell.value, 'percent', row.decimals);
}

/** One sentence about a row, in the words the seed's officers used. */
export function draftSentence(row: DraftRow, context: DraftContext): string {
  const { monthName: month, financialYear: year, authority } = context;
  const atEnd = `As at the end of ${month}`;
  const soFar = `in ${year} so far`;
  const { month: m, ytd: y } = row;
  switch (row.measure) {
    case 'cp_children':
      return `${atEnd} ${children(m.value)} ${m.value === 1 ? 'was' : 'were'} subject to a child protection plan.`;
    case 'cp_rate':
      return (
        `${atEnd} the rate of children subject to a child protection plan was ` +
        `${formatValue(m.value, 'rate', row.decimals)} per 10,000 (${children(m.numerator)}).`
      );
    case 'cla_rate':
      return (
        `${atEnd} the rate of children in care was ` +
        `${formatValue(m.value, 'rate', row.decimals)} per 10,000 (${children(m.numerator)}).`
      );
    case 'cp_starts':
      return `In ${month} ${plans(m.value)} started, ${n(y.value)} ${soFar}.`;
    case 'cp_ends':
      return `In ${month} ${plans(m.value)} ended, ${n(y.value)} ${soFar}.`;
    case 'cp_ended_2y_pct':
      return (
        `Of the plans ending, ${outOf(m)} in ${month} and ${outOf(y)} ` +
        `(${percentOf(row, y)}) ${soFar} had lasted two years or more.`
      );
    case 'cp_open_2y_pct':
      return `${atEnd} ${outOf(m)} open plans (${percentOf(row, m)}) had lasted two years or more.`;
    case 'cp_repeat_pct':
      return (
        `Of the plans starting, ${outOf(m)} in ${month} and ${outOf(y)} (${percentOf(row, y)}) ` +
        `${soFar} were a child's second or subsequent plan.`
      );
    case 'cp_moved_in':
      return (
        `In ${month} ${children(m.value)} moved to ${authority} ` +
        `on a child protection plan, ${n(y.value)} ${soFar}.`
      );
    case 'cp_moved_out':
      return (
        `In ${month} ${children(m.value)} moved out of ${authority} ` +
        `on a child protection plan, ${n(y.value)} ${soFar}.`
      );
    case 'cp_reviews_timely_pct':
      return `${atEnd} ${outOf(m)} CP cases were reviewed within required timescales.`;
    case 'cp_visits_timely_pct':
      return `${atEnd} ${outOf(m)} children on CP plans had been visited within the last ${row.windowDays ?? 28} days.`;
    case 'cin_visits_timely_pct':
      return `${atEnd} ${outOf(m)} children in need had been visited within the last ${row.windowDays ?? 42} days.`;
  }
}

/** The drafted performance comment: one paragraph (blank-line separated, as renderers split them) per row. */
export function draftPerformanceComment(rows: DraftRow[], context: DraftContext): string {
  return rows.map((row) => draftSentence(row, context)).join('\n\n');
}

/** Supplied text, or null when missing or blank (or not text at all). */
function supplied(textValue: unknown): string | null {
  const trimmed = typeof textValue === 'string' ? textValue.trim() : '';
  return trimmed ? trimmed : null;
}

/** A record's own entry: a code like "constructor" must not find Object.prototype's. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function sectionComments(
  sectionId: string,
  rows: DraftRow[],
  context: DraftContext,
  file: CommentsFile | null | undefined,
): SectionComments {
  const given = own(file?.sections, sectionId);
  const performance = supplied(given?.performance);
  return {
    performance:
      performance !== null
        ? { text: performance, draft: false }
        : { text: draftPerformanceComment(rows, context), draft: true },
    service: { text: supplied(given?.service) },
  };
}

export function indicatorComment(code: string, file: CommentsFile | null | undefined): string | null {
  return supplied(own(file?.indicators, code));
}
