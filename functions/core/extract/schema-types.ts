/**
 * How a table of the extract is declared (schemas.ts declares the tables): its columns,
 * their types and names in each layout, and typed access to a validated row.
 */
import type { Day, TableName } from '../types';
import type { ExtractBuilder } from './extract-builder';
import type { IdTable } from './id-table';

export type ColumnType = 'text' | 'date' | 'flag' | 'integer';

/**
 * Where a column name comes from: `ssd` is the current Standard Safeguarding Dataset
 * (data-to-insight/ssd-data-model data/objects/*.yml, the SystemC/Eclipse deployment
 * v1.4.5); `mosaic` its Mosaic deployment script; `ssd-v1.2` the v1.2.x LA releases;
 * `spec` columns of docs/EXTRACT.md that the SSD does not have (an authority may add them).
 */
export type ColumnLayout = 'ssd' | 'mosaic' | 'ssd-v1.2' | 'spec';

/** Another header name accepted for a column, and the layout that writes it. */
export interface ColumnAlias {
  name: string;
  layout: ColumnLayout;
}

export interface ColumnSchema {
  /** The canonical column name (lower case): the current SSD's where it has the column. */
  name: string;
  /** The layout of the canonical name. */
  layout: ColumnLayout;
  /** Other names accepted for the same column, each with the layout that uses it. */
  aliases?: readonly ColumnAlias[];
  type: ColumnType;
  /** Must be in the header and, except for flags, have a value on every row. */
  required?: boolean;
  /** Must be in the header, but a row may leave it empty (the SSD allows it: see links.ts). */
  inHeader?: boolean;
  /** No two rows may share a value. */
  unique?: boolean;
  /** For flags: the value of a missing cell (or an absent optional column). */
  flagDefault?: boolean;
  /** For integers: negative values are errors. */
  nonNegative?: boolean;
  /**
   * For dates: a date after the reporting month is expected here (a review's due date
   * is naturally in the future), so it is not warned about.
   */
  mayBeFuture?: boolean;
}

/** A row's values, in the order of its table's columns; null = missing. */
export type RowValue = string | number | boolean | null;

/** Typed access to a validated row's values (required values are known to be present). */
export class RowValues {
  constructor(readonly values: RowValue[]) {}

  text(i: number): string {
    const v = this.values[i];
    if (typeof v !== 'string') throw new Error(`internal: column ${i} is not text`);
    return v;
  }

  optionalText(i: number): string | null {
    const v = this.values[i];
    return typeof v === 'string' ? v : null;
  }

  day(i: number): Day {
    const v = this.values[i];
    if (typeof v !== 'number') throw new Error(`internal: column ${i} is not a date`);
    return v;
  }

  optionalDay(i: number): Day | null {
    const v = this.values[i];
    return typeof v === 'number' ? v : null;
  }

  optionalInteger(i: number): number | null {
    const v = this.values[i];
    return typeof v === 'number' ? v : null;
  }

  flag(i: number): boolean {
    return this.values[i] === true;
  }
}

export interface TableSchema {
  table: TableName;
  columns: readonly ColumnSchema[];
  /**
   * Columns (indexes) of which the header must have at least one: the ways a row can be
   * linked to a child (a person id, or the id of a plan or referral that names one).
   */
  linkedBy?: readonly number[];
  /** Start and end columns (indexes): an end before the start is an error. */
  span?: { start: number; end: number; sameDayWarning: boolean };
  /**
   * A unique column whose ids the builder also keeps (in an id table), and that table: the
   * uniqueness check adds each id to it, so one table serves both (nationally 1.5 million CIN
   * episode ids) and the builder finds a row's id already there. It also holds the ids of rows
   * that failed validation and were never added, which the builder must tell apart.
   */
  sharedIds?: { column: number; table(out: ExtractBuilder): IdTable };
  /** Adds a validated row to the extract (or drops it, where the spec says so). */
  add(row: RowValues, rowNumber: number, out: ExtractBuilder): void;
}
