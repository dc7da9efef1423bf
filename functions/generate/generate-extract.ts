/**
 * A deterministic sample extract: a synthetic authority's child-protection, child-in-need
 * and care histories, in the SSD tables of docs/EXTRACT.md. Scale 1 is an authority the size of
 * the seed report's (about 57,600 children aged 0–17) at England's 2013/14 rates: around 240
 * children on a CP plan at a month end (about 300 starts a year), about 350 in care and 250 on
 * CIN plans (docs/COMMANDS.md, "The generator's rates"), with
 * seven years of history up to the reporting month. Scale N is N such authorities side by
 * side ("blocks"), each with its own ids and its own seeded random stream, so the output
 * is generated one block at a time — never all in memory — and is byte-identical for the
 * same arguments.
 *
 * The output is clean by design (validation finds no errors and no warnings): it is the
 * demo's and the benchmarks' input. Realism lives in the timing: late and missing reviews,
 * missed and unseen visits, repeat plans, transfers in and out.
 */
import { periodEnd } from '../core/extract/period';
import type { Period, TableName } from '../core/types';
import { Block } from './block';
import { careBirthFamily } from './care-births';
import { careEpisodeFamily } from './care-episodes';
import { careHistoryFamily } from './care-history';
import { careLeaverFamily } from './care-leavers';
import { childProtectionFamily } from './child-protection';
import { cinPlanFamily } from './cin-plans';
import { frontDoorFamily } from './front-door';
import { headerOf, LAYOUT_COLUMNS, type Layout } from './layouts';

export interface GenerateOptions {
  period: Period;
  /** How many authority-sized blocks (a positive whole number). */
  scale: number;
  seed?: number;
  /** The column set and value forms written (layouts.ts); spec when omitted. */
  layout?: Layout;
}

/** One block's rows per table of the layout; each row's values in the layout's column order. */
export type BlockRows = Partial<Record<TableName, string[][]>>;

/**
 * The table families, in the order a block writes them. The first three share the block's
 * main random stream (their order is part of the output); a family added later draws from
 * `block.stream(salt)` so the earlier families' rows stay byte-identical.
 */
const FAMILIES: readonly ((block: Block) => void)[] = [
  childProtectionFamily,
  cinPlanFamily,
  careEpisodeFamily,
  frontDoorFamily,
  careHistoryFamily,
  careLeaverFamily,
  careBirthFamily,
];

export function columnNames(table: TableName, layout: Layout = 'spec'): string[] {
  return (LAYOUT_COLUMNS[layout][table] ?? []).map(headerOf);
}

/** The blocks of the extract, generated one at a time. */
export function* generateBlocks(options: GenerateOptions): Generator<BlockRows> {
  const end = periodEnd(options.period);
  for (let index = 0; index < options.scale; index++) {
    const block = new Block(end, index, options.seed ?? 1, options.layout ?? 'spec');
    for (const family of FAMILIES) family(block);
    yield block.out.rows;
  }
}

/** One table's rows across all blocks (for writers that write a table at a time). */
export function* generateTableRows(options: GenerateOptions, table: TableName): Generator<string[]> {
  for (const block of generateBlocks(options)) yield* block[table] ?? [];
}
