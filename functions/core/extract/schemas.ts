/**
 * The seven SSD tables of the extract (docs/EXTRACT.md, "Tables"): their columns, which are
 * required, their types, and how a validated row becomes a typed record.
 */
import type { Day, TableName } from '../types';
import type { ExtractBuilder } from './extract-builder';

export type ColumnType = 'text' | 'date' | 'flag' | 'integer';

export interface ColumnSchema {
  /** The SSD column name (lower case). */
  name: string;
  /** Other names accepted for the same column (older SSD versions). */
  aliases?: readonly string[];
  type: ColumnType;
  /** Must be in the header and, except for flags, have a value on every row. */
  required?: boolean;
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
  /** Start and end columns (indexes): an end before the start is an error. */
  span?: { start: number; end: number; sameDayWarning: boolean };
  /** Adds a validated row to the extract (or drops it, where the spec says so). */
  add(row: RowValues, rowNumber: number, out: ExtractBuilder): void;
}

const CP_PLANS: TableSchema = {
  table: 'ssd_cp_plans',
  columns: [
    { name: 'cppl_cp_plan_id', type: 'text', required: true, unique: true },
    { name: 'cppl_person_id', type: 'text', required: true },
    { name: 'cppl_cp_plan_start_date', type: 'date', required: true },
    { name: 'cppl_cp_plan_end_date', type: 'date' },
    { name: 'cppl_cp_plan_initial_category', type: 'text' },
    { name: 'cppl_number_of_previous_cp_plans', type: 'integer', nonNegative: true },
    { name: 'cppl_cp_plan_transfer_out', type: 'flag', flagDefault: false },
  ],
  span: { start: 2, end: 3, sameDayWarning: true },
  add(row, rowNumber, out) {
    out.cpPlans.push({
      id: out.planIds.own(row.text(0)),
      person: out.person(row.text(1)),
      start: row.day(2),
      end: row.optionalDay(3),
      previousPlans: row.optionalInteger(5),
      transferOut: row.flag(6),
      row: rowNumber,
    });
  },
};

const INITIAL_CP_CONFERENCE: TableSchema = {
  table: 'ssd_initial_cp_conference',
  columns: [
    { name: 'icpc_cp_plan_id', type: 'text' },
    { name: 'icpc_icpc_transfer_in', type: 'flag', required: true, flagDefault: false },
    { name: 'icpc_icpc_date', type: 'date' },
  ],
  add(row, rowNumber, out) {
    const planId = row.optionalText(0);
    // A conference that did not lead to a plan has no plan id: it is ignored (spec).
    if (planId === null) return;
    out.initialConferences.push({ planId: out.planIds.own(planId), transferIn: row.flag(1), row: rowNumber });
  },
};

const CP_REVIEWS: TableSchema = {
  table: 'ssd_cp_reviews',
  columns: [
    { name: 'cppr_cp_plan_id', type: 'text', required: true },
    { name: 'cppr_cp_review_date', type: 'date' },
    { name: 'cppr_cp_review_due', type: 'date', mayBeFuture: true },
  ],
  add(row, rowNumber, out) {
    const date = row.optionalDay(1);
    // A review with no date has not been held: it is ignored (spec).
    if (date === null) return;
    out.cpReviews.push({ planId: out.planIds.own(row.text(0)), date, row: rowNumber });
  },
};

const CP_VISITS: TableSchema = {
  table: 'ssd_cp_visits',
  columns: [
    { name: 'cppv_person_id', type: 'text', required: true },
    { name: 'cppv_cp_visit_date', type: 'date', required: true },
    { name: 'cppv_cp_visit_seen', type: 'flag', flagDefault: true },
    { name: 'cppv_cp_plan_id', type: 'text' },
  ],
  add(row, _rowNumber, out) {
    if (row.flag(2)) out.cpVisits.addSeen(out.person(row.text(0)), row.day(1));
    else out.cpVisits.addUnseen();
  },
};

const CIN_PLANS: TableSchema = {
  table: 'ssd_cin_plans',
  columns: [
    { name: 'cinp_cin_plan_id', type: 'text', required: true, unique: true },
    { name: 'cinp_person_id', type: 'text', required: true },
    { name: 'cinp_cin_plan_start_date', type: 'date', required: true },
    { name: 'cinp_cin_plan_end_date', type: 'date' },
  ],
  span: { start: 2, end: 3, sameDayWarning: true },
  add(row, rowNumber, out) {
    out.cinPlans.push({
      id: out.ownId(row.text(0)),
      person: out.person(row.text(1)),
      start: row.day(2),
      end: row.optionalDay(3),
      row: rowNumber,
    });
  },
};

const CIN_VISITS: TableSchema = {
  table: 'ssd_cin_visits',
  columns: [
    { name: 'cinv_person_id', type: 'text', required: true },
    { name: 'cinv_cin_visit_date', type: 'date', required: true },
    { name: 'cinv_cin_visit_seen', type: 'flag', flagDefault: true },
  ],
  add(row, _rowNumber, out) {
    if (row.flag(2)) out.cinVisits.addSeen(out.person(row.text(0)), row.day(1));
    else out.cinVisits.addUnseen();
  },
};

const CLA_EPISODES: TableSchema = {
  table: 'ssd_cla_episodes',
  columns: [
    { name: 'clae_cla_episode_id', type: 'text', required: true, unique: true },
    { name: 'clae_person_id', type: 'text', required: true },
    { name: 'clae_cla_episode_start_date', type: 'date', required: true },
    { name: 'clae_cla_episode_ceased_date', aliases: ['clae_cla_episode_ceased'], type: 'date' },
  ],
  // An episode is not a plan: a same-day episode (e.g. a short break) is not suspicious.
  span: { start: 2, end: 3, sameDayWarning: false },
  add(row, rowNumber, out) {
    out.claEpisodes.push({
      id: out.ownId(row.text(0)),
      person: out.person(row.text(1)),
      start: row.day(2),
      end: row.optionalDay(3),
      row: rowNumber,
    });
  },
};

export const TABLE_SCHEMAS: Readonly<Record<TableName, TableSchema>> = {
  ssd_cp_plans: CP_PLANS,
  ssd_initial_cp_conference: INITIAL_CP_CONFERENCE,
  ssd_cp_reviews: CP_REVIEWS,
  ssd_cp_visits: CP_VISITS,
  ssd_cin_plans: CIN_PLANS,
  ssd_cin_visits: CIN_VISITS,
  ssd_cla_episodes: CLA_EPISODES,
};
