/**
 * The workbook, pack.xlsx (exceljs): a Pack sheet shaped like the seed (title rows, one
 * block per section), then Definitions, Data quality and About sheets.
 *
 * Numbers are stored as numbers with number formats, so a reader sees the pack's rounding
 * and the formula bar holds the unrounded value. Percentages are stored as fractions
 * (value / 100) with a `0%`/`0.0%` format, as Excel expects. Comment cells are text
 * cells (format `@`, values always written as strings), never formulas, so `=HYPERLINK(…)`
 * or `+1` typed into a comment stays text.
 */
import type * as ExcelJS from 'exceljs';
import { Workbook } from '../xlsx/exceljs-parts';
import type { Pack, PackIndicator, Unit } from '../pack/pack-types';
import {
  COMMENT_HEADER,
  headerKey,
  indicatorCommentKey,
  KEYS_SHEET,
  KEYS_SHEET_SIGNATURE,
  PACK_SHEET,
  sectionCommentKey,
} from './comment-markers';
import type { RenderMeta } from './render-types';
import {
  buildPackView,
  COMMENT_FILL,
  CORPORATE_PLAN_FILL,
  CORPORATE_PLAN_MARK,
  type CommentState,
  type CommentView,
  type PackView,
  type RowView,
  type SectionView,
} from './view-model';

const HEADER_FILL = 'FF1F3864';
const SECTION_FILL = 'FFD9E1F2';
const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

/** The Excel number format that shows a value as format.ts does. */
export function numberFormat(unit: Unit, decimals: number): string {
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  switch (unit) {
    case 'count':
      return '#,##0';
    case 'rate':
      return `#,##0${fraction}`;
    case 'percent':
      return `0${fraction}%`;
  }
}

