/**
 * The stage between a CSV file's bytes and its records. It
 * - decodes UTF-8 strictly: invalid bytes stop the file with the row they are on, as
 *   identifiers must never be silently altered (a replacement character could make two
 *   children's ids equal, or one child's id differ between tables);
 * - ends records at CRLF, LF or a lone CR alike, whatever mix a file has (line breaks
 *   inside quoted fields are kept as they are): papaparse on its own guesses one line
 *   ending from the first chunk and would treat the others as data;
 * - enforces the reader's size limits (limits.ts) as the text streams through, before
 *   a record is held whole, so a hostile file stops at the limit, naming its row;
 * - splits the text into records, as batches of papaparse's shape (`CsvBatch`).
 *
 * Most of a large extract is lines with no quote in them: those are split here, by
 * native searches, without a scan per character in JavaScript (measured on the national
 * visits table: 2.5× faster than papaparse). Text from a quote on, the header and
 * anything unusual are followed character by character and, once their records are
 * complete, parsed by papaparse, so quoting is papaparse's.
 *
 * To know where records end it follows papaparse's quoting: a field is quoted only when
 * it starts with a quote; inside, `""` is a quote; a quote closes the field when it is
 * followed, after optional white space, by a comma or a line end — any other quote is
 * kept as text.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { CsvBatch } from './csv-records';
import { CsvScanner } from './csv-scanner';
import { describeBytes, invalidFile, limitExceeded, type ReaderLimits } from './limits';
import { firstInvalidUtf8, hex, wholeCharactersLength } from './utf8';

export class CsvTextGuard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Bytes of a character split across chunks, waiting for the rest. */
  private carry: Uint8Array = new Uint8Array(0);
  private bytes = 0;
  private first = true;
  private readonly scanner: CsvScanner;

  constructor(private readonly limits: ReaderLimits) {
    super({ readableObjectMode: true });
    this.scanner = new CsvScanner(limits);
  }

  /** Records begun so far (blank lines included), for tests against the parser. */
  get records(): number {
    return this.scanner.count.records;
  }

  /** The header's cells as far as they were read. */
  headerCells(): string[] {
    return this.scanner.headerCells();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    // A chunk's records are passed on only once all of it has been checked, as when the
    // guard passed text on: a failure part way stops the file before the failing chunk.
    const batches: CsvBatch[] = [];
    try {
      this.decodeChunk(chunk, batches);
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    for (const batch of batches) this.push(batch);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length > 0) {
      callback(
        invalidFile(
          `row ${this.scanner.count.row}: the file ends in the middle of a UTF-8 ` +
            `character (bytes ${hex(this.carry)}); it is not UTF-8 text`,
          this.scanner.count.row,
        ),
      );
      return;
    }
    const last = this.scanner.finish(); // the last record, with no line end after it
    if (last !== null) this.push(last);
    callback();
  }

  private decodeChunk(chunk: Buffer, out: CsvBatch[]): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.fileBytes) {
      throw limitExceeded(
        `the file is larger than the limit of ${describeBytes(this.limits.fileBytes)}; reading stopped`,
      );
    }
    const startOffset = this.bytes - chunk.length - this.carry.length;
    const joined = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = wholeCharactersLength(joined);
    this.carry = Buffer.from(joined.subarray(whole)); // a copy: the chunk is not kept
    const bytes = joined.subarray(0, whole);
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes);
      this.scanner.scan(this.decoder.decode(bytes.subarray(0, bad)), []); // to know the row the bad bytes are on
      throw invalidFile(
        `row ${this.scanner.count.row}: the bytes ${hex(bytes.subarray(bad, bad + 4))} (at ` +
          `byte ${(startOffset + bad).toLocaleString('en-GB')} of the file) ` +
          'are not UTF-8 text; save the file as UTF-8 ("CSV UTF-8" in Excel)',
        this.scanner.count.row,
        this.scanner.count.field,
      );
    }
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is allowed (docs/EXTRACT.md)
    }
    this.scanner.scan(text, out);
  }
}
