/**
 * The Pack sheet's columns: A, hidden, holds the comment markers; then PI, Indicator, the prior year, the published
 * figures (England, the neighbours' mean and range, the quartile) when any row has them, the months, the year to
 * date, the projected year end when any row has one, the target, the traffic light, the trend and the comment. The
 * optional columns appear only when some row fills them, so a pack without benchmarks has no empty columns.
 */
import { COMMENT_HEADER } from './comment-markers';
import type { WorkbookView } from './workbook-view';

export interface Column {
  label: string;
  width: number;
  numeric: boolean;
}

/** Column positions (1 = A); an optional column the pack does not show is null. */
export interface Columns {
  marker: number;
  code: number;
  title: number;
  priorYear: number;
  benchmark: { england: number; mean: number; range: number; quartile: number } | null;
  firstMonth: number;
  ytd: number;
  projection: number | null;
  target: number;
  rag: number;
  trend: number;
  comment: number;
  all: Column[];
}

export function columnsFor(view: WorkbookView): Columns {
  const all: Column[] = [];
  // push gives the new length: the added column's position.
  const add = (label: string, width: number, numeric: boolean) => all.push({ label, width, numeric });
  add('', 3, false);
  add('PI', 8.5, false);
  add('Indicator', 30, false);
  const priorYear = add(view.priorYearLabel, 8, true);
  const labels = view.benchmarkLabels;
  const benchmark = labels && {
    england: add(labels.england, 8.5, true),
    mean: add(`${labels.neighbours} mean`, 9, true),
    range: add(`${labels.neighbours} range`, 9.5, false),
    quartile: add(labels.quartile, 9.5, false),
  };
  const firstMonth = all.length + 1;
  for (const label of view.monthLabels) add(label, 7.5, true);
  const ytd = add(`${view.financialYear} YTD`, 8.5, true);
  const projection = view.projectionLabel === null ? null : add(view.projectionLabel, 9, true);
  return {
    marker: 1,
    code: 2,
    title: 3,
    priorYear,
    benchmark,
    firstMonth,
    ytd,
    projection,
    target: add('Target', 7.5, true),
    rag: add('Traffic light', 15, false),
    trend: add('Trend', 11, false),
    comment: add(COMMENT_HEADER, 28, false),
    all,
  };
}

/** Width in units of the columns `from` to `to` (1-based, inclusive). */
export function columnsWidth(cols: Columns, from: number, to = from): number {
  return cols.all.slice(from - 1, to).reduce((sum, c) => sum + c.width, 0);
}
