/**
 * Reads the comments an officer wrote into a returned pack.xlsx and gives them back as a
 * comments file (comments/<YYYY-MM>.json). Cells are found by their markers (see
 * comment-markers.ts), never by row numbers. Only the officer's words are imported:
 * empty cells, placeholders and drafts left as drafted are not comments.
 */
import { Readable } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import { WorkbookReader } from '../xlsx/exceljs-parts';
import { worksheets } from '../xlsx/sheet-stream';
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
  /** Told of each comment cell not imported because it holds a formula or an error value (naming the cell). */
  onNotice?: (message: string) => void;
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
    // What a formula showed (markers, the keys sheet); a comment cell's formula is refused by commentText.
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

/**
 * A row's cell values by column number (1 = A). A cell holds only its own value, so a merged
 * area's value is in its first cell.
 */
interface SheetRow {
  number: number;
  cells: ExcelJS.CellValue[];
}

interface Sheet {
  name: string;
  rows: SheetRow[];
}

/**
 * The workbook's sheets, read as the extract is (../xlsx/sheet-stream.ts): by its own listing
 * of sheets, whatever wrote it. Not exceljs's Workbook.load: it finds a sheet's notes only
 * as exceljs names them (`xl/comments1.xml`), and fails on a pack saved by openpyxl, which
 * names them `/xl/comments/comment1.xml` ("Cannot read properties of undefined (reading
 * 'comments')"). The import needs the cells' values alone; a pack is small, so it is held.
 */
async function readSheets(buffer: Uint8Array): Promise<Sheet[]> {
  const input = (): Readable => Readable.from([Buffer.from(buffer)]);
  const reader = new WorkbookReader(input(), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: Sheet[] = [];
  for await (const { name, rows } of worksheets(reader, input())) {
    const sheet: Sheet = { name, rows: [] };
    for await (const row of rows) {
      const cells: ExcelJS.CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column] = cell.value;
      });
      sheet.rows.push({ number: row.number, cells });
    }
    sheets.push(sheet);
  }
  return sheets;
}

interface Prefill {
  state: string;
  text: string;
}

interface KeysSheet {
  period: string | null;
  prefilled: Map<string, Prefill>;
}

function readKeysSheet(sheets: readonly Sheet[]): KeysSheet {
  const sheet = sheets.find((s) => s.name === KEYS_SHEET);
  const prefilled = new Map<string, Prefill>();
  let period: string | null = null;
  for (const { cells } of sheet?.rows ?? []) {
    const first = cellText(cells[1]);
    if (first === 'period') period = cellText(cells[2]);
    else if (parseCommentKey(first)) prefilled.set(first, { state: cellText(cells[2]), text: cellText(cells[3]) });
  }
  return { period, prefilled };
}

interface FoundComment {
  key: string;
  parsed: CommentKey;
  text: string;
  where: string;
}

/** The first cell right of the marker column that is filled in (with text, a formula or an error). */
function firstFilledColumn(cells: readonly ExcelJS.CellValue[]): number | null {
  for (let c = MARKER_COLUMN + 1; c < cells.length; c++)
    if (cellText(cells[c]).trim() !== '' || unimportable(cells[c]) !== null) return c;
  return null;
}

/** Whether a cell holds a formula or an error value, which are not comment text. */
function unimportable(value: ExcelJS.CellValue): 'a formula' | 'an error value' | null {
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  if ('formula' in value || 'sharedFormula' in value) return 'a formula';
  if ('error' in value) return 'an error value';
  return null;
}

/** `Pack!H12`, `'My notes'!B3`: the cell as Excel names it. */
function cellAddress(sheet: string, row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${letters}${row}`;
}

/** The workbook is another month's pack (its keys sheet says so): the email side words its own reply from the two. */
export class WorkbookPeriodError extends UserError {
  override name = 'WorkbookPeriodError';
  constructor(
    readonly workbookPeriod: string,
    readonly expectedPeriod: Period,
  ) {
    super(
      `The comments workbook is the pack for ${workbookPeriod}, not ${expectedPeriod}; ` +
        `import it with --period ${workbookPeriod} or use the ${expectedPeriod} workbook.`,
    );
  }
}
/**
 * A comment cell's text. A formula or an error value is not imported — what a formula shows is not the officer's
 * words and may change when the workbook recalculates — and the notice names the cell, so it is never dropped silently.
 */
function commentText(
  cells: readonly ExcelJS.CellValue[],
  column: number | null,
  at: CellAt,
  notices: string[],
): string {
  if (column === null) return '';
  const what = unimportable(cells[column]);
  if (what === null) return cellText(cells[column]);
  notices.push(
    `${cellAddress(at.sheet, at.row, column)} holds ${what}; its text was not imported — ` +
      'type the comment as plain text',
  );
  return '';
}

interface CellAt {
  sheet: string;
  row: number;
}

function commentColumnOf(cells: readonly ExcelJS.CellValue[]): number | null {
  for (let c = MARKER_COLUMN + 1; c < cells.length; c++) if (cellText(cells[c]).trim() === COMMENT_HEADER) return c;
  return null;
}

function findComments(workbook: readonly Sheet[]): { found: FoundComment[]; markers: number; notices: string[] } {
  const found: FoundComment[] = [];
  const notices: string[] = [];
  let markers = 0;
  // The Pack sheet first, then any other sheet the officer may have copied blocks to.
  const sheets = workbook
    .filter((s) => s.name !== KEYS_SHEET)
    .sort((a, b) => Number(b.name === PACK_SHEET) - Number(a.name === PACK_SHEET));
  for (const sheet of sheets) {
    let commentColumn: number | null = null;
    for (const { number: rowNumber, cells } of sheet.rows) {
      const marker = cellText(cells[MARKER_COLUMN]).trim();
      if (marker.startsWith(HEADER_MARKER_PREFIX)) {
        commentColumn = commentColumnOf(cells);
        continue;
      }
      const parsed = parseCommentKey(marker);
      if (!parsed) continue;
      markers += 1;
      const where = `sheet "${sheet.name}", row ${rowNumber}`;
      let text: string;
      const at = { sheet: sheet.name, row: rowNumber };
      if (parsed.kind === 'section') text = commentText(cells, firstFilledColumn(cells), at, notices);
      else if (commentColumn === null)
        throw new UserError(
          `The comment for ${parsed.code} (${where}) has no column headed "${COMMENT_HEADER}" ` +
            'above it; restore the header row or use a fresh copy of the pack workbook.',
        );
      else text = commentText(cells, commentColumn, at, notices);
      found.push({ key: marker, parsed, text: cleanText(text), where });
    }
  }
  return { found, markers, notices };
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
  let workbook: Sheet[];
  try {
    workbook = await readSheets(buffer);
  } catch (cause) {
    throw new UserError(
      'Cannot read the comments workbook: it is not a readable .xlsx ' +
        `file (${cause instanceof Error ? cause.message : String(cause)}).`,
      { cause },
    );
  }
  const keys = readKeysSheet(workbook);
  if (options.period !== undefined && keys.period !== null && keys.period !== options.period)
    throw new WorkbookPeriodError(keys.period, options.period);
  const { found, markers, notices } = findComments(workbook);
  for (const notice of notices) options.onNotice?.(notice);
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
