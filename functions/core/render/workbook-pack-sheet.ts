/**
 * The Pack sheet, shaped like the seed: title rows and one column header (repeated on every
 * printed page), then one block per section: its indicator rows and its two comment cells.
 * Column A, hidden, holds the markers the comment import finds cells by (comment-markers.ts).
 *
 * Print width: the columns add up to about 160 width units, so the sheet prints on A4
 * landscape at about 90%. The indicator comment column is 28 units wide and wraps, the
 * row growing with what the officer writes; section comments span the whole width.
 */
import type * as ExcelJS from 'exceljs';
import { headerKey, indicatorCommentKey, PACK_SHEET, sectionCommentKey, type CommentField } from './comment-markers';
import { writeCommentCell, writeNumbers, writeStatus, writeTrend } from './workbook-pack-cells';
import { type Columns, columnsFor, columnsWidth } from './workbook-pack-columns';
import { CORPORATE_PLAN_FILL, CORPORATE_PLAN_MARK, type CommentState } from './view-model';
import type { WorkbookComment, WorkbookRow, WorkbookSection, WorkbookView } from './workbook-view';
import { FONTS, HEADER_FILL, rowHeightFor, SECTION_FILL, setUpPrinting, solid, THIN_BORDER } from './workbook-style';

/** What a comment cell was pre-filled with, by marker key (kept on the keys sheet). */
export interface PrefilledComment {
  key: string;
  state: CommentState;
  text: string;
}

const LABELS: Record<CommentField, string> = { performance: 'Performance comment', service: 'Service comment' };

function commentLabel(field: CommentField, comment: WorkbookComment): string {
  const name = LABELS[field];
  if (comment.state === 'draft')
    return `${name} — DRAFT drafted from the data: edit or replace it in the yellow cell below`;
  if (comment.state === 'placeholder') return `${name} — to be supplied: write it in the yellow cell below`;
  return name;
}

