/**
 * Validates one table row by row, whatever the file form (CSV text cells or typed
 * workbook cells), and hands valid rows to the table's schema to become records.
 * Raw rows are never kept: each is checked, converted and forgotten.
 */
import type { Day, TableName, TableStats } from '../types';
import type { ExtractBuilder } from './extract-builder';
import { FirstRows } from './first-rows';
import { IdTable } from './id-table';
import { isoFromDay } from '../calendar';
import type { ProblemCollector } from './problems';
import { type ColumnSchema, type RowValue, RowValues, type TableSchema } from './schema-types';
import {
  type CellValue,
  describeCell,
  isMissing,
  parseDateCell,
  parseFlagCell,
  parseIntegerCell,
  parseTextCell,
} from './values';

export interface TableReadContext {
  problems: ProblemCollector;
  out: ExtractBuilder;
  /** Last day of the reporting month: later dates are warned about. */
  periodEnd: Day;
}

const DATE_FORMS = 'YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], DD/MM/YYYY [HH:MM[:SS]] or a workbook date';

const BAD_VALUE: Record<ColumnSchema['type'], { kind: string; message: string }> = {
  text: { kind: 'bad-text', message: 'not a text value' },
  date: { kind: 'bad-date', message: `not a valid date (expected ${DATE_FORMS})` },
  flag: { kind: 'bad-flag', message: 'not a flag (expected Y/N, Yes/No, 1/0 or true/false)' },
  integer: { kind: 'bad-integer', message: 'not a whole number' },
};

function parseCell(type: ColumnSchema['type'], cell: CellValue): RowValue | undefined {
  switch (type) {
    case 'text':
      return parseTextCell(cell);
    case 'date':
      return parseDateCell(cell);
    case 'flag':
      return parseFlagCell(cell);
    case 'integer':
      return parseIntegerCell(cell);
  }
}

/** A builder's id table that a unique column's check fills: empty, so its ordinals are the column's. */
function sharedIds(table: IdTable): IdTable {
  if (table.size !== 0) throw new Error('internal: a unique column was handed an id table already in use');
  return table;
}

export class TableReader {
  private readonly columns: readonly ColumnSchema[];
  /** Position of each schema column in the file's rows; -1 when the column is absent. */
  private positions: number[] = [];
  private usable = false;
  private readonly values: RowValue[];
  private readonly row: RowValues;
  /**
   * The unique columns (indexes), and for each, its values seen (ids) and the first row each
   * was seen on (by the id's ordinal). Typed arrays, not a Map, as a national table has
   * millions of ids (id-table.ts, first-rows.ts).
   */
  private readonly uniqueColumns: number[] = [];
  private readonly seenIds: IdTable[] = [];
  private readonly firstRows: FirstRows[] = [];
  private rows = 0;

  constructor(
    private readonly schema: TableSchema,
    private readonly context: TableReadContext,
    private readonly file: string,
  ) {
    this.columns = schema.columns;
    this.values = new Array<RowValue>(schema.columns.length).fill(null);
    this.row = new RowValues(this.values);
    schema.columns.forEach((column, i) => {
      if (!column.unique) return;
      this.uniqueColumns.push(i);
      this.seenIds.push(
        schema.sharedIds?.column === i ? sharedIds(schema.sharedIds.table(context.out)) : new IdTable(),
      );
      this.firstRows.push(new FirstRows());
    });
  }

  get table(): TableName {
    return this.schema.table;
  }

  /** Reads the header row; returns false when the table cannot be read (a required column is missing). */
  header(cells: readonly CellValue[]): boolean {
    const byName = new Map<string, { index: number; layout: string | null }>();
    this.columns.forEach((column, i) => {
      byName.set(column.name, { index: i, layout: null });
      for (const alias of column.aliases ?? []) byName.set(alias.name, { index: i, layout: alias.layout });
    });
    this.positions = this.columns.map(() => -1);
    const headerText: (string | null)[] = this.positions.map(() => null);
    cells.forEach((cell, position) => {
      const text = (describeCell(cell) ?? '').trim();
      const found = byName.get(text.toLowerCase());
      if (found === undefined) return; // other columns (the SSD has many more) are ignored (spec)
      const i = found.index;
      if (this.positions[i] >= 0) {
        this.problem(
          'error',
          'duplicate-column',
          1,
          text,
          text,
          `column ${this.columns[i].name} appears twice in the header (as "${headerText[i]}" ` +
            `and "${text}"); which one to use is ambiguous`,
        );
        return;
      }
      this.positions[i] = position;
      headerText[i] = text;
      if (found.layout !== null)
        this.context.out.aliases.push({
          table: this.schema.table,
          column: this.columns[i].name,
          header: text,
          layout: found.layout,
        });
    });
    this.context.out.columnsPresent[this.schema.table] = this.columns
      .filter((_, i) => this.positions[i] >= 0)
      .map((column) => column.name);
    let usable = true;
    this.columns.forEach((column, i) => {
      if ((column.required || column.inHeader) && this.positions[i] < 0) {
        this.problem(
          'error',
          'missing-column',
          1,
          column.name,
          null,
          `required column ${column.name} is missing from the header of ${this.file}`,
        );
        usable = false;
      }
    });
    const linkedBy = this.schema.linkedBy;
    if (linkedBy && !linkedBy.some((i) => this.positions[i] >= 0)) {
      const names = linkedBy.map((i) => this.columns[i].name);
      this.problem(
        'error',
        'missing-column',
        1,
        names.join(' / '),
        null,
        `the header of ${this.file} has none of ${names.join(', ')}: its rows cannot be linked to a child`,
      );
      usable = false;
    }
    this.usable = usable;
    return usable;
  }

