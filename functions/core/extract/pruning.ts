/**
 * Rows no measure can reach (docs/EXTRACT.md, "Rows before the pack's reach"). An extract holds years of visits and
 * contacts, but a pack only counts those in its own windows: the visit measures look back one visit window from the
 * earliest day they are evaluated at, the contact count from the first day of its earliest column. The reader is
 * given, per table, that first countable day (pack/reach.ts); a dated row before it is read and validated as every
 * row is, counted here, and not kept, so the largest tables hold about a quarter of their rows. Undated rows are
 * kept or counted exactly as without a reach.
 */
import { isoFromDay } from '../calendar';
import type { Day, PrunedRows, TableName, TableReach } from '../types';
import type { ProblemCollector } from './problems';

/** The tables whose builders drop rows before a reach: the large leaf tables of short-window measures. */
export const PRUNABLE_TABLES = ['ssd_cp_visits', 'ssd_cin_visits', 'ssd_cla_visits', 'ssd_contacts'] as const;
export type PrunableTable = (typeof PRUNABLE_TABLES)[number];

const WORDS: Record<PrunableTable, { one: string; many: string; linked: string }> = {
  ssd_cp_visits: { one: 'CP visit', many: 'CP visits', linked: 'to no child or to another authority’s plan' },
  ssd_cin_visits: { one: 'CIN visit', many: 'CIN visits', linked: 'to no child' },
  ssd_cla_visits: { one: 'care visit', many: 'care visits', linked: 'to no child' },
  ssd_contacts: { one: 'contact', many: 'contacts', linked: '' },
};

/** One table's rows before its reach: counted as they are read. Without a reach every row is kept. */
export class RowPruner {
  private rows = 0;
  private latest: Day | null = null;

  /** @param before the table's reach; undefined: none (every row kept). */
  constructor(private readonly before?: Day) {}

  /** Whether a row of this date is before the reach; such a row is counted here, to be left out by the caller. */
  prunes(day: Day): boolean {
    if (this.before === undefined || day >= this.before) return false;
    this.rows += 1;
    if (this.latest === null || day > this.latest) this.latest = day;
    return true;
  }

  /** What was left out; null when the table had no reach. */
  result(): PrunedRows | null {
    return this.before === undefined ? null : { before: this.before, rows: this.rows, latest: this.latest };
  }
}

/** A pruner per prunable table, from the reach the read was given (tables it names no day for keep every row). */
export function pruners(reach: TableReach): Record<PrunableTable, RowPruner> {
  return {
    ssd_cp_visits: new RowPruner(reach.ssd_cp_visits),
    ssd_cin_visits: new RowPruner(reach.ssd_cin_visits),
    ssd_cla_visits: new RowPruner(reach.ssd_cla_visits),
    ssd_contacts: new RowPruner(reach.ssd_contacts),
  };
}

/**
 * The tables read with a reach, for the Extract (so the measures can check they were read far enough back), and an
 * information line per table that had rows before it. Visits before the reach are not linked, so the warnings that
 * need a visit's plan or referral looked up count only the later ones: the line says so.
 */
export function prunedTables(
  all: Record<PrunableTable, RowPruner>,
  problems: ProblemCollector,
): Partial<Record<TableName, PrunedRows>> {
  const pruned: Partial<Record<TableName, PrunedRows>> = {};
  for (const table of PRUNABLE_TABLES) {
    const result = all[table].result();
    if (result === null) continue;
    pruned[table] = result;
    if (result.rows === 0) continue;
    const words = WORDS[table];
    const linked =
      words.linked === '' ? '' : `; their links were not looked up (the visits linked ${words.linked} are of the rest)`;
    problems.info({
      kind: 'rows-before-reach',
      table,
      message:
        `${result.rows.toLocaleString('en-GB')} ${result.rows === 1 ? words.one : words.many} dated before ` +
        `${isoFromDay(result.before)}, earlier than any window the pack shows, ` +
        `${result.rows === 1 ? 'was' : 'were'} checked but not kept${linked}`,
    });
  }
  return pruned;
}
