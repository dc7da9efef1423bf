/**
 * How the workbook prints and reads, asserted on the written file read back with exceljs:
 * sheet order, A4 fitted print setup, repeated title rows, header and footer on every
 * sheet, explicit fonts, row heights for wrapped text, RAG contrast, and the Summary.
 */
import ExcelJS from 'exceljs';
import { renderWorkbook } from '../../../functions/core/render/workbook';
import { examplePack, exampleMeta } from '../../fixtures/pack/example-pack';

const VISIBLE = ['Summary', 'Pack', 'Definitions', 'Data quality', 'About'];

/** WCAG 2 contrast ratio of two ARGB colours (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function contrast(a: string, b: string): number {
  const luminance = (argb: string) => {
    const [r, g, bl] = [2, 4, 6].map((i) => {
      const c = parseInt(argb.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The row whose marker (column A) is this comment key. */
function rowByMarker(sheet: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

function text(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

describe('renderWorkbook print setup, read back with exceljs', () => {
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await renderWorkbook(examplePack(), exampleMeta)).buffer);
  });

  it('puts the Summary first and the comment keys last, very hidden', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([...VISIBLE, 'Comment keys']);
    expect(sheetOf(book, 'Comment keys').state).toBe('veryHidden');
  });

  it.each(VISIBLE)('%s prints on A4 one page wide, title rows repeated, header and footer with the month', (name) => {
    const sheet = sheetOf(book, name);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.orientation).toBe(name === 'About' ? 'portrait' : 'landscape');
    expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(sheet.headerFooter.oddFooter).toContain('Page &P of &N');
    expect(sheet.headerFooter.oddFooter).toContain('November 2013');
    expect(sheet.headerFooter.oddHeader).toContain('November 2013');
  });

  it('repeats the title rows and the column header of the Pack sheet, and of the problem list', () => {
    const pack = sheetOf(book, 'Pack');
    expect(pack.pageSetup.printTitlesRow).toBe('1:4');
    expect(pack.getCell('B4').value).toBe('PI');
    const quality = sheetOf(book, 'Data quality');
    const [first] = (quality.pageSetup.printTitlesRow ?? '').split(':');
    expect(quality.getCell(Number(first), 1).value).toBe('Severity');
    expect(quality.getCell(Number(first), 7).value).toBe('Problem');
  });

  it('gives every written cell of every sheet an explicit font name and size, bold ones too', () => {
    let bold = 0;
    for (const name of VISIBLE)
      sheetOf(book, name).eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (c === 1 && name === 'Pack') return; // the hidden marker column
          const where = `${name}!${cell.address} (row ${r})`;
          expect({ where, name: cell.font?.name, size: typeof cell.font?.size }).toEqual({
            where,
            name: 'Arial',
            size: 'number',
          });
          if (cell.font?.bold) bold += 1;
        }),
      );
    expect(bold).toBeGreaterThan(30);
  });

  it('keeps the Pack sheet narrow enough to print at about 90%: a 28-unit wrapped comment column', () => {
    const pack = sheetOf(book, 'Pack');
    const header = pack.getRow(4);
    let width = 0;
    let commentColumn = 0;
    header.eachCell((cell, c) => {
      if (c > 1) width += pack.getColumn(c).width ?? 0;
      if (cell.value === 'Comment') commentColumn = c;
    });
    // A4 landscape less 0.3" margins is about 1,065 px, 150 width units of 7 px; at 90% 165 fit.
    expect(width).toBeLessThanOrEqual(165);
    expect(pack.getColumn(commentColumn).width).toBe(28);
    expect(rowByMarker(pack, 'comment:indicator:HY64').getCell(commentColumn).alignment).toMatchObject({
      wrapText: true,
    });
  });

  it('sets row heights for wrapped text', () => {
    const pack = sheetOf(book, 'Pack');
    // Every indicator row shows two lines at least: the status word and the value against the target.
    pack.eachRow((row) => {
      if (text(row.getCell(1)).startsWith('comment:indicator:')) expect(row.height).toBeGreaterThanOrEqual(25);
    });
    // HY64's comment (78 characters) in a 28-unit column wraps to 3 lines of 10 pt text at least.
    expect(rowByMarker(pack, 'comment:indicator:HY64').height).toBeGreaterThanOrEqual(3 * 12);
    // The section's performance comment: two paragraphs of 150 and 85 characters across ~160 units: 3 lines.
    expect(rowByMarker(pack, 'comment:section:child-protection:performance').height).toBeGreaterThanOrEqual(3 * 12);
    // Definitions: the longest text (about 230 characters) in a 90-unit column needs 3 lines.
    const defs = sheetOf(book, 'Definitions');
    const heights: number[] = [];
    defs.eachRow((row, r) => r > 1 && heights.push(row.height));
    expect(Math.max(...heights)).toBeGreaterThanOrEqual(3 * 12);
  });

  it('prints the value against the target in the row where two rows print 95% against 95%', () => {
    const pack = sheetOf(book, 'Pack');
    // OP380: 164 / 173 = 94.797%; OP381: 211 / 222 = 95.045%, which to one decimal is still 95.0%.
    const light = (code: string) => text(rowByMarker(pack, `comment:indicator:${code}`).getCell(13));
    expect(light('OP380')).toBe('Amber\n94.8% — below 95%');
    expect(light('OP381')).toBe('Green\n95.05% — above 95%');
  });

  it('gives every traffic light a fill its text contrasts with at 4.5:1 or more', () => {
    const pack = sheetOf(book, 'Pack');
    let checked = 0;
    pack.eachRow((row) => {
      if (!text(row.getCell(1)).startsWith('comment:indicator:')) return;
      const cell = row.getCell(13);
      const fill = cell.fill;
      if (fill?.type !== 'pattern' || !fill.fgColor?.argb || !cell.font?.color?.argb) return;
      expect({ cell: cell.address, ok: contrast(fill.fgColor.argb, cell.font.color.argb) >= 4.5 }).toEqual({
        cell: cell.address,
        ok: true,
      });
      checked += 1;
    });
    // 13 indicators, two of them with no target and so no traffic light (Op388, Op64a).
    expect(checked).toBe(11);
  });

  it('opens the Summary with the Red then the Amber indicators and the changes of status', () => {
    const summary = sheetOf(book, 'Summary');
    const rows: string[][] = [];
    summary.eachRow((row) => rows.push([1, 2, 3, 4, 5, 6, 7].map((c) => text(row.getCell(c)))));
    const changesAt = rows.findIndex((r) => r[0] === 'Changes of status since October 2013');
    expect(changesAt).toBeGreaterThan(0);
    const attention = rows.slice(0, changesAt).filter((r) => ['Red', 'Amber'].includes(r[2]));
    // From the seed's November 2013 pack: three Red, two Amber, each with its direction and why.
    expect(attention.map((r) => `${r[0]} ${r[2]}`)).toEqual([
      'OP388a Red',
      'HY64 Red',
      'Op367 Red',
      'OP389a Amber',
      'OP380 Amber',
    ]);
    // October 95.5% and November 94.8% both print as 95%: "slightly" (attention.ts, issue 14).
    expect(attention.find((r) => r[0] === 'OP380')?.slice(5)).toEqual([
      '↓ Slightly down, worse',
      '94.8% against 95%: higher is better, Amber within 10%',
    ]);
    // previousRag in the fixture: Op 365 Amber → Green, Op367 Amber → Red, OP380 Green → Amber.
    expect(rows.slice(changesAt + 1).map((r) => r.slice(0, 5).filter((_, i) => i !== 1))).toEqual([
      ['PI', 'October 2013', 'November 2013', 'Change'],
      ['Op 365', 'Amber', 'Green', 'better'],
      ['Op367', 'Amber', 'Red', 'worse'],
      ['OP380', 'Green', 'Amber', 'worse'],
    ]);
  });

  it('stores the Summary figures as numbers with the pack formats', () => {
    const summary = sheetOf(book, 'Summary');
    let hy64: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'HY64') hy64 = row;
    });
    expect(hy64?.getCell(4).value).toBeCloseTo(23 / 238, 12);
    expect(hy64?.getCell(4).numFmt).toBe('0.0%');
    expect(hy64?.getCell(5).value).toBeCloseTo(0.07, 12);
  });
});
