/** The Pack sheet's columns (workbook-pack-sheet.ts): their labels, widths and positions. */
import { COMMENT_HEADER } from './comment-markers';
import type { WorkbookView } from './workbook-view';

export interface Column {
  label: string;
  width: number;
  numeric: boolean;
}

/** Column positions on the Pack sheet; A is the hidden marker column. */
export interface Columns {
  marker: number;
  code: number;
  title: number;
  priorYear: number;
  firstMonth: number;
  ytd: number;
  target: number;
  rag: number;
  trend: number;
  comment: number;
  all: Column[];
}

export function columnsFor(view: WorkbookView): Columns {
  const all: Column[] = [
    { label: '', width: 3, numeric: false },
    { label: 'PI', width: 8.5, numeric: false },
    { label: 'Indicator', width: 30, numeric: false },
    { label: view.priorYearLabel, width: 8, numeric: true },
    ...view.monthLabels.map((label) => ({ label, width: 7.5, numeric: true })),
    { label: `${view.financialYear} YTD`, width: 8.5, numeric: true },
    { label: 'Target', width: 7.5, numeric: true },
    { label: 'Traffic light', width: 15, numeric: false },
    { label: 'Trend', width: 11, numeric: false },
    { label: COMMENT_HEADER, width: 28, numeric: false },
  ];
  const ytd = 5 + view.monthLabels.length;
  return {
    marker: 1,
    code: 2,
    title: 3,
    priorYear: 4,
    firstMonth: 5,
    ytd,
    target: ytd + 1,
    rag: ytd + 2,
    trend: ytd + 3,
    comment: ytd + 4,
    all,
  };
}

/** Width in units of the columns `from` to `to` (1-based, inclusive). */
export function columnsWidth(cols: Columns, from: number, to = from): number {
  return cols.all.slice(from - 1, to).reduce((sum, c) => sum + c.width, 0);
}
