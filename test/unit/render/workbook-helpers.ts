/**
 * Test helpers for the workbook: SheetJS (an independent reader) to look at what was
 * written, and exceljs to play the officer who fills in comment cells.
 */
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import type { CommentsFile, Pack } from '../../../functions/core/pack/pack-types';

export function readWithSheetJs(buffer: Buffer): XLSX.WorkBook {
  return XLSX.read(buffer, { type: 'buffer', cellNF: true, cellStyles: true });
}

export function sheetOf(book: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

export function cellAt(sheet: XLSX.WorkSheet, row: number, col: number): XLSX.CellObject | undefined {
  return sheet[XLSX.utils.encode_cell({ r: row, c: col })] as XLSX.CellObject | undefined;
}

/** Zero-based row indexes of the Pack sheet where column B (PI) holds each code. */
export function rowsByCode(sheet: XLSX.WorkSheet): Map<string, number> {
  const rows = new Map<string, number>();
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  for (let r = range.s.r; r <= range.e.r; r++) {
    const value = cellAt(sheet, r, 1)?.v;
    if (typeof value === 'string') rows.set(value.replace(' ★', ''), r);
  }
  return rows;
}

/**
 * Zero-based column indexes of the first header row (the row whose B cell is "PI"), by label; A is the hidden marker
 * column.
 */
export function columnsByHeader(sheet: XLSX.WorkSheet): Map<string, number> {
  const headerRow = rowsByCode(sheet).get('PI');
  if (headerRow === undefined) throw new Error('no header row');
  const cols = new Map<string, number>();
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  for (let c = 1; c <= range.e.c; c++) {
    const value = cellAt(sheet, headerRow, c)?.v;
    if (typeof value === 'string') cols.set(value, c);
  }
  return cols;
}

/** Writes text into the comment cells with these marker keys, as an officer would, and returns the saved workbook. */
export async function fillCommentCells(
  buffer: Buffer,
  texts: Record<string, string>,
  edit?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const bytes = new Uint8Array(buffer.byteLength);
  bytes.set(buffer);
  await workbook.xlsx.load(bytes.buffer);
  const sheet = workbook.getWorksheet('Pack');
  if (!sheet) throw new Error('no Pack sheet');
  edit?.(sheet);
  let commentColumn = 0;
  const done = new Set<string>();
  sheet.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (cell.value === 'Comment') commentColumn = col;
    });
    const key = row.getCell(1).value;
    if (typeof key !== 'string' || !(key in texts)) return;
    const target = key.startsWith('comment:section:') ? row.getCell(2) : row.getCell(commentColumn);
    target.value = texts[key];
    done.add(key);
  });
  const missing = Object.keys(texts).filter((k) => !done.has(k));
  if (missing.length > 0) throw new Error(`no comment cells for ${missing.join(', ')}`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The pack builder's merge of a comments file, reduced to what the round trip needs. */
export function withComments(pack: Pack, comments: CommentsFile): Pack {
  return {
    ...pack,
    sections: pack.sections.map((section) => {
      const supplied = comments.sections?.[section.id] ?? {};
      return {
        ...section,
        comments: {
          performance:
            supplied.performance !== undefined
              ? { text: supplied.performance, draft: false }
              : section.comments.performance,
          service: supplied.service !== undefined ? { text: supplied.service } : section.comments.service,
        },
        indicators: section.indicators.map((i) => ({ ...i, comment: comments.indicators?.[i.code] ?? i.comment })),
      };
    }),
  };
}

/** The text of one file inside the .xlsx zip (read by SheetJS), e.g. `xl/worksheets/sheet1.xml`. */
export function zipEntryText(buffer: Buffer, entry: string): string {
  const book: object = XLSX.read(buffer, { type: 'buffer', bookFiles: true });
  const files = 'files' in book && typeof book.files === 'object' && book.files !== null ? book.files : {};
  const file: unknown = entry in files ? Object.entries(files).find(([name]) => name === entry)?.[1] : undefined;
  const content = typeof file === 'object' && file !== null && 'content' in file ? file.content : undefined;
  if (!(content instanceof Uint8Array)) throw new Error(`no ${entry} in the workbook`);
  return Buffer.from(content).toString('utf8');
}
