/**
 * The CSV reader's record scanner (see csv-text-guard.ts for the rules it follows): finds
 * where records end in decoded text, chunk by chunk, counting rows, fields and characters
 * against the reader's limits (csv-record-count.ts), and hands on whole records as batches.
 */
import { type CsvBatch, firstRecordCells, parseRecords } from './csv-records';
import { CsvRecordCount } from './csv-record-count';
import { invalidFile, type ReaderLimits } from './limits';

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

export class CsvScanner {
  /** Where the scanner is: row, field and the characters counted against the limits. */
  readonly count: CsvRecordCount;
  private at = At.FieldStart;
  /** The header record's text, to name a column in a failure even when the parser never saw the header. */
  private headerText = '';
  /** The last record ended at a CR: an LF straight after it belongs to the same line end. */
  private afterCr = false;
  /** The text (line ends as LF) of the record not yet ended, waiting for the rest of it. */
  private pending = '';
  /** Set by scanChars: where in its output the last record ended (-1: none did). */
  private lastRecordEnd = -1;

  constructor(private readonly limits: ReaderLimits) {
    this.count = new CsvRecordCount(limits);
  }

  /** The header's cells as far as they were read. */
  headerCells(): string[] {
    return firstRecordCells(this.headerText);
  }

  /** The last record, with no line end after it, once the text has ended (null when there is none). */
  finish(): CsvBatch | null {
    return this.pending === '' ? null : parseRecords(this.pending);
  }

  /**
   * Follows the records through `text`, enforcing the limits, and adds their records to
   * `out`. Whole lines before the chunk's first quote go through `plainLines` (native
   * searches and splits); the rest — the header, and any text from a quote on — through
   * `scanRecords`.
   */
  scan(text: string, out: CsvBatch[]): void {
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1); // the LF of a CRLF split across chunks
    }
    if (
      this.count.row === 1 ||
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
    this.count.wholeRecords(records.length);
    this.pending = '';
    this.at = At.FieldStart;
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

  /** Follows the records through `text` character by character (see csv-text-guard.ts for the quoting rules). */
  private scanChars(text: string): string {
    const count = this.count;
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
          `row ${count.row}: the file contains binary data (a NUL byte), not CSV text`,
          count.row,
          count.field,
        );
      if (!count.recordStarted) count.startRecord();
      if (count.row === 1 && c !== LF && c !== CR) this.headerText += text[i];
      let lineEnd = false;
      switch (this.at) {
        case At.FieldStart:
        case At.Unquoted:
          if (c === COMMA) this.nextField();
          else if (c === LF || c === CR) lineEnd = true;
          else {
            if (this.at === At.FieldStart && c === QUOTE) this.at = At.Quoted;
            else this.at = At.Unquoted;
            count.countChar();
          }
          break;
        case At.Quoted:
          if (c === QUOTE) this.at = At.AfterQuote;
          count.countChar();
          break;
        case At.AfterQuote:
        case At.AfterQuoteSpace:
          if (c === COMMA) this.nextField();
          else if (c === LF || c === CR) lineEnd = true;
          else {
            if (c === QUOTE) this.at = this.at === At.AfterQuote ? At.Quoted : At.AfterQuote;
            else if (WHITE_SPACE.test(text[i])) this.at = At.AfterQuoteSpace;
            else this.at = At.Quoted; // a stray quote: the parser keeps it as text
            count.countChar();
          }
          break;
      }
      if (lineEnd) {
        count.endRecord();
        this.at = At.FieldStart;
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

  private nextField(): void {
    this.at = At.FieldStart;
    this.count.nextField();
  }
}
