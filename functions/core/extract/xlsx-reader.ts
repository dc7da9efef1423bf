/**
 * Streams an `extract.xlsx` workbook sheet by sheet, row by row, with exceljs's
 * streaming reader, so a large workbook is never held whole in memory.
 */
import { pipeline, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DigestStream, type FileDigest } from './file-digest';
import { CellError, type CellValue } from './values';

export interface SheetSink {
  /** Every row that has a value, header included (spreadsheet row numbers). */
  row(cells: readonly CellValue[], rowNumber: number): void;
  /** Called after the sheet's last row. */
  end(): void;
}

export interface WorkbookSink {
  /** The sink for a sheet's rows, or null to skip the sheet. */
  sheet(name: string): SheetSink | null;
}

export interface WorkbookReadResult extends FileDigest {
  /** Why the file could not be read as a workbook, or null. */
  failure: string | null;
}

/** An exceljs cell value as one of ours: formulas give their result, rich text its text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('error' in value) return new CellError(String(value.error));
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value) return value.result === undefined ? null : toCellValue(value.result);
  return null;
}

function sheetName(sheet: object): string {
  return 'name' in sheet && typeof sheet.name === 'string' ? sheet.name : '';
}

export async function readWorkbook(source: Readable, sink: WorkbookSink): Promise<WorkbookReadResult> {
  const digest = new DigestStream();
  let streamError: Error | null = null;
  pipeline(source, digest, (error) => {
    if (error) streamError = error;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(digest, {
    sharedStrings: 'cache',
    // Styles are needed: a cell is a date only by its number format.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let failure: string | null = null;
  try {
    for await (const sheet of reader) {
      const rows = sink.sheet(sheetName(sheet));
      // A skipped sheet is still read through: the zip is one stream.
      for await (const row of sheet) {
        if (!rows) continue;
        const cells: CellValue[] = [];
        let hasValue = false;
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const value = toCellValue(cell.value);
          cells[column - 1] = value;
          if (value !== null && value !== '') hasValue = true;
        });
        if (hasValue) rows.row(cells, row.number);
      }
      rows?.end();
    }
  } catch (error) {
    if (streamError) throw streamError;
    failure = `not a valid xlsx workbook: ${error instanceof Error ? error.message : String(error)}`;
  }
  // Drain whatever the workbook reader left unread, so the digest covers the whole file.
  digest.resume();
  await new Promise<void>((resolve) => {
    if (digest.readableEnded || digest.destroyed) resolve();
    else digest.once('end', resolve).once('close', resolve);
  });
  if (streamError) throw streamError;
  const measured = digest.digest();
  if (measured.size === 0) failure = 'the file is empty (0 bytes): not a valid xlsx workbook';
  return { ...measured, failure };
}
