/**
 * Streams a CSV file (UTF-8, optional BOM, RFC 4180) row by row, so a large file — an S3
 * object body — flows through without being held whole. The text guard splits it into
 * records (papaparse for quoted text: chosen by measurement, 3 M rows in 1.7 s against
 * 5.5 s for csv-parse; plain lines split natively, faster still).
 */
import { pipeline, type Readable } from 'node:stream';
import type Papa from 'papaparse';
import type { CsvBatch } from './csv-records';
import { CsvTextGuard } from './csv-text-guard';
import { DigestStream, type FileDigest } from './file-digest';
import {
  DEFAULT_LIMITS,
  FileFailureError,
  invalidFile,
  type FileFailure,
  type ReaderLimits,
  UNQUOTED_EXPORT_HINT,
} from './limits';

export interface CsvSink {
  /** Every record that is not blank, header included (spreadsheet row numbers, header = 1). */
  row(cells: readonly string[], rowNumber: number): void;
  /** A record that is not well-formed CSV (bad quoting, wrong number of fields): it is skipped. */
  malformed(rowNumber: number, message: string): void;
}

export interface CsvReadResult extends FileDigest {
  /** Why the file could not be read through (not CSV text, or a size limit breached), or null. */
  failure: FileFailure | null;
  /** The header's cells as far as they were read, to name a failure's column. */
  header: string[];
}

function isBlank(cells: readonly string[]): boolean {
  // Most rows start with a printable ASCII character, which no trimming removes.
  const first = cells.length > 0 ? cells[0].charCodeAt(0) : 0;
  if (first > 32 && first < 127) return false;
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Reads one CSV stream to its end, passing rows to the sink. Data problems come back
 * as `failure` or through `sink.malformed`; only a failure of the stream itself (a
 * network or disk fault) rejects.
 */
export function readCsv(
  source: Readable,
  sink: CsvSink,
  limits: ReaderLimits = DEFAULT_LIMITS,
): Promise<CsvReadResult> {
  const digest = new DigestStream();
  const text = new CsvTextGuard(limits);
  let rowNumber = 0;
  let fieldCount = -1;
  let settled = false;
  // The source may keep its listeners, and with them this function's closures, until its close completes, which
  // can be after the read has resolved and the pack is being computed. The sink (the whole extract as read) is
  // reached only through this variable, let go when the read settles, so the records are never held that way.
  let target: CsvSink | null = sink;

  const onRecords = (records: string[][], errors: Papa.ParseError[]): void => {
    const current = target;
    if (current === null) return;
    const errorByIndex = new Map<number, Papa.ParseError>();
    for (const error of errors)
      if (error.row !== undefined && !errorByIndex.has(error.row)) errorByIndex.set(error.row, error);
    for (let index = 0; index < records.length; index++) {
      const cells = records[index];
      rowNumber += 1;
      const error = errors.length > 0 ? errorByIndex.get(index) : undefined;
      if (error) {
        current.malformed(
          rowNumber,
          error.code === 'MissingQuotes'
            ? 'a quoted field starting in this row is never closed (unterminated quote)'
            : `malformed quoting: ${error.message}`,
        );
        continue;
      }
      if (isBlank(cells)) continue;
      if (fieldCount < 0) fieldCount = cells.length;
      else if (cells.length !== fieldCount) {
        const hint = cells.length > fieldCount ? `: ${UNQUOTED_EXPORT_HINT}` : '';
        current.malformed(rowNumber, `has ${cells.length} fields where the header has ${fieldCount}${hint}`);
        continue;
      }
      current.row(cells, rowNumber);
    }
  };

  return new Promise<CsvReadResult>((resolve, reject) => {
    const finish = (error: unknown): void => {
      if (settled) return;
      settled = true;
      target = null;
      // A source that fails again after this (a socket reset while being torn down) must
      // not become an unhandled 'error' event: the outcome is already decided.
      source.on('error', () => undefined);
      const measured = { ...digest.digest(), header: text.headerCells() };
      if (error === null) {
        resolve({
          ...measured,
          failure:
            measured.size === 0
              ? invalidFile('the file is empty (0 bytes): a CSV file needs at least a header row').failure
              : null,
        });
      } else if (error instanceof FileFailureError) {
        const failure = error.failure;
        const zip = failure.kind === 'invalid-file' && digest.looksLikeZip();
        resolve({
          ...measured,
          failure: zip
            ? invalidFile('not a valid CSV file: it is a zip archive (an xlsx workbook?), not CSV text').failure
            : {
                ...failure,
                message: `${failure.kind === 'invalid-file' ? 'not a valid CSV file: ' : ''}${failure.message}`,
              },
        });
      } else {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a stream fault, passed on as is
        reject(error);
      }
    };
    text.on('data', (batch: CsvBatch) => onRecords(batch.records, batch.errors));
    pipeline(source, digest, text, (error) => finish(error ?? null));
  });
}
