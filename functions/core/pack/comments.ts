/**
 * Section and indicator comments (docs/OUTPUTS.md, Comments): supplied comments win;
 * without a supplied performance comment one is drafted from the month's numbers and
 * marked as a draft; the service comment stays empty (shown as a placeholder) until
 * supplied.
 */
import type { MeasureName } from '../config/pack-config';
import { measureOf, type DraftContext, type DraftFigures } from '../measures/registry';
import { publishedComparison } from '../measures/registry/draft-words';
import type { CommentsFile, SectionComments } from './pack-types';

export type { DraftContext } from '../measures/registry';

/** What a drafted sentence needs to know about one row: its figures, its measure and parameters. */
export interface DraftRow extends DraftFigures {
  code: string;
  /** Why the row has no figures (PackIndicator.unavailable), or null. */
  unavailable: string | null;
  measure: MeasureName;
  /** The indicator's parameters as configured. */
  params: Readonly<Record<string, unknown>>;
}

/** One sentence about a row, in the words the seed's officers used (each measure's own, in the registry). */
export function draftSentence(row: DraftRow, context: DraftContext): string {
  // No figures to put in the measure's own sentence: "0 out of 0" would be a wrong number.
  if (row.unavailable !== null) return `${row.code}: no data, because ${row.unavailable}.`;
  // Every measure with published figures is put beside them in the same words (the seed's "ranged between").
  return measureOf(row.measure).draft(row, row.params, context) + publishedComparison(row);
}

/** The drafted performance comment: one paragraph (blank-line separated, as renderers split them) per row. */
export function draftPerformanceComment(rows: DraftRow[], context: DraftContext): string {
  return rows.map((row) => draftSentence(row, context)).join('\n\n');
}

/** Supplied text, or null when missing or blank (or not text at all). */
function supplied(textValue: unknown): string | null {
  const trimmed = typeof textValue === 'string' ? textValue.trim() : '';
  return trimmed ? trimmed : null;
}

/** A record's own entry: a code like "constructor" must not find Object.prototype's. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function sectionComments(
  sectionId: string,
  rows: DraftRow[],
  context: DraftContext,
  file: CommentsFile | null | undefined,
): SectionComments {
  const given = own(file?.sections, sectionId);
  const performance = supplied(given?.performance);
  return {
    performance:
      performance !== null
        ? { text: performance, draft: false }
        : { text: draftPerformanceComment(rows, context), draft: true },
    service: { text: supplied(given?.service) },
  };
}

export function indicatorComment(code: string, file: CommentsFile | null | undefined): string | null {
  return supplied(own(file?.indicators, code));
}
