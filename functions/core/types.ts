/**
 * Plain data shared by the pure core: the extract's typed records and the data-quality
 * problems found while reading them. No I/O lives here.
 */
import type { FrontDoor } from './front-door-types';

import type { CareRecords } from './extract/care-records';

/** A calendar date as whole days since 1970-01-01 (no time zone: dates are calendar dates). */
export type Day = number;

/**
 * No date, in a column of Days (an Int32Array): the int32 minimum, about 5.9 million years
 * before 1970: no date read is near it (their years have four digits, and may be before 1970:
 * 1900-01-01 is −25567), and it is below every one.
 */
export const NO_DAY = -2147483648;

/** A reporting month, `YYYY-MM`. */
export type Period = string;

/** The front door's own tables (front-door-types.ts); referrals and conferences are in the seed's tables. */
export const FRONT_DOOR_TABLES = ['ssd_contacts', 'ssd_cin_assessments', 'ssd_s47_enquiry'] as const;

export const TABLE_NAMES = [
  'ssd_cp_plans',
  'ssd_initial_cp_conference',
  'ssd_cp_reviews',
  'ssd_cp_visits',
  'ssd_cin_plans',
  'ssd_cin_visits',
  'ssd_cla_episodes',
  'ssd_cin_episodes',
  ...FRONT_DOOR_TABLES,
  // Children in care (extract/schemas-care.ts)
  'ssd_cla_placement',
  'ssd_cla_reviews',
  'ssd_cla_visits',
  'ssd_missing',
  // Care leavers (measures/registry/care-leavers.ts): their latest status, and their dates of birth.
  'ssd_care_leavers',
  'ssd_person',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Person identifiers are interned to small integers when read, so the core never
 * carries a child's identifier beyond the reader (and cannot log one by accident),
 * and the large visit tables can be held as typed arrays.
 */
export type PersonKey = number;

export interface CpPlan {
  id: string;
  person: PersonKey;
  start: Day;
  end: Day | null;
  /** CIN census NumberOfPreviousCPP; null when missing. */
  previousPlans: number | null;
  /**
   * Whether the plan ended by the child moving to another authority; null when the extract
   * cannot tell (extract.unknown.cpTransferOut says why). See docs/EXTRACT-SSD.md.
   */
  transferOut: boolean | null;
  /** Spreadsheet row (header = 1) for data-quality messages. */
  row: number;
}

/** An initial conference row that names a plan (rows without a plan id are dropped). */
export interface InitialConference {
  planId: string;
  transferIn: boolean;
  row: number;
}

/** A held review (rows with no review date are dropped by the reader). */
export interface CpReview {
  planId: string;
  date: Day;
  row: number;
}

/**
 * A plan or episode with an open/closed span: CIN plans and care episodes. Their ids are checked for uniqueness
 * when read but not kept: no measure or message names one (nationally 450,000 strings).
 */
export interface SpanRecord {
  person: PersonKey;
  start: Day;
  end: Day | null;
  row: number;
}

/**
 * Dated events of children held column-wise (tables of hundreds of thousands of rows or more):
 * entry i happened to `person[i]` on `day[i]`.
 */
export interface PersonDays {
  length: number;
  person: Int32Array;
  day: Int32Array;
}

/**
 * Visits that count (not marked unseen): entry i is a visit to `person[i]` on `day[i]`.
 * Unseen visits are counted but not kept.
 */
export interface VisitTable extends PersonDays {
  /** Rows marked unseen (`N`), which never count. */
  unseenRows: number;
}

/** Facts about CP plans that the extract may or may not hold, named once for unknown/basis. */
export type ExtractFact = 'cpTransferOut' | 'cpRepeat';

export interface Extract {
  /** The tables that were present in the extract. */
  present: TableName[];
  /** Per fact the extract cannot tell: why (shown as the cell's "No data" reason). */
  unknown: Partial<Record<ExtractFact, string>>;
  /** Per fact known from something other than its own column: the basis, for the definitions. */
  basis: Partial<Record<ExtractFact, string>>;
  /**
   * Per table read, the known columns its header had (canonical names, aliases resolved):
   * a measure whose column is absent shows No data rather than a plausible 0. Absent
   * (an extract built by hand in a test) means every column is present.
   */
  columnsPresent?: Partial<Record<TableName, readonly string[]>>;
  /** How many distinct person identifiers were seen (PersonKey ranges over 0..persons-1). */
  persons: number;
  cpPlans: CpPlan[];
  initialConferences: InitialConference[];
  cpReviews: CpReview[];
  cpVisits: VisitTable;
  cinPlans: SpanRecord[];
  cinVisits: VisitTable;
  claEpisodes: SpanRecord[];
  /** Contacts, referrals, assessments, section 47 enquiries and their conferences. */
  frontDoor: FrontDoor;
  /** Placements, care reviews, statutory visits, missing episodes (extract/care-records.ts). */
  care: CareRecords;
  /** ssd_care_leavers with each young person's date of birth (ssd_person); absent when not read. */
  careLeavers?: CareLeaver[];
  /** pers_dob per person (ssd_person), for the measures that need a child's age; absent when not read. */
  births?: ReadonlyMap<PersonKey, Day>;
  /**
   * The tables read with a reach (pack/reach.ts): rows dated before it were read and validated but not kept, so
   * no measure that counts them may be prepared from this extract (measure-cache.ts checks). Absent: all kept.
   */
  pruned?: Partial<Record<TableName, PrunedRows>>;
}

/**
 * Per table, the first day of its rows that some measure can count (pack/reach.ts): the day a measure's reach
 * declares (measures/registry/measure.ts), and the day from which the reader keeps a table's rows.
 */
export type TableReach = Partial<Record<TableName, Day>>;

/** A table kept from a day on: its dated rows before `before` were read, validated and counted, not kept. */
export interface PrunedRows {
  /** The table's reach: the first day of its rows kept. */
  before: Day;
  /** How many rows were not kept. */
  rows: number;
  /** The latest of their dates; null when there were none. */
  latest: Day | null;
}

/** A care leaver's latest recorded status (ssd_care_leavers), codes as extract/care-leaver-codes.ts reads them. */
export interface CareLeaver {
  person: PersonKey;
  /** pers_dob from ssd_person; null when the person has none there. */
  birth: Day | null;
  /** clea_care_leaver_eligibility is Former Relevant; null when not recorded. */
  formerRelevant: boolean | null;
  inTouch: string | null;
  accommodation: string | null;
  /** clea_care_leaver_accom_suitable: true suitable, false unsuitable, null not recorded. */
  suitable: boolean | null;
  activity: string | null;
  row: number;
}

export type Severity = 'error' | 'warning';

/** One data-quality problem: names what, where and why. */
export interface Problem {
  /** A stable machine-readable kind, e.g. `missing-value`, `bad-date`, `overlapping-plans`. */
  kind: string;
  table: string | null;
  /** Spreadsheet row number, header = row 1; null when the problem is about a whole file or table. */
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/**
 * A fact about the read that is not a problem: what was excluded by rule (other
 * authorities' plans), which layout's column names were read, which extra tables were
 * passed over. Listed in the data-quality section under "Information".
 */
export interface InfoNote {
  kind: string;
  table: string | null;
  message: string;
}

/** Problems as reported: at most 50 listed per kind, with a count of the rest. */
export interface DataQuality {
  errors: Problem[];
  warnings: Problem[];
  /** Absent in packs stored before the notes existed: read as none. */
  info?: InfoNote[];
  /** Per kind: how many problems of that kind there were in all (listed + not listed). */
  counts: Record<string, { severity: Severity; total: number; listed: number }>;
}

/** What was read for one input object (for the manifest). */
export interface InputRead {
  /** Source key or path, e.g. `extracts/2013-11/ssd_cp_plans.csv`. */
  key: string;
  size: number;
  sha256: string;
  etag?: string;
  versionId?: string;
}

export interface TableStats {
  table: TableName;
  rows: number;
  file: string;
}
