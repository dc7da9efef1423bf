/**
 * Streams an `extract.xlsx` workbook sheet by sheet, row by row, with exceljs's
 * streaming parsers, so a large workbook is never held whole in memory; the sheets are
 * found and named through the workbook's own listing, whatever the writer
 * (../xlsx/sheet-stream.ts).
 */
import { pipeline, type Readable } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import { WorkbookReader } from '../xlsx/exceljs-parts';
import { worksheets } from '../xlsx/sheet-stream';
import { DigestStream, type FileDigest } from './file-digest';
import {
  DEFAULT_LIMITS,
  FileFailureError,
  invalidFile,
  limitExceeded,
  type FileFailure,
  type ReaderLimits,
} from './limits';
import { ZipGuard } from './zip-guard';
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
  /** Why the file could not be read through (not a workbook, or a size limit breached), or null. */
  failure: FileFailure | null;
}

/** An exceljs cell value as one of ours: formulas give their result, rich text its text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if ('error' in value) return new CellError(String(value.error));
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value) return value.result === undefined ? null : toCellValue(value.result);
  return null;
}

/** A table sheet's row against the limits on rows, columns and cell length. */
function checkRow(row: ExcelJS.Row, cells: readonly CellValue[], sheet: string, limits: ReaderLimits): void {
  const where = (error: FileFailureError): FileFailureError => {
    error.failure.sheet = sheet;
    return error;
  };
  if (row.number - 1 > limits.rowsPerTable) {
    throw where(
      limitExceeded(
        `sheet ${sheet} has more than ${limits.rowsPerTable.toLocaleString('en-GB')} ` +
          `rows (the limit); reading stopped at row ${row.number}`,
        row.number,
      ),
    );
  }
  if (cells.length > limits.columns) {
    throw where(
      limitExceeded(
        `sheet ${sheet}, row ${row.number} has a value beyond column ` +
          `${limits.columns.toLocaleString('en-GB')} (the limit); reading stopped`,
        row.number,
        cells.length - 1,
      ),
    );
  }
  cells.forEach((cell, column) => {
    if (typeof cell === 'string' && cell.length > limits.cellChars) {
      throw where(
        limitExceeded(
          `sheet ${sheet}, row ${row.number}: a cell is longer than ` +
            `${limits.cellChars.toLocaleString('en-GB')} characters (the limit); reading stopped`,
          row.number,
          column,
        ),
      );
    }
  });
}

async function readSheets(
  reader: ExcelJS.stream.xlsx.WorkbookReader,
  input: Readable,
  sink: WorkbookSink,
  limits: ReaderLimits,
): Promise<void> {
  for await (const { name, rows: sheet } of worksheets(reader, input)) {
    const rows = sink.sheet(name);
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
      checkRow(row, cells, name, limits);
      if (hasValue) rows.row(cells, row.number);
    }
    rows?.end();
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Reads a workbook stream to its end, passing each sheet's rows to the sink. Data
 * problems come back as `failure`; only a failure of the stream itself (a network or
 * disk fault) rejects.
 */
export async function readWorkbook(
  source: Readable,
  sink: WorkbookSink,
  limits: ReaderLimits = DEFAULT_LIMITS,
): Promise<WorkbookReadResult> {
  const digest = new DigestStream();
  const guard = new ZipGuard(limits);
  // Settles with null once every byte has passed the guard, or with the first failure.
  const streamed = new Promise<Error | null>((resolve) => {
    pipeline(source, digest, guard, (error) => resolve(error ?? null));
  });
  const reader = new WorkbookReader(guard, {
    sharedStrings: 'cache',
    // Styles are needed: a cell is a date only by its number format.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const parsed = readSheets(reader, guard, sink, limits).then(
    () => null,
    (error: unknown) => asError(error),
  );
  // The workbook reader can wait for ever on an input that was cut off, rather than
  // fail: so a failed stream (the guard stopping a bomb, a network fault) ends the read
  // on its own, whatever the parser is doing.
  const streamFailed = streamed.then((error) => error ?? new Promise<never>(() => undefined));
  const first = await Promise.race([
    parsed.then((error) => ({ parser: error })),
    streamFailed.then((error) => ({ stream: error })),
  ]);

  let parserFailure: string | null = null;
  if ('parser' in first && first.parser instanceof FileFailureError) {
    source.destroy(); // a table sheet breached a limit: nothing more is read
    await streamed;
    return { ...digest.digest(), failure: first.parser.failure };
  }
  if ('parser' in first) {
    if (first.parser) parserFailure = `not a valid xlsx workbook: ${first.parser.message}`;
    // Read on to the end, so the digest covers the whole file and the guard sees the whole zip.
    guard.unpipe();
    guard.resume();
  }
  const streamError = await streamed;
  source.on('error', () => undefined); // a late fault of a source already done with must not crash the process
  if (streamError instanceof FileFailureError) {
    const failure = streamError.failure;
    return {
      ...digest.digest(),
      failure: {
        ...failure,
        message: failure.kind === 'invalid-file' ? `not a valid xlsx workbook: ${failure.message}` : failure.message,
      },
    };
  }
  if (streamError) throw streamError;
  const measured = digest.digest();
  if (measured.size === 0)
    return { ...measured, failure: invalidFile('the file is empty (0 bytes): not a valid xlsx workbook').failure };
  return { ...measured, failure: parserFailure === null ? null : invalidFile(parserFailure).failure };
}
