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
import Papa from 'papaparse';
import { describeBytes, invalidFile, limitExceeded, type ReaderLimits } from './limits';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const NUL = 0;

/** Where the scanner is within a record. */
const enum At {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just after a quote inside a quoted field: an escaped quote, the closing quote, or stray text. */
  AfterQuote,
  /** White space after what may be the closing quote. */
  AfterQuoteSpace,
}

const WHITE_SPACE = /\s/;
/** A CRLF or a lone CR: outside quotes, either ends a record as an LF does. */
const CR_LINE_ENDS = /\r\n?/g;
/** A CR that is not the first half of a CRLF. */
const LONE_CR = /\r(?!\n)/;

/** Length of the prefix of `bytes` that ends on a whole UTF-8 character (the rest waits for the next chunk). */
function wholeCharactersLength(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return i + length <= bytes.length ? bytes.length : i;
  }
  return bytes.length;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629), or the length when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) more = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      more = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      more = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= more; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += more + 1;
  }
  return bytes.length;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}

/** Records in file order, as papaparse gives them: `errors[].row` indexes `records`. */
export interface CsvBatch {
  records: string[][];
  errors: Papa.ParseError[];
}

const PARSE_CONFIG = { delimiter: ',', newline: '\n' } as const;

/**
 * The records of `text`: whole records, each ending in an LF (or, at the end of the file,
 * the last without one). The LF stays on the last record — a closing quote followed by
 * spaces is a closing quote only before a line end — and papaparse then reports an empty
 * record after it, which is not in the file.
 */
function parseRecords(text: string): CsvBatch {
  const parsed = Papa.parse<string[]>(text, PARSE_CONFIG);
  const records = parsed.data;
  const last = records.length - 1;
  if (text.endsWith('\n') && last >= 0 && records[last].length === 1 && records[last][0] === '') records.pop();
  return { records, errors: parsed.errors };
}