/** The number stored for a value: percentages as fractions so that `0%` shows them right. */
function storedNumber(value: number, unit: Unit): number {
  return unit === 'percent' ? value / 100 : value;
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Column positions on the Pack sheet; A is the hidden marker column. */
interface Columns {
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
  last: number;
}

function columnsFor(monthCount: number): Columns {
  const firstMonth = 5;
  const ytd = firstMonth + monthCount;
  return {
    marker: 1,
    code: 2,
    title: 3,
    priorYear: 4,
    firstMonth,
    ytd,
    target: ytd + 1,
    rag: ytd + 2,
    trend: ytd + 3,
    comment: ytd + 4,
    last: ytd + 4,
  };
}

/** A row height that shows wrapped text of this length in a cell about `charsPerLine` wide. */
function wrappedHeight(text: string, charsPerLine: number): number {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
  return Math.min(MAX_ROW_HEIGHT, Math.max(20, lines * 13 + 6));
}

/** Header/footer text treats `&` as a code; double it so titles print as written. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

interface PrefilledComment {
  key: string;
  state: CommentState;
  text: string;
}

class PackSheetWriter {
  private row = 1;
  readonly prefilled: PrefilledComment[] = [];
  firstHeaderRow = 0;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly view: PackView,
    private readonly cols: Columns,
  ) {}

  write(): void {
    this.titleRows();
    for (const section of this.view.sections) this.sectionBlock(section);
  }

  private titleRows(): void {
    const { sheet, view, cols } = this;
    const title = sheet.getCell(this.row, cols.code);
    title.value = view.title;
    title.font = { bold: true, size: 14, color: { argb: HEADER_FILL } };
    this.row += 1;
    sheet.getCell(this.row, cols.code).value = `${view.authority} · ${view.periodTitle} · ${view.ytdLabel}`;
    this.row += 1;
    const legend = sheet.getCell(this.row, cols.code);
    legend.value =
      `${view.corporatePlanLegend}. Traffic light: the year-to-date value against the target, ` +
      'unrounded; hover over a traffic light for the reason. Yellow cells are for comments.';
    legend.font = { italic: true, size: 9 };
    this.row += 2;
  }

  private sectionBlock(section: SectionView): void {
    const { sheet, cols } = this;
    const heading = sheet.getRow(this.row);
    heading.getCell(cols.code).value = section.title;
    for (let c = cols.code; c <= cols.last; c++) heading.getCell(c).fill = solid(SECTION_FILL);
    heading.getCell(cols.code).font = { bold: true, size: 12 };
    this.row += 1;
    this.headerRow(section);
    for (const row of section.rows) this.indicatorRow(row);
    this.row += 1;
    this.sectionComment(section, 'performance', section.performance);
    this.sectionComment(section, 'service', section.service);
    this.row += 1;
  }

  private headerRow(section: SectionView): void {
    const { sheet, view, cols } = this;
    if (this.firstHeaderRow === 0) this.firstHeaderRow = this.row;
    const row = sheet.getRow(this.row);
    row.getCell(cols.marker).value = headerKey(section.id);
    const labels: Array<[number, string]> = [
      [cols.code, 'PI'],
      [cols.title, 'Indicator'],
      [cols.priorYear, view.priorYearLabel],
      ...view.monthLabels.map((label, i): [number, string] => [cols.firstMonth + i, label]),
      [cols.ytd, `${view.financialYear} YTD`],
      [cols.target, 'Target'],
      [cols.rag, 'Traffic light'],
      [cols.trend, 'Trend'],
      [cols.comment, COMMENT_HEADER],
    ];
    for (const [c, label] of labels) {
      const cell = row.getCell(c);
      cell.value = label;
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = solid(HEADER_FILL);
      cell.border = THIN_BORDER;
      cell.alignment = {
        vertical: 'bottom',
        horizontal: c >= cols.priorYear && c <= cols.target ? 'right' : 'left',
        wrapText: true,
      };
    }
    row.height = 30;
    this.row += 1;
  }

  /** A value cell; `footnote` marks one measured under an earlier definition (mark in the format, words in a note). */
  private numberCell(
    cell: ExcelJS.Cell,
    value: number | null,
    indicator: PackIndicator,
    bold = false,
    footnote: { mark: string; text: string | null } = { mark: '', text: null },
  ): void {
    if (value === null || !Number.isFinite(value)) {
      cell.value = `-${footnote.mark}`;
    } else {
      cell.value = storedNumber(value, indicator.unit);
      const format = numberFormat(indicator.unit, indicator.decimals);
      cell.numFmt = footnote.mark ? `${format}"${footnote.mark}"` : format;
    }
    if (footnote.mark && footnote.text) cell.note = footnote.text;
    cell.alignment = { horizontal: 'right', vertical: 'top' };
    cell.border = THIN_BORDER;
    if (bold) cell.font = { bold: true };
  }

  private indicatorRow(view: RowView): void {
    const { sheet, cols } = this;
    const indicator = view.indicator;
    const row = sheet.getRow(this.row);
    const key = indicatorCommentKey(view.code);
    row.getCell(cols.marker).value = key;

    const code = row.getCell(cols.code);
    code.value = view.corporatePlan ? `${view.code} ${CORPORATE_PLAN_MARK}` : view.code;
    code.font = { bold: true };
    const title = row.getCell(cols.title);
    title.value = view.title;
    title.alignment = { wrapText: true, vertical: 'top' };
    for (const cell of [code, title]) {
      cell.border = THIN_BORDER;
      cell.alignment = { ...cell.alignment, vertical: 'top' };
      if (view.corporatePlan) cell.fill = solid(CORPORATE_PLAN_FILL);
    }

    const footnote = (mark: string) => ({ mark, text: view.footnote });
    this.numberCell(
      row.getCell(cols.priorYear),
      indicator.priorYear.value,
      indicator,
      false,
      footnote(view.marks.priorYear),
    );
    indicator.months.forEach((m, i) =>
      this.numberCell(row.getCell(cols.firstMonth + i), m.value, indicator, false, footnote(view.marks.months[i])),
    );
    this.numberCell(row.getCell(cols.ytd), indicator.ytd.value, indicator, true, footnote(view.marks.ytd));
    this.numberCell(row.getCell(cols.target), indicator.target, indicator);

    const rag = row.getCell(cols.rag);
    rag.value = view.rag.label;
    rag.font = { bold: true, italic: view.rag.status === 'data-only', color: { argb: view.rag.font } };
    if (view.rag.fill) rag.fill = solid(view.rag.fill);
    rag.alignment = { horizontal: 'center', vertical: 'top' };
    rag.border = THIN_BORDER;
    rag.note = view.rag.reason;

    const trend = row.getCell(cols.trend);
    trend.value = `${view.trend.arrow ? view.trend.arrow + ' ' : ''}${view.trend.words}\n${view.trend.sparkline}`;
    trend.alignment = { wrapText: true, vertical: 'top' };
    trend.border = THIN_BORDER;

    const commentText = view.comment ?? '';
    this.commentCell(row.getCell(cols.comment), commentText, false);
    this.prefilled.push({ key, state: view.comment === null ? 'placeholder' : 'supplied', text: commentText });

    row.height = Math.max(30, wrappedHeight(view.title, 45), wrappedHeight(commentText, 55));
    this.row += 1;
  }

  private commentCell(cell: ExcelJS.Cell, text: string, draft: boolean): void {
    // Always a string value with the Text format: never a formula, also after the officer edits it.
    if (text !== '') cell.value = String(text);
    cell.numFmt = '@';
    cell.fill = solid(COMMENT_FILL);
    cell.protection = { locked: false };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.border = THIN_BORDER;
    if (draft) cell.font = { italic: true, color: { argb: 'FF595959' } };
  }

  private sectionComment(section: SectionView, field: 'performance' | 'service', comment: CommentView): void {
    const { sheet, cols } = this;
    const label = sheet.getCell(this.row, cols.code);
    const name = field === 'performance' ? 'Performance comment' : 'Service comment';
    label.value = comment.isDraft
      ? `${name} — DRAFT drafted from the data: edit or replace it in the yellow cell below`
      : comment.isPlaceholder
        ? `${name} — to be supplied: write it in the yellow cell below`
        : name;
    label.font = { bold: true };
    this.row += 1;

    const key = sectionCommentKey(section.id, field);
    const row = sheet.getRow(this.row);
    row.getCell(cols.marker).value = key;
    sheet.mergeCells(this.row, cols.code, this.row, cols.last);
    this.commentCell(row.getCell(cols.code), comment.text, comment.isDraft || comment.isPlaceholder);
    this.prefilled.push({ key, state: comment.state, text: comment.text });
    row.height = wrappedHeight(comment.text, 200);
    this.row += 1;
  }
}

