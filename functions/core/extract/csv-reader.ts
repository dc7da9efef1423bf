/**
 * Streams a CSV file (UTF-8, optional BOM, RFC 4180) row by row with papaparse, so a
 * large file — an S3 object body — flows through without being held whole. papaparse
 * was chosen by measurement (3 M rows: 1.7 s, against 5.5 s for csv-parse).
 */
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import Papa from 'papaparse';
import { DigestStream, type FileDigest } from './file-digest';

export interface CsvSink {
  /** Every record that is not blank, header included (spreadsheet row numbers, header = 1). */
  row(cells: readonly string[], rowNumber: number): void;
  /** A record that is not well-formed CSV (bad quoting, wrong number of fields): it is skipped. */
  malformed(rowNumber: number, message: string): void;
}

export interface CsvReadResult extends FileDigest {
  /** Why the file as a whole could not be read as CSV, or null. */
  failure: string | null;
}

/** Raised inside the stream when the bytes are not CSV text. */
class NotTextError extends Error {}

/**
 * Decodes UTF-8 strictly — invalid bytes mean the file is not CSV text, not something to
 * replace silently — and drops a leading BOM. A character split across chunks is
 * handled by the streaming decoder.
 */
class Utf8TextStream extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.decode(chunk, true, callback);
  }

  override _flush(callback: TransformCallback): void {
    this.decode(new Uint8Array(0), false, callback);
  }

  private decode(bytes: Uint8Array, more: boolean, callback: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: more });
    } catch {
      callback(new NotTextError('it is not UTF-8 text'));
      return;
    }
    if (text.includes('\0')) {
      callback(new NotTextError('it contains binary data (NUL bytes), not CSV text'));
      return;
    }
    callback(null, text.length > 0 ? text : undefined);
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Reads one CSV stream to its end, passing rows to the sink. Data problems come back
 * as `failure` or through `sink.malformed`; only a failure of the stream itself (a
 * network or disk fault) rejects.
 */
export function readCsv(source: Readable, sink: CsvSink): Promise<CsvReadResult> {
  const digest = new DigestStream();
  const text = new Utf8TextStream();
  let rowNumber = 0;
  let fieldCount = -1;

  const onRecords = (records: string[][], errors: Papa.ParseError[]): void => {
    const errorByIndex = new Map<number, Papa.ParseError>();
    for (const error of errors) if (error.row !== undefined && !errorByIndex.has(error.row)) errorByIndex.set(error.row, error);
    records.forEach((cells, index) => {
      rowNumber += 1;
      const error = errorByIndex.get(index);
      if (error) {
        sink.malformed(rowNumber, error.code === 'MissingQuotes' ? 'a quoted field starting in this row is never closed (unterminated quote)' : `malformed quoting: ${error.message}`);
        return;
      }
      if (isBlank(cells)) return;
      if (fieldCount < 0) fieldCount = cells.length;
      else if (cells.length !== fieldCount) {
        sink.malformed(rowNumber, `has ${cells.length} fields where the header has ${fieldCount}`);
        return;
      }
      sink.row(cells, rowNumber);
    });
  };

  return new Promise<CsvReadResult>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown): void => {
      if (settled) return;
      settled = true;
      const measured = digest.digest();
      if (error === null) {
        resolve({ ...measured, failure: measured.size === 0 ? 'the file is empty (0 bytes): a CSV file needs at least a header row' : null });
      } else if (error instanceof NotTextError) {
        const why = digest.looksLikeZip() ? 'it is a zip archive (an xlsx workbook?), not CSV text' : error.message;
        resolve({ ...measured, failure: `not a valid CSV file: ${why}` });
      } else {
        reject(error);
      }
    };
    pipeline(source, digest, text, (error) => {
      if (error) finish(error);
    });
    Papa.parse<string[]>(text, {
      delimiter: ',',
      chunk: (results) => onRecords(results.data, results.errors),
      complete: () => finish(null),
      error: (error) => finish(error),
    });
  });
}
