/**
 * The CSV reader's count of where it is — the record's spreadsheet row, its field, the
 * characters of the field and of the record — which stops the file, naming the row and
 * column, as soon as a record passes one of the reader's limits (limits.ts).
 */
import { limitExceeded, type ReaderLimits, UNQUOTED_EXPORT_HINT } from './limits';

export class CsvRecordCount {
  /** The current record's spreadsheet row (header = 1). */
  row = 1;
  /** The current record has begun (its first character has been read). */
  recordStarted = false;
  /** The current field's index in its record (0-based). */
  field = 0;
  private fieldChars = 0;
  private recordChars = 0;

  constructor(private readonly limits: ReaderLimits) {}

  /** Records begun so far (blank lines included). */
  get records(): number {
    return this.recordStarted ? this.row : this.row - 1;
  }

  startRecord(): void {
    this.recordStarted = true;
    if (this.row - 1 > this.limits.rowsPerTable) {
      throw limitExceeded(
        `the table has more than ${this.limits.rowsPerTable.toLocaleString('en-GB')} ` +
          `rows (the limit); reading stopped at row ${this.row}`,
        this.row,
      );
    }
  }

  /** A comma: the next field begins. */
  nextField(): void {
    this.field += 1;
    this.fieldChars = 0;
    this.countRecordChar();
    if (this.field >= this.limits.columns) {
      throw limitExceeded(
        `row ${this.row} has more than ${this.limits.columns.toLocaleString('en-GB')} ` +
          `columns (the limit); reading stopped${this.row > 1 ? `: ${UNQUOTED_EXPORT_HINT}` : ''}`,
        this.row,
        this.field,
      );
    }
  }

  /** A character of the current field. */
  countChar(): void {
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

  endRecord(): void {
    this.row += 1;
    this.resetRecord();
  }

  /**
   * Counts `count` whole records read without a character scan (the first continuing the
   * record already begun, if one is), stopping at the first row over the row limit.
   */
  wholeRecords(count: number): void {
    // Records that start here: all of them, except a first one begun earlier.
    const firstStarted = this.recordStarted ? this.row + 1 : this.row;
    const lastStarted = this.row + count - 1;
    if (lastStarted >= firstStarted && lastStarted - 1 > this.limits.rowsPerTable) {
      this.row = Math.max(firstStarted, this.limits.rowsPerTable + 2);
      this.startRecord(); // throws, naming the first row over the limit
    }
    this.row += count;
    this.resetRecord();
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

  private resetRecord(): void {
    this.recordStarted = false;
    this.field = 0;
    this.fieldChars = 0;
    this.recordChars = 0;
  }
}
