/** The cells of a Pack sheet indicator row (workbook-pack-sheet.ts), and its comment cells' format. */
import type * as ExcelJS from 'exceljs';
import type { Columns } from './workbook-pack-columns';
import { COMMENT_FILL } from './view-model';
import type { WorkbookRow, WorkbookStatus } from './workbook-view';
import { font, FONTS, solid, THIN_BORDER, writeNumber } from './workbook-style';

/** The prior year, the months, the year to date and the target, each with its mark of an earlier definition. */
export function writeNumbers(row: ExcelJS.Row, cols: Columns, view: WorkbookRow): void {
  const numbers: Array<[number, number | null, string]> = [
    [cols.priorYear, view.priorYear, view.marks.priorYear],
    ...view.months.map((value, i): [number, number | null, string] => [
      cols.firstMonth + i,
      value,
      view.marks.months[i],
    ]),
    [cols.ytd, view.ytd, view.marks.ytd],
    [cols.target, view.target, ''],
  ];
  for (const [c, value, mark] of numbers) {
    const cell = row.getCell(c);
    writeNumber(cell, value, view.unit, view.decimals);
    // Measured under an earlier definition: the mark after the number (in its format), the words in a note.
    if (mark !== '') {
      if (typeof cell.value === 'number') cell.numFmt = `${cell.numFmt}"${mark}"`;
      else cell.value = `-${mark}`; // writeNumber wrote "-": no value
      if (view.footnote !== null) cell.note = view.footnote;
    }
    cell.font = c === cols.ytd ? FONTS.bold : FONTS.body;
    cell.alignment = { horizontal: 'right', vertical: 'top' };
    cell.border = THIN_BORDER;
  }
}

/** The traffic light, with the reason in a note. */
export function writeStatus(rag: ExcelJS.Cell, status: WorkbookStatus): void {
  // The status word, then the value against the target, so equal-looking rows show why they differ.
  const colour = { argb: status.font };
  rag.value = {
    richText: [
      { text: status.label, font: font({ bold: true, color: colour }) },
      { text: `\n${status.versus}`, font: font({ size: 9, color: colour }) },
    ],
  };
  rag.font = font({ bold: true, color: colour });
  if (status.fill) rag.fill = solid(status.fill);
  rag.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  rag.border = THIN_BORDER;
  rag.note = status.reason;
}

/** The direction of travel over the sparkline. */
export function writeTrend(trend: ExcelJS.Cell, view: WorkbookRow): void {
  trend.value = `${view.direction}\n${view.sparkline}`;
  trend.font = FONTS.body;
  trend.alignment = { wrapText: true, vertical: 'top' };
  trend.border = THIN_BORDER;
}

/** A comment cell: yellow, unlocked, Text-formatted. */
export function writeCommentCell(cell: ExcelJS.Cell, text: string, draft: boolean): void {
  // Always a string value with the Text format: never a formula, also after the officer edits it.
  if (text !== '') cell.value = String(text);
  cell.numFmt = '@';
  cell.fill = solid(COMMENT_FILL);
  cell.protection = { locked: false };
  cell.alignment = { wrapText: true, vertical: 'top' };
  cell.border = THIN_BORDER;
  cell.font = draft ? FONTS.draft : FONTS.body;
}