class PackSheetWriter {
  private row = 1;
  readonly prefilled: PrefilledComment[] = [];
  readonly headerRow: number;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly view: WorkbookView,
    private readonly cols: Columns,
  ) {
    this.titleRows();
    this.headerRow = this.row;
    this.columnHeader();
    for (const section of view.sections) this.sectionBlock(section);
  }

  private get last(): number {
    return this.cols.all.length;
  }

  private width(from: number, to = from): number {
    return columnsWidth(this.cols, from, to);
  }

  private titleRows(): void {
    const { sheet, view, cols } = this;
    const title = sheet.getCell(this.row, cols.code);
    title.value = view.title;
    title.font = FONTS.title;
    sheet.getRow(this.row).height = 20;
    this.row += 1;
    const subtitle = sheet.getCell(this.row, cols.code);
    subtitle.value = `${view.authority} · ${view.periodTitle} · ${view.financialYear} YTD`;
    subtitle.font = FONTS.bold;
    this.row += 1;
    const legend = sheet.getCell(this.row, cols.code);
    legend.value =
      `${view.legend}. Traffic light: the year-to-date value against the target, unrounded (the reason is in ` +
      'the cell; a note on it says more). Yellow cells are for comments.';
    legend.font = FONTS.small;
    this.row += 1;
  }

  /** One header for the whole sheet, marked so the import finds the Comment column by its text. */
  private columnHeader(): void {
    const { sheet, cols } = this;
    const row = sheet.getRow(this.row);
    row.getCell(cols.marker).value = headerKey(this.view.sections[0]?.id ?? 'pack');
    cols.all.forEach((column, i) => {
      if (i + 1 === cols.marker) return;
      const cell = row.getCell(i + 1);
      cell.value = column.label;
      cell.font = FONTS.header;
      cell.fill = solid(HEADER_FILL);
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'bottom', horizontal: column.numeric ? 'right' : 'left', wrapText: true };
    });
    row.height = rowHeightFor(cols.all.map((c) => ({ text: c.label, width: c.width })));
    this.row += 1;
  }

  private sectionBlock(section: WorkbookSection): void {
    const { sheet, cols } = this;
    const heading = sheet.getRow(this.row);
    const cell = heading.getCell(cols.code);
    cell.value = section.title;
    cell.font = FONTS.heading;
    for (let c = cols.code; c <= this.last; c++) heading.getCell(c).fill = solid(SECTION_FILL);
    heading.height = 18;
    this.row += 1;
    for (const row of section.rows) this.indicatorRow(row);
    this.sectionComment(section, 'performance', section.performance);
    this.sectionComment(section, 'service', section.service);
    this.row += 1;
  }

  private indicatorRow(view: WorkbookRow): void {
    const { sheet, cols } = this;
    const row = sheet.getRow(this.row);
    const key = indicatorCommentKey(view.code);
    row.getCell(cols.marker).value = key;

    const code = row.getCell(cols.code);
    const codeText = view.corporatePlan ? `${view.code} ${CORPORATE_PLAN_MARK}` : view.code;
    code.value = codeText;
    code.font = FONTS.bold;
    const title = row.getCell(cols.title);
    title.value = view.title;
    title.font = FONTS.body;
    for (const c of [code, title]) {
      c.border = THIN_BORDER;
      c.alignment = { wrapText: true, vertical: 'top' };
      if (view.corporatePlan) c.fill = solid(CORPORATE_PLAN_FILL);
    }

    writeNumbers(row, cols, view);
    writeStatus(row.getCell(cols.rag), view.status);
    writeTrend(row.getCell(cols.trend), view);

    const commentText = view.comment ?? '';
    writeCommentCell(row.getCell(cols.comment), commentText, false);
    this.prefilled.push({ key, state: view.comment === null ? 'placeholder' : 'supplied', text: commentText });

    row.height = rowHeightFor([
      { text: codeText, width: this.width(cols.code) },
      { text: view.title, width: this.width(cols.title) },
      { text: `${view.status.label}\n${view.status.versus}`, width: this.width(cols.rag), size: 9 },
      { text: `${view.direction}\n${view.sparkline}`, width: this.width(cols.trend) },
      { text: commentText, width: this.width(cols.comment) },
    ]);
    this.row += 1;
  }

  private sectionComment(section: WorkbookSection, field: CommentField, comment: WorkbookComment): void {
    const { sheet, cols } = this;
    const label = sheet.getCell(this.row, cols.code);
    label.value = commentLabel(field, comment);
    label.font = FONTS.bold;
    sheet.getRow(this.row).height = 16;
    this.row += 1;

    const key = sectionCommentKey(section.id, field);
    const row = sheet.getRow(this.row);
    row.getCell(cols.marker).value = key;
    sheet.mergeCells(this.row, cols.code, this.row, this.last);
    writeCommentCell(row.getCell(cols.code), comment.text, comment.state !== 'supplied');
    this.prefilled.push({ key, state: comment.state, text: comment.text });
    // Room for two lines at least, so an empty cell still invites a comment.
    row.height = rowHeightFor([{ text: `${comment.text}\n`, width: this.width(cols.code, this.last) }]);
    this.row += 1;
  }
}

export function packSheet(workbook: ExcelJS.Workbook, view: WorkbookView): PrefilledComment[] {
  const cols = columnsFor(view);
  const sheet = workbook.addWorksheet(PACK_SHEET);
  cols.all.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width));
  // The marker column holds the keys the comment import finds cells by; readers need not see it.
  sheet.getColumn(cols.marker).hidden = true;

  const writer = new PackSheetWriter(sheet, view, cols);
  sheet.views = [
    {
      state: 'frozen',
      xSplit: cols.title,
      ySplit: writer.headerRow,
      topLeftCell: `D${writer.headerRow + 1}`,
      activeCell: 'D1',
    },
  ];
  setUpPrinting(sheet, { ...view, orientation: 'landscape', titleRows: `1:${writer.headerRow}` });
  return writer.prefilled;
}
