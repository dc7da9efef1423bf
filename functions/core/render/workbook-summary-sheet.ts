/**
 * The Summary sheet, first in the workbook: what needs attention. The Red and Amber
 * indicators with their value against target, direction and one line of why, then the
 * changes of status since last month: the same list that opens the page and the email.
 */
import type * as ExcelJS from 'exceljs';
import { font, FONTS, setUpPrinting } from './workbook-style';
import { setWidths, writeLine, writeTable, writeTitle, type TableValue } from './workbook-table';
import type { AttentionItem, WorkbookView } from './workbook-view';

export const SUMMARY_SHEET = 'Summary';

const WIDTHS = [8.5, 34, 11, 10, 10, 16, 50];

function attentionRow({ row, why, standing }: AttentionItem): TableValue[] {
  const number = (value: number | null) => ({ value, unit: row.unit, decimals: row.decimals });
  const { status } = row;
  return [
    row.code,
    row.title,
    { text: status.label, font: font({ bold: true, color: { argb: status.font } }), fill: status.fill },
    number(row.ytd),
    number(row.target),
    row.direction,
    standing === null ? why : `${why}\n${standing}`,
  ];
}

export function summarySheet(workbook: ExcelJS.Workbook, view: WorkbookView): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  setWidths(sheet, WIDTHS);
  let row = writeTitle(sheet, 1, `What needs attention: ${view.periodTitle}`);
  row = writeTitle(sheet, row, `${view.authority} · ${view.title}`, FONTS.bold);
  const titleRows = `1:${row - 1}`;
  row = writeLine(sheet, row, `${view.headline}. The Pack sheet has every indicator and month.`, WIDTHS);
  row += 1;

  row = writeTitle(sheet, row, 'Red and Amber indicators', FONTS.heading);
  if (view.attention.length === 0) row = writeLine(sheet, row, 'No indicator is Red or Amber.', WIDTHS);
  else {
    const labels = ['PI', 'Indicator', 'Status', `${view.financialYear} YTD`, 'Target', 'Direction', 'Why'];
    const columns = labels.map((label, i) => ({ label, width: WIDTHS[i] }));
    row = writeTable(sheet, row, columns, view.attention.map(attentionRow)).next;
  }
  row += 1;

  row = writeTitle(sheet, row, `Changes of status since ${view.previousMonthTitle}`, FONTS.heading);
  if (view.changes.length === 0)
    writeLine(sheet, row, `No indicator changed status since ${view.previousMonthTitle}.`, WIDTHS);
  else {
    const labels = ['PI', 'Indicator', view.previousMonthTitle, view.periodTitle, 'Change'];
    const columns = labels.map((label, i) => ({ label, width: WIDTHS[i] }));
    const rows = view.changes.map((c): TableValue[] => [c.code, c.title, c.from, c.to, c.direction || '-']);
    writeTable(sheet, row, columns, rows);
  }
  setUpPrinting(sheet, { ...view, orientation: 'landscape', titleRows });
}