  /** Validates one data row (rowNumber: spreadsheet row, header = 1) and adds its record if valid. */
  addRow(cells: readonly CellValue[], rowNumber: number): void {
    if (!this.usable) return;
    this.rows += 1;
    let valid = true;
    for (let i = 0; i < this.columns.length; i++) {
      if (!this.readValue(i, cells, rowNumber)) valid = false;
    }
    if (!this.checkUnique(rowNumber)) valid = false;
    if (!this.checkSpan(rowNumber)) valid = false;
    if (valid) this.schema.add(this.row, rowNumber, this.context.out);
  }

  stats(): TableStats {
    return { table: this.schema.table, rows: this.rows, file: this.file };
  }

  /** Parses column i of the row into this.values[i]; false when that gave an error. */
  private readValue(i: number, cells: readonly CellValue[], rowNumber: number): boolean {
    const column = this.columns[i];
    const position = this.positions[i];
    const cell = position >= 0 ? cells[position] : undefined;
    if (isMissing(cell)) {
      this.values[i] = column.type === 'flag' ? (column.flagDefault ?? false) : null;
      if (column.required && column.type !== 'flag') {
        this.problem('error', 'missing-value', rowNumber, column.name, describeCell(cell), `required value is missing`);
        return false;
      }
      return true;
    }
    const value = parseCell(column.type, cell);
    if (value === undefined) {
      this.values[i] = null;
      const bad = BAD_VALUE[column.type];
      this.problem('error', bad.kind, rowNumber, column.name, describeCell(cell), bad.message);
      return false;
    }
    this.values[i] = value;
    if (column.nonNegative && typeof value === 'number' && value < 0) {
      this.problem('error', 'negative-number', rowNumber, column.name, describeCell(cell), 'must not be negative');
      return false;
    }
    if (column.type === 'date' && !column.mayBeFuture && typeof value === 'number' && value > this.context.periodEnd) {
      this.problem(
        'warning',
        'after-period',
        rowNumber,
        column.name,
        isoFromDay(value),
        `dated after the reporting month (ends ${isoFromDay(this.context.periodEnd)}); the record is kept`,
      );
    }
    return true;
  }

  private checkUnique(rowNumber: number): boolean {
    let ok = true;
    for (let u = 0; u < this.uniqueColumns.length; u++) {
      const i = this.uniqueColumns[u];
      const value = this.values[i];
      if (typeof value !== 'string') continue;
      const ids = this.seenIds[u];
      const known = ids.size;
      const ordinal = ids.ordinal(value);
      if (ordinal === known) {
        this.firstRows[u].add(rowNumber);
      } else {
        const first = this.firstRows[u].rowOf(ordinal);
        this.problem(
          'error',
          'duplicate-id',
          rowNumber,
          this.columns[i].name,
          value,
          `duplicate identifier: already used on row ${first}`,
        );
        ok = false;
      }
    }
    return ok;
  }

  private checkSpan(rowNumber: number): boolean {
    const span = this.schema.span;
    if (!span) return true;
    const start = this.values[span.start];
    const end = this.values[span.end];
    if (typeof start !== 'number' || typeof end !== 'number') return true;
    const endColumn = this.columns[span.end].name;
    if (end < start) {
      this.problem(
        'error',
        'end-before-start',
        rowNumber,
        endColumn,
        isoFromDay(end),
        `end date is before the start date ${isoFromDay(start)}`,
      );
      return false;
    }
    if (end === start && span.sameDayWarning) {
      this.problem(
        'warning',
        'same-day-plan',
        rowNumber,
        endColumn,
        isoFromDay(end),
        'plan starts and ends on the same day',
      );
    }
    return true;
  }

  private problem(
    severity: 'error' | 'warning',
    kind: string,
    row: number,
    column: string,
    value: string | null,
    message: string,
  ): void {
    const problem = { kind, table: this.schema.table, row, column, value, message };
    if (severity === 'error') this.context.problems.error(problem);
    else this.context.problems.warning(problem);
  }
}
