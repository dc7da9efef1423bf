/**
 * The stage between a CSV file's bytes and the CSV parser. It
 * - decodes UTF-8 strictly: invalid bytes stop the file with the row they are on, as
 *   identifiers must never be silently altered (a replacement character could make two
 *   children's ids equal, or one child's id differ between tables);
 * - ends records at CRLF, LF or a lone CR alike, whatever mix a file has, and hands the
 *   parser LF only (line breaks inside quoted fields are kept as they are): the parser
 *   on its own guesses one line ending from the first chunk and would treat the others
 *   as data;
 * - enforces the reader's size limits (limits.ts) as the text streams through, before
 *   the parser buffers a row, so a hostile file stops at the limit, naming its row.
 *
 * To name the parser's rows it follows papaparse's quoting: a field is quoted only when
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

  constructor(private readonly limits: ReaderLimits) {
    super({ readableObjectMode: true });
  }

  /** Records begun so far (blank lines included), for tests against the parser. */
  get records(): number {
    return this.recordStarted ? this.row : this.row - 1;
  }

  /** The header's cells as far as they were read. */
  headerCells(): string[] {
    const parsed = Papa.parse<string[]>(this.headerText, { delimiter: ',', newline: '\n' });
    return parsed.data[0] ?? [];
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.decodeChunk(chunk);
      callback(null, text.length > 0 ? text : undefined);
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length > 0) {
      callback(invalidFile(`row ${this.row}: the file ends in the middle of a UTF-8 character (bytes ${hex(this.carry)}); it is not UTF-8 text`, this.row));
      return;
    }
    callback();
  }

  private decodeChunk(chunk: Buffer): string {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.fileBytes) {
      throw limitExceeded(`the file is larger than the limit of ${describeBytes(this.limits.fileBytes)}; reading stopped`);
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
      this.scan(this.decoder.decode(bytes.subarray(0, bad))); // to know the row the bad bytes are on
      throw invalidFile(
        `row ${this.row}: the bytes ${hex(bytes.subarray(bad, bad + 4))} (at byte ${(startOffset + bad).toLocaleString('en-GB')} of the file) are not UTF-8 text; save the file as UTF-8 ("CSV UTF-8" in Excel)`,
        this.row,
        this.field,
      );
    }
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is allowed (extract.md)
    }
    return this.scan(text);
  }

  /**
   * Follows the records through `text`, enforcing the limits; returns the text with every
   * line end outside quotes as LF. Whole lines before the chunk's first quote go through
   * `scanPlainLines` (native searches, no work per character); the rest — the header, and
   * any text from a quote on — is followed character by character.
   */
  private scan(text: string): string {
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1); // the LF of a CRLF split across chunks
    }
    if (this.row === 1 || (this.at !== At.FieldStart && this.at !== At.Unquoted) || text.indexOf('\0') >= 0) return this.scanChars(text);
    const quote = text.indexOf('"');
    const plainEnd = quote < 0 ? text.length : quote;
    const cut = Math.max(text.lastIndexOf('\n', plainEnd - 1), text.lastIndexOf('\r', plainEnd - 1)) + 1;
    if (cut === 0) return this.scanChars(text);
    const plain = this.scanPlainLines(text.slice(0, cut));
    if (plain === null) return this.scanChars(text);
    // A CR just before the cut may be the first half of a CRLF whose LF is in the next chunk.
    this.afterCr = cut === text.length && text.charCodeAt(cut - 1) === CR;
    return cut === text.length ? plain : plain + this.scanChars(text.slice(cut));
  }

  /**
   * The fast path for `lines`: whole records (each ending in CR, LF or CRLF) with no quote
   * and no NUL, starting where the current record (if any) has got to. Without quotes every
   * line end ends a record, and a record of L characters has at most L + 1 fields and no
   * cell longer than L, so when no record is longer than the shortest of the limits, none
   * of them is breached and only the rows need counting. Returns the lines with LF line
   * ends, or null (the state untouched) when a record is too long to decide here: then the
   * character scan decides, and names the row, column and limit.
   */
  private scanPlainLines(lines: string): string | null {
    const text = lines.indexOf('\r') >= 0 ? lines.replace(CR_LINE_ENDS, '\n') : lines;
    const longest = Math.min(this.limits.columns - 1, this.limits.cellChars, this.limits.recordChars);
    let records = 0;
    let start = 0;
    let carried = this.recordChars;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      if (end - start + carried > longest) return null;
      carried = 0;
      records += 1;
      start = end + 1;
    }
    // Records that start in these lines: all of them, except a first one begun in an earlier chunk.
    const firstStarted = this.recordStarted ? this.row + 1 : this.row;
    const lastStarted = this.row + records - 1;
    if (lastStarted >= firstStarted && lastStarted - 1 > this.limits.rowsPerTable) {
      this.row = Math.max(firstStarted, this.limits.rowsPerTable + 2);
      this.startRecord(); // throws, naming the first row over the limit
    }
    this.row += records;
    this.resetRecord();
    return text;
  }

  /** Follows the records through `text` character by character (see the class comment for the quoting rules). */
  private scanChars(text: string): string {
    let out = '';
    let from = 0;
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
      if (c === NUL) throw invalidFile(`row ${this.row}: the file contains binary data (a NUL byte), not CSV text`, this.row, this.field);
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
      }
    }
    return from === 0 ? text : out + text.slice(from);
  }

  private startRecord(): void {
    this.recordStarted = true;
    if (this.row - 1 > this.limits.rowsPerTable) {
      throw limitExceeded(`the table has more than ${this.limits.rowsPerTable.toLocaleString('en-GB')} rows (the limit); reading stopped at row ${this.row}`, this.row);
    }
  }

  private nextField(): void {
    this.field += 1;
    this.fieldChars = 0;
    this.at = At.FieldStart;
    this.countRecordChar();
    if (this.field >= this.limits.columns) {
      throw limitExceeded(`row ${this.row} has more than ${this.limits.columns.toLocaleString('en-GB')} columns (the limit); reading stopped`, this.row, this.field);
    }
  }

  private countChar(): void {
    this.fieldChars += 1;
    this.countRecordChar();
    if (this.fieldChars > this.limits.cellChars) {
      throw limitExceeded(
        `row ${this.row}: a cell is longer than ${this.limits.cellChars.toLocaleString('en-GB')} characters (the limit; a quote that is never closed makes the rest of the file one cell); reading stopped`,
        this.row,
        this.field,
      );
    }
  }

  private countRecordChar(): void {
    this.recordChars += 1;
    if (this.recordChars > this.limits.recordChars) {
      throw limitExceeded(`row ${this.row} is longer than ${this.limits.recordChars.toLocaleString('en-GB')} characters (the limit); reading stopped`, this.row, this.field);
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
