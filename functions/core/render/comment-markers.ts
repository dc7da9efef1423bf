/**
 * The stable markers that tie a workbook's comment cells to pack comments, shared by the
 * workbook writer and the comment import. Each comment row carries its key in the hidden
 * marker column A of the Pack sheet, so rows the officer inserts, deletes or resizes do
 * not break the link; indicator comments sit in the column headed "Comment" in the
 * nearest header row above them (a row marked `header:`; found by its text, so inserted
 * columns do not break it either).
 * What each cell was pre-filled with is kept, by key, on a very hidden sheet so the
 * import can tell an unchanged draft from the officer's own words.
 */
export const PACK_SHEET = 'Pack';
export const KEYS_SHEET = 'Comment keys';
/** First cell of the keys sheet: identifies a workbook written by this tool. */
export const KEYS_SHEET_SIGNATURE = 'indicator-pack comment keys v1';
export const MARKER_COLUMN = 1;
export const COMMENT_HEADER = 'Comment';
export const HEADER_MARKER_PREFIX = 'header:';

export type CommentField = 'performance' | 'service';

export type CommentKey =
  { kind: 'section'; sectionId: string; field: CommentField } | { kind: 'indicator'; code: string };

export function sectionCommentKey(sectionId: string, field: CommentField): string {
  return `comment:section:${sectionId}:${field}`;
}

export function indicatorCommentKey(code: string): string {
  return `comment:indicator:${code}`;
}

export function headerKey(sectionId: string): string {
  return `${HEADER_MARKER_PREFIX}${sectionId}`;
}

/** Parses a marker; null for anything that is not a comment marker. */
export function parseCommentKey(text: string): CommentKey | null {
  const section = /^comment:section:([a-z0-9][a-z0-9-]*):(performance|service)$/.exec(text);
  if (section)
    return { kind: 'section', sectionId: section[1], field: section[2] === 'performance' ? 'performance' : 'service' };
  const indicator = /^comment:indicator:(.+)$/.exec(text);
  if (indicator) return { kind: 'indicator', code: indicator[1] };
  return null;
}
