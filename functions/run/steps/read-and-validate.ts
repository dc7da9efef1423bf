/**
 * Reading the month's extract and validating it: the tables the configuration needs,
 * with the data-quality report (the comments' warnings added). An extract with errors
 * is refused, but what was read is still returned for the manifest.
 */
import { neededTables, type PackConfig } from '../../core/config/pack-config';
import { ExtractInvalidError } from '../../core/errors';
import { withWarnings } from '../../core/extract/problems';
import { readExtract } from '../../core/extract/read-extract';
import { checkInputs } from '../../core/input-checks';
import { tableReach } from '../../core/pack/reach';
import type { ExtractSource } from '../../core/extract/source';
import type { DataQuality, Extract, InputRead, Period, Problem, TableStats } from '../../core/types';
import { qualityCounts } from '../manifest';

export interface ReadRequest {
  source: ExtractSource;
  period: Period;
  config: PackConfig;
  /** Warnings found while loading the comments, reported with the extract's. */
  commentProblems: readonly Problem[];
  onProgress: (line: string) => void;
}

export interface ReadOutcome {
  inputs: InputRead[];
  tables: TableStats[];
  quality: DataQuality;
  /** The extract when it may be computed; null when it was refused. */
  extract: Extract | null;
  /** Why it was refused; null when it was not. */
  refusal: ExtractInvalidError | null;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}

export async function readAndValidate(request: ReadRequest): Promise<ReadOutcome> {
  const { source, period } = request;
  const read = await readExtract(source, {
    period,
    neededTables: neededTables(request.config),
    // Rows dated before any window of this pack are checked but not kept (docs/EXTRACT.md).
    reach: tableReach(request.config, period),
    onTable: (table) => request.onProgress(`read ${table.file}: ${plural(table.rows, 'row')}`),
  });
  // The checks validate shares (input-checks.ts): population, the extract against the month, targets for the year.
  const quality = checkInputs(withWarnings(read.quality, request.commentProblems), {
    config: request.config,
    period,
    extract: read.extract,
  });
  const errors = qualityCounts(quality).errors;
  const refused = !read.extract || errors > 0;
  return {
    inputs: read.inputs,
    tables: read.tables,
    quality,
    extract: refused ? null : read.extract,
    refusal: refused
      ? new ExtractInvalidError(
          `The extract at ${source.description} has ${plural(errors, 'error')}; the pack was not produced.`,
          quality,
        )
      : null,
  };
}
