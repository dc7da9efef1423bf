/**
 * Reads and validates one extract (extract.md). CONTRACT STUB: implemented under issue 2.
 */
import type { DataQuality, Extract, InputRead, Period, TableName, TableStats } from '../types';
import type { ExtractSource } from './source';

export interface ReadExtractOptions {
  /** The reporting month: records dated after it are warned about. */
  period: Period;
  /** Tables the configured indicators need: these must be present. */
  neededTables: Set<TableName>;
  /** Called as each table has been read (for progress on a terminal). */
  onTable?: (stats: TableStats) => void;
}

export interface ReadExtractResult {
  /** The typed records; null when there were errors. */
  extract: Extract | null;
  quality: DataQuality;
  inputs: InputRead[];
  tables: TableStats[];
}

export async function readExtract(source: ExtractSource, options: ReadExtractOptions): Promise<ReadExtractResult> {
  void source;
  void options;
  throw new Error('readExtract: not implemented yet');
}