function packSheet(workbook: ExcelJS.Workbook, view: PackView): PrefilledComment[] {
  const cols = columnsFor(view.monthLabels.length);
  const sheet = workbook.addWorksheet(PACK_SHEET);
  const widths: Array<[number, number]> = [
    [cols.marker, 4],
    [cols.code, 11],
    [cols.title, 46],
    [cols.priorYear, 10],
    ...view.monthLabels.map((_, i): [number, number] => [cols.firstMonth + i, 9.5]),
    [cols.ytd, 11],
    [cols.target, 9.5],
    [cols.rag, 13],
    [cols.trend, 16],
    [cols.comment, 50],
  ];
  for (const [c, width] of widths) sheet.getColumn(c).width = width;
  // The marker column holds the keys the comment import finds cells by; readers need not see it.
  sheet.getColumn(cols.marker).hidden = true;

  const writer = new PackSheetWriter(sheet, view, cols);
  writer.write();

  sheet.views = [
    {
      state: 'frozen',
      xSplit: cols.title,
      ySplit: writer.firstHeaderRow,
      topLeftCell: `D${writer.firstHeaderRow + 1}`,
      activeCell: 'D1',
    },
  ];
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${writer.firstHeaderRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: `&L${headerFooterText(`${view.title}: ${view.periodTitle}`)}&RPage &P of &N` };
  return writer.prefilled;
}

function tableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: Array<[string, number]>,
  rows: string[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  headers.forEach(([, width], i) => (sheet.getColumn(i + 1).width = width));
  const header = sheet.addRow(headers.map(([label]) => label));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = solid(SECTION_FILL)));
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  };
  return sheet;
}

function definitionsSheet(workbook: ExcelJS.Workbook, view: PackView): void {
  tableSheet(
    workbook,
    'Definitions',
    [
      ['Indicators', 24],
      ['Measure', 24],
      ['How it is counted', 100],
    ],
    view.definitions.map((d) => [d.codes, d.measure, d.dates ? `${d.dates}: ${d.text}` : d.text]),
  );
}

function qualitySheet(workbook: ExcelJS.Workbook, view: PackView): void {
  const q = view.quality;
  const problems = [...q.errors, ...q.warnings].map((p) => [
    p.severity,
    p.kind,
    p.table,
    p.row,
    p.column,
    p.value,
    p.message,
  ]);
  const sheet = tableSheet(
    workbook,
    'Data quality',
    [
      ['Severity', 10],
      ['Kind', 22],
      ['Table', 26],
      ['Row', 8],
      ['Column', 30],
      ['Value', 18],
      ['Problem', 80],
    ],
    problems,
  );
  sheet.addRow([]);
  const summary = sheet.addRow(['Kind', 'Severity', 'Total', 'Listed', 'Not listed']);
  summary.font = { bold: true };
  if (q.counts.length === 0) sheet.addRow(['No problems were found in the extract.']);
  for (const c of q.counts) sheet.addRow([c.kind, c.severity, c.total, c.listed, c.unlisted]);
}

function aboutSheet(workbook: ExcelJS.Workbook, view: PackView): void {
  const rows: string[][] = [
    ['Authority', view.authority],
    ['Title', view.title],
    ['Period', view.period],
    ['Month', view.periodTitle],
    ['Financial year', view.financialYear],
    ['Run id', view.meta.runId],
    ['Generated', view.meta.generatedAt],
    ['Code version', view.meta.codeVersion],
    ...view.meta.sources.map((source, i) => [i === 0 ? 'Sources' : '', source]),
  ];
  const sheet = workbook.addWorksheet('About');
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 90;
  sheet.getColumn(1).font = { bold: true };
  sheet.addRows(rows);
}

/** What each comment cell was pre-filled with, by key (see comment-markers.ts). */
function keysSheet(workbook: ExcelJS.Workbook, view: PackView, prefilled: PrefilledComment[]): void {
  const sheet = workbook.addWorksheet(KEYS_SHEET, { state: 'veryHidden' });
  sheet.addRow([KEYS_SHEET_SIGNATURE]);
  sheet.addRow(['period', view.period]);
  sheet.addRow(['key', 'state', 'prefilled']);
  for (const p of prefilled) sheet.addRow([p.key, p.state, p.text]);
}

export async function renderWorkbook(pack: Pack, meta: RenderMeta): Promise<Buffer> {
  const view = buildPackView(pack, meta);
  const workbook = new Workbook();
  const generated = new Date(meta.generatedAt);
  workbook.creator = 'indicator-pack';
  workbook.title = `${view.title}: ${view.periodTitle}`;
  if (!Number.isNaN(generated.getTime())) {
    workbook.created = generated;
    workbook.modified = generated;
  }
  const prefilled = packSheet(workbook, view);
  definitionsSheet(workbook, view);
  qualitySheet(workbook, view);
  aboutSheet(workbook, view);
  keysSheet(workbook, view, prefilled);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
