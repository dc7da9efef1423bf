/**
 * The reference sheets after the Pack: Definitions (how each measure is counted), Data
 * quality (a summary by kind, then the problems listed), About (the run's facts), and the
 * very hidden sheet of comment keys the import reads (comment-markers.ts).
 */
import type * as ExcelJS from 'exceljs';
import { KEYS_SHEET, KEYS_SHEET_SIGNATURE } from './comment-markers';
import type { PrefilledComment } from './workbook-pack-sheet';
import { FONTS, setUpPrinting } from './workbook-style';
import { setWidths, writeLine, writeTable, writeTitle, type NumberValue } from './workbook-table';
import type { WorkbookView } from './workbook-view';

const count = (value: number | null): NumberValue => ({ value, unit: 'count', decimals: 0 });

export function definitionsSheet(workbook: ExcelJS.Workbook, view: WorkbookView): void {
  const sheet = workbook.addWorksheet('Definitions');
  const columns = [
    { label: 'Indicators', width: 16 },
    { label: 'Measure', width: 22 },
    { label: 'How it is counted', width: 90 },
  ];
  setWidths(
    sheet,
    columns.map((c) => c.width),
  );
  const { headerRow } = writeTable(sheet, 1, columns, [
    ...view.definitions.map((d) => [d.codes, d.measure, d.dates ? `${d.dates}: ${d.text}` : d.text]),
    ...view.methods.map((m) => [m.codes, m.name, m.text]),
  ]);
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  setUpPrinting(sheet, { ...view, orientation: 'landscape', titleRows: `${headerRow}:${headerRow}` });
}

export function qualitySheet(workbook: ExcelJS.Workbook, view: WorkbookView): void {
  const q = view.quality;
  const sheet = workbook.addWorksheet('Data quality');
  // The summary's columns sit over the list's: Severity and Kind first in both, the counts in
  // the list's narrow Table and Row columns and the wide Column column.
  const widths = [10, 22, 14, 8, 32, 14, 50];
  setWidths(sheet, widths);
  let row = writeTitle(sheet, 1, 'Data quality: problems by kind', FONTS.heading);
  if (q.counts.length === 0) row = writeLine(sheet, row, 'No problems were found in the extract.', widths);
  else {
    row = writeTable(
      sheet,
      row,
      [
        { label: 'Severity', width: widths[0] },
        { label: 'Kind', width: widths[1] },
        { label: 'Total', width: widths[2] },
        { label: 'Listed', width: widths[3] },
        { label: 'Not listed', width: widths[4] },
      ],
      q.counts.map((c) => [c.severity, c.kind, count(c.total), count(c.listed), count(c.unlisted)]),
    ).next;
  }
  row += 1;
  row = writeTitle(sheet, row, `Problems listed (at most ${q.listedPerKind} of each kind)`, FONTS.heading);
  const labels = ['Severity', 'Kind', 'Table', 'Row', 'Column', 'Value', 'Problem'];
  const { headerRow } = writeTable(
    sheet,
    row,
    labels.map((label, i) => ({ label, width: widths[i] })),
    q.problems.map((p) => [p.severity, p.kind, p.table, count(p.row), p.column, p.value, p.message]),
  );
  setUpPrinting(sheet, { ...view, orientation: 'landscape', titleRows: `${headerRow}:${headerRow}` });
}

export function aboutSheet(workbook: ExcelJS.Workbook, view: WorkbookView): void {
  const sheet = workbook.addWorksheet('About');
  const columns = [
    { label: 'Fact', width: 18 },
    { label: 'Value', width: 70 },
  ];
  setWidths(
    sheet,
    columns.map((c) => c.width),
  );
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
  writeTable(sheet, 1, columns, rows);
  for (let r = 2; r <= rows.length + 1; r++) sheet.getCell(r, 1).font = FONTS.bold;
  setUpPrinting(sheet, { ...view, orientation: 'portrait', titleRows: '1:1' });
}

/** What each comment cell was pre-filled with, by key (see comment-markers.ts). */
export function keysSheet(workbook: ExcelJS.Workbook, view: WorkbookView, prefilled: PrefilledComment[]): void {
  const sheet = workbook.addWorksheet(KEYS_SHEET, { state: 'veryHidden' });
  sheet.addRow([KEYS_SHEET_SIGNATURE]);
  sheet.addRow(['period', view.period]);
  sheet.addRow(['key', 'state', 'prefilled']);
  for (const p of prefilled) sheet.addRow([p.key, p.state, p.text]);
}
