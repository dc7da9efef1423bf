/**
 * Reads the comments an officer wrote into a returned pack.xlsx and gives them back as a
 * comments file (comments/<YYYY-MM>.json). Cells are found by their markers (see
 * comment-markers.ts), never by row numbers. Only the officer's words are imported:
 * empty cells, placeholders and drafts left as drafted are not comments.
 */
import type * as ExcelJS from 'exceljs';
import { Workbook } from '../xlsx/exceljs-parts';
import { UserError } from '../errors';
import type { CommentsFile } from '../pack/pack-types';
import type { Period } from '../types';
import {
  COMMENT_HEADER,
  HEADER_MARKER_PREFIX,
  KEYS_SHEET,
  MARKER_COLUMN,
  PACK_SHEET,
  parseCommentKey,
  type CommentKey,
} from './comment-markers';
import { formatValue } from '../pack/format';
import { PLACEHOLDERS } from './view-model';

/** Longest comment imported, in characters; a longer one is refused rather than cut. */
export const MAX_COMMENT_LENGTH = 5000;

export interface ImportCommentsOptions {
  /** When given, the workbook must be the pack for this month. */
  period?: Period;
}

/** The text a reader sees in a cell, whatever form exceljs holds it in. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) {
    // An officer typed a formula into a cell that was not formatted as text: keep what it showed.
    const result = value.result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && !(result instanceof Date)) return '';
    return cellText(result);
  }
  return '';
}

/** Line endings as in the pack; outer whitespace dropped. */
function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** For telling an unchanged draft from an edited one: whitespace differences do not count. */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) => s.replace(/\s+/g, ' ').trim();
  return words(a) === words(b);
}

interface Prefill {
  state: string;
  text: string;
}

interface KeysSheet {
  period: string | null;
  prefilled: Map<string, Prefill>;
}

function readKeysSheet(workbook: ExcelJS.Workbook): KeysSheet {
  const sheet = workbook.getWorksheet(KEYS_SHEET);
  const prefilled = new Map<string, Prefill>();
  let period: string | null = null;
  sheet?.eachRow((row) => {
    const first = cellText(row.getCell(1).value);
    if (first === 'period') period = cellText(row.getCell(2).value);
    else if (parseCommentKey(first))
      prefilled.set(first, { state: cellText(row.getCell(2).value), text: cellText(row.getCell(3).value) });
  });
  return { period, prefilled };
}

interface FoundComment {
  key: string;
  parsed: CommentKey;
  text: string;
  where: string;
}

/** The first cell right of the marker column with text, counting a merged area once. */
function firstTextInRow(row: ExcelJS.Row): string {
  for (let c = MARKER_COLUMN + 1; c <= row.cellCount; c++) {
    const cell = row.getCell(c);
    if (cell.isMerged && cell.master.address !== cell.address) continue;
    const text = cellText(cell.value);
    if (text.trim() !== '') return text;
  }
  return '';
}

function commentColumnOf(row: ExcelJS.Row): number | null {
  for (let c = MARKER_COLUMN + 1; c <= row.cellCount; c++)
    if (cellText(row.getCell(c).value).trim() === COMMENT_HEADER) return c;
  return null;
}

function findComments(workbook: ExcelJS.Workbook): { found: FoundComment[]; markers: number } {
  const found: FoundComment[] = [];
  let markers = 0;
  // The Pack sheet first, then any other sheet the officer may have copied blocks to.
  const sheets = workbook.worksheets
    .filter((s) => s.name !== KEYS_SHEET)
    .sort((a, b) => Number(b.name === PACK_SHEET) - Number(a.name === PACK_SHEET));
  for (const sheet of sheets) {
    let commentColumn: number | null = null;
    sheet.eachRow((row, rowNumber) => {
      const marker = cellText(row.getCell(MARKER_COLUMN).value).trim();
      if (marker.startsWith(HEADER_MARKER_PREFIX)) {
        commentColumn = commentColumnOf(row);
        return;
      }
      const parsed = parseCommentKey(marker);
      if (!parsed) return;
      markers += 1;
      const where = `sheet "${sheet.name}", row ${rowNumber}`;
      let text: string;
      if (parsed.kind === 'section') text = firstTextInRow(row);
      else if (commentColumn === null)
        throw new UserError(
          `The comment for ${parsed.code} (${where}) has no column headed "${COMMENT_HEADER}" ` +
            'above it; restore the header row or use a fresh copy of the pack workbook.',
        );
      else text = cellText(row.getCell(commentColumn).value);
      found.push({ key: marker, parsed, text: cleanText(text), where });
    });
  }
  return { found, markers };
}

function isOfficersText(comment: FoundComment, prefill: Prefill | undefined): boolean {
  if (comment.text === '') return false;
  if (PLACEHOLDERS.some((p) => sameWords(p, comment.text))) return false;
  const wasGenerated = prefill !== undefined && (prefill.state === 'draft' || prefill.state === 'placeholder');
  return !(wasGenerated && sameWords(prefill.text, comment.text));
}

export async function importCommentsFromWorkbook(
  buffer: Uint8Array,
  options: ImportCommentsOptions = {},
): Promise<CommentsFile> {
  const workbook = new Workbook();
  try {
    // A private copy as a plain ArrayBuffer, the type exceljs reads.
    const bytes = new Uint8Array(buffer.byteLength);
    bytes.set(buffer);
    await workbook.xlsx.load(bytes.buffer);
  } catch (cause) {
    throw new UserError(
      'Cannot read the comments workbook: it is not a readable .xlsx ' +
        `file (${cause instanceof Error ? cause.message : String(cause)}).`,
      { cause },
    );
  }
  const keys = readKeysSheet(workbook);
  if (options.period !== undefined && keys.period !== null && keys.period !== options.period) {
    throw new UserError(
      `The comments workbook is the pack for ${keys.period}, not ${options.period}; ` +
        `import it with --period ${keys.period} or use the ${options.period} workbook.`,
    );
  }
  const { found, markers } = findComments(workbook);
  if (markers === 0) {
    throw new UserError(
      'The workbook has no comment cells marked by ' +
        `indicator-pack (keys in the hidden column A of the "${PACK_SHEET}" ` +
        'sheet); import the pack.xlsx this tool produced, with its yellow comment cells filled in.',
    );
  }

  const result: Required<CommentsFile> = { sections: {}, indicators: {} };
  const seen = new Map<string, FoundComment>();
  for (const comment of found) {
    if (!isOfficersText(comment, keys.prefilled.get(comment.key))) continue;
    if (comment.text.length > MAX_COMMENT_LENGTH) {
      throw new UserError(
        `The comment at ${comment.where} is ${formatValue(comment.text.length, 'count', 0)} characters ` +
          `long; the limit is ${formatValue(MAX_COMMENT_LENGTH, 'count', 0)}. Shorten it and import again.`,
      );
    }
    const earlier = seen.get(comment.key);
    if (earlier && earlier.text !== comment.text) {
      throw new UserError(
        `Two different comments are marked for the same place (${earlier.where} ` +
          `and ${comment.where}); keep one and import again.`,
      );
    }
    seen.set(comment.key, comment);
    const parsed = comment.parsed;
    if (parsed.kind === 'indicator') result.indicators[parsed.code] = comment.text;
    else result.sections[parsed.sectionId] = { ...result.sections[parsed.sectionId], [parsed.field]: comment.text };
  }
  return result;
}
