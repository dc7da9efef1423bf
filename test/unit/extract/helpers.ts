/** Shared helpers for the extract tests. */
import {
  readExtract,
  type ReadExtractOptions,
  type ReadExtractResult,
} from '../../../functions/core/extract/read-extract';
import { memorySource, type MemorySourceOptions } from '../../../functions/core/extract/memory-source';
import { FRONT_DOOR_TABLES, TABLE_NAMES, type Problem, type TableName } from '../../../functions/core/types';

/** Days since 1970-01-01, computed independently of the code under test. */
export const day = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export const csv = (...lines: string[]): string => lines.join('\n') + '\n';

export const NO_TABLES = new Set<TableName>();
/**
 * The tables these tests' small extracts have: the seed's and the care leavers'; not ssd_cin_episodes (read for
 * transfers out), nor the front door's, nor children in care's (each tested with its own extracts).
 */
const NOT_SEED: readonly TableName[] = [
  'ssd_cin_episodes',
  ...FRONT_DOOR_TABLES,
  'ssd_cla_placement',
  'ssd_cla_reviews',
  'ssd_cla_visits',
  'ssd_missing',
];
export const ALL_TABLES = new Set<TableName>(TABLE_NAMES.filter((table) => !NOT_SEED.includes(table)));

export function read(
  files: Record<string, string | Buffer>,
  options: {
    period?: string;
    needed?: Set<TableName>;
    source?: MemorySourceOptions;
    limits?: ReadExtractOptions['limits'];
    reach?: ReadExtractOptions['reach'];
  } = {},
): Promise<ReadExtractResult> {
  return readExtract(memorySource(files, options.source), {
    period: options.period ?? '2013-11',
    neededTables: options.needed ?? NO_TABLES,
    limits: options.limits,
    reach: options.reach,
  });
}

/** Problems as compact tuples: [kind, table, row, column, value]. */
export function summarise(
  problems: readonly Problem[],
): Array<[string, string | null, number | null, string | null, string | null]> {
  return problems.map((p) => [p.kind, p.table, p.row, p.column, p.value]);
}