export class CsvTextGuard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Bytes of a character split across chunks, waiting for the rest. */
  private carry: Uint8Array = new Uint8Array(0);
  private bytes = 0;
  private first = true;
  private at = At.FieldStart;
  /** The current record's spreadsheet row (header = 1). */
  private row = 1;
  private recordStarted = false;
  private field = 0;
  private fieldChars = 0;
  private recordChars = 0;
  /** The header record's text, to name a column in a failure even when the parser never saw the header. */
  private headerText = '';
  /** The last record ended at a CR: an LF straight after it belongs to the same line end. */
  private afterCr = false;
  /** The text (line ends as LF) of the record not yet ended, waiting for the rest of it. */
  private pending = '';
  /** Set by scanChars: where in its output the last record ended (-1: none did). */
  private lastRecordEnd = -1;

  constructor(private readonly limits: ReaderLimits) {
    super({ readableObjectMode: true });
  }

  /** Records begun so far (blank lines included), for tests against the parser. */
  get records(): number {
    return this.recordStarted ? this.row : this.row - 1;
  }

  /** The header's cells as far as they were read. */
  headerCells(): string[] {
    const parsed = Papa.parse<string[]>(this.headerText, PARSE_CONFIG);
    return parsed.data[0] ?? [];
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
          `row ${this.row}: the file ends in the middle of a UTF-8 ` +
            `character (bytes ${hex(this.carry)}); it is not UTF-8 text`,
          this.row,
        ),
      );
      return;
    }
    if (this.pending !== '') this.push(parseRecords(this.pending)); // the last record, with no line end after it
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
      this.scan(this.decoder.decode(bytes.subarray(0, bad)), []); // to know the row the bad bytes are on
      throw invalidFile(
        `row ${this.row}: the bytes ${hex(bytes.subarray(bad, bad + 4))} (at ` +
          `byte ${(startOffset + bad).toLocaleString('en-GB')} of the file) ` +
          'are not UTF-8 text; save the file as UTF-8 ("CSV UTF-8" in Excel)',
        this.row,
        this.field,
      );
    }
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is allowed (docs/EXTRACT.md)
    }
    this.scan(text, out);
  }

  /**
   * Follows the records through `text`, enforcing the limits, and adds their records to
   * `out`. Whole lines before the chunk's first quote go through `plainLines` (native
   * searches and splits); the rest — the header, and any text from a quote on — through
   * `scanRecords`.
   */
  private scan(text: string, out: CsvBatch[]): void {
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1); // the LF of a CRLF split across chunks
    }
    if (
      this.row === 1 ||
      (this.at !== At.FieldStart && this.at !== At.Unquoted) ||
      text.indexOf('\0') >= 0 ||
      this.pending.indexOf('"') >= 0
    ) {
      this.scanRecords(text, out);
      return;
    }
    const quote = text.indexOf('"');
    const plainEnd = quote < 0 ? text.length : quote;
    const cut = Math.max(text.lastIndexOf('\n', plainEnd - 1), text.lastIndexOf('\r', plainEnd - 1)) + 1;
    const records = cut === 0 ? null : this.plainLines(text, cut);
    if (records === null) {
      this.scanRecords(text, out);
      return;
    }
    out.push({ records, errors: [] });
    // A CR just before the cut may be the first half of a CRLF whose LF is in the next chunk.
    this.afterCr = cut === text.length && text.charCodeAt(cut - 1) === CR;
    if (cut < text.length) this.scanRecords(text.slice(cut), out);
  }

  /**
   * The fast path for `text` up to `cut`: whole lines (each ending in CR, LF or CRLF) with
   * no quote and no NUL, the first continuing the pending record (which has no quote
   * either). Without quotes every line end ends a record and every comma ends a field, and
   * a record of L characters has at most L + 1 fields and no cell longer than L: when no
   * record is longer than the shortest of the limits, none of them is breached. Returns
   * the records, or null (the state untouched) when a record is too long to decide here:
   * then the character scan decides, and names the row, column and limit.
   */
  private plainLines(text: string, cut: number): string[][] | null {
    let lines = text;
    let end = cut;
    // CRLF throughout (as Windows and Excel write) is read in place, each line's CR left
    // out; a lone CR anywhere means rewriting the line ends first.
    let crlf = false;
    if (text.lastIndexOf('\r', cut - 1) >= 0) {
      if (LONE_CR.test(text)) {
        lines = text.slice(0, cut).replace(CR_LINE_ENDS, '\n');
        end = lines.length;
      } else crlf = true;
    }
    const longest = Math.min(this.limits.columns - 1, this.limits.cellChars, this.limits.recordChars);
    const records: string[][] = [];
    let start = 0;
    let prefix = this.pending;
    for (let lineEnd = lines.indexOf('\n'); lineEnd >= 0 && lineEnd < end; lineEnd = lines.indexOf('\n', start)) {
      const stop = crlf && lineEnd > start && lines.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      if (stop - start + prefix.length > longest) return null;
      const line = lines.slice(start, stop);
      records.push((prefix === '' ? line : prefix + line).split(','));
      prefix = '';
      start = lineEnd + 1;
    }
    // Records that start in these lines: all of them, except a first one begun in an earlier chunk.
    const firstStarted = this.recordStarted ? this.row + 1 : this.row;
    const lastStarted = this.row + records.length - 1;
    if (lastStarted >= firstStarted && lastStarted - 1 > this.limits.rowsPerTable) {
      this.row = Math.max(firstStarted, this.limits.rowsPerTable + 2);
      this.startRecord(); // throws, naming the first row over the limit
    }
    this.row += records.length;
    this.pending = '';
    this.resetRecord();
    return records;
  }

  /**
   * Follows `text` character by character; the records it completes (with the pending
   * text before them) are parsed by papaparse, and the rest waits for the next chunk.
   */
  private scanRecords(text: string, out: CsvBatch[]): void {
    const normal = this.scanChars(text);
    if (this.lastRecordEnd < 0) {
      this.pending += normal;
      return;
    }
    const complete = this.pending + normal.slice(0, this.lastRecordEnd);
    this.pending = normal.slice(this.lastRecordEnd);
    out.push(parseRecords(complete));
  }

  /** Follows the records through `text` character by character (see the class comment for the quoting rules). */
  private scanChars(text: string): string {
    let out = '';
    let from = 0;
    this.lastRecordEnd = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          out += text.slice(from, i);
          from = i + 1;
          continue;
        }
      }
      if (c === NUL)
        throw invalidFile(
          `row ${this.row}: the file contains binary data (a NUL byte), not CSV text`,
          this.row,
          this.field,
        );
      if (!this.recordStarted) this.startRecord();
      if (this.row === 1 && c !== LF && c !== CR) this.headerText += text[i];
      let lineEnd = false;
      switch (this.at) {
        case At.FieldStart:
        case At.Unquoted:
          if (c === COMMA) this.nextField();
          else if (c === LF || c === CR) lineEnd = true;
          else {
            if (this.at === At.FieldStart && c === QUOTE) this.at = At.Quoted;
            else this.at = At.Unquoted;
            this.countChar();
          }
          break;
        case At.Quoted:
          if (c === QUOTE) this.at = At.AfterQuote;
          this.countChar();
          break;
        case At.AfterQuote:
        case At.AfterQuoteSpace:
          if (c === COMMA) this.nextField();
          else if (c === LF || c === CR) lineEnd = true;
          else {
            if (c === QUOTE) this.at = this.at === At.AfterQuote ? At.Quoted : At.AfterQuote;
            else if (WHITE_SPACE.test(text[i])) this.at = At.AfterQuoteSpace;
            else this.at = At.Quoted; // a stray quote: the parser keeps it as text
            this.countChar();
          }
          break;
      }
      if (lineEnd) {
        this.endRecord();
        if (c === CR) {
          out += text.slice(from, i) + '\n';
          from = i + 1;
          this.afterCr = true;
        }
        this.lastRecordEnd = out.length + i + 1 - from; // just after this record's LF in the output
      }
    }
    return from === 0 ? text : out + text.slice(from);
  }

  private startRecord(): void {
    this.recordStarted = true;
    if (this.row - 1 > this.limits.rowsPerTable) {
      throw limitExceeded(
        `the table has more than ${this.limits.rowsPerTable.toLocaleString('en-GB')} ` +
          `rows (the limit); reading stopped at row ${this.row}`,
        this.row,
      );
    }
  }

  private nextField(): void {
    this.field += 1;
    this.fieldChars = 0;
    this.at = At.FieldStart;
    this.countRecordChar();
    if (this.field >= this.limits.columns) {
      throw limitExceeded(
        `row ${this.row} has more than ${this.limits.columns.toLocaleString('en-GB')} ` +
          'columns (the limit); reading stopped',
        this.row,
        this.field,
      );
    }
  }

  private countChar(): void {
    this.fieldChars += 1;
    this.countRecordChar();
    if (this.fieldChars > this.limits.cellChars) {
      throw limitExceeded(
        `row ${this.row}: a cell is longer than ` +
          `${this.limits.cellChars.toLocaleString('en-GB')} characters (the limit; a quote ` +
          'that is never closed makes the rest of the file one cell); reading stopped',
        this.row,
        this.field,
      );
    }
  }

  private countRecordChar(): void {
    this.recordChars += 1;
    if (this.recordChars > this.limits.recordChars) {
      throw limitExceeded(
        `row ${this.row} is longer than ${this.limits.recordChars.toLocaleString('en-GB')} ` +
          'characters (the limit); reading stopped',
        this.row,
        this.field,
      );
    }
  }

  private endRecord(): void {
    this.row += 1;
    this.resetRecord();
  }

  private resetRecord(): void {
    this.recordStarted = false;
    this.field = 0;
    this.fieldChars = 0;
    this.recordChars = 0;
    this.at = At.FieldStart;
  }
}
