/**
 * The Pack sheet's columns: A, hidden, holds the comment markers; then PI, Indicator, the prior year, the published
 * figures (England, the neighbours' mean and range, the quartile) when any row has them, the months, the year to
 * date, the projected year end when any row has one, the target, the traffic light, the trend and the comment. The
 * optional columns appear only when some row fills them, so a pack without benchmarks has no empty columns.
 */
import type * as ExcelJS from 'exceljs';
import { COMMENT_HEADER } from './comment-markers';
import { FONTS, THIN_BORDER, writeNumber } from './workbook-style';
import type { WorkbookRow, WorkbookView } from './workbook-view';

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

function writeFigure(cell: ExcelJS.Cell, value: number | string, view: WorkbookRow): void {
  // A figure DfE did not publish keeps its words ("suppressed (x)"), never a 0.
  if (typeof value === 'number') writeNumber(cell, value, view.unit, view.decimals);
  else cell.value = value;
}

/** The projection's and the published figures' cells of one row; a row without them leaves them empty. */
export function writeContextCells(row: ExcelJS.Row, view: WorkbookRow, cols: Columns): void {
  const cells: ExcelJS.Cell[] = [];
  if (cols.projection !== null) {
    const cell = row.getCell(cols.projection);
    if (view.projection !== null) writeNumber(cell, view.projection, 'count', 0);
    cells.push(cell);
  }
  if (cols.benchmark !== null) {
    const at = cols.benchmark;
    const [england, mean, range, quartile] = [at.england, at.mean, at.range, at.quartile].map((c) => row.getCell(c));
    if (view.benchmark !== null) {
      writeFigure(england, view.benchmark.england, view);
      writeFigure(mean, view.benchmark.neighboursMean, view);
      range.value = view.benchmark.neighboursRange;
      quartile.value = view.benchmark.quartile;
    }
    cells.push(england, mean, range, quartile);
  }
  for (const cell of cells) {
    cell.font = FONTS.body;
    cell.alignment = { horizontal: 'right', vertical: 'top', wrapText: true };
    cell.border = THIN_BORDER;
  }
}
