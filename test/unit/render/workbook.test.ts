import ExcelJS from 'exceljs';
import type * as XLSX from 'xlsx';
import { renderWorkbook } from '../../../functions/core/render/workbook';
import { examplePack, exampleMeta } from '../../fixtures/pack/example-pack';
import { CORPORATE_PLAN_CODES, EXPECTED_ROWS } from './expected-rows';
import { cellAt, columnsByHeader, readWithSheetJs, rowsByCode, sheetOf } from './workbook-helpers';

const COLUMNS = ['2012/13', 'Jun-13', 'Jul-13', 'Aug-13', 'Sep-13', 'Oct-13', 'Nov-13', '2013/14 YTD', 'Target'];
/** Number formats per indicator, from docs/OUTPUTS.md Display and the configuration's decimals. */
const FORMAT: Record<string, string> = {
  Op388: '#,##0',
  OP388a: '#,##0',
  OP389a: '#,##0',
  'OP 411': '#,##0',
  'OP 413': '#,##0',
  HY64: '0.0%',
  Op64a: '0%',
  'Op 365': '0%',
  Op421: '#,##0',
  Op422: '#,##0',
  Op367: '0%',
  OP380: '0%',
  OP381: '0%',
};
const FILL: Record<string, string> = { Red: 'C00000', Amber: 'FFC000', Green: '00B050', 'Data Only': 'D9D9D9' };

describe('renderWorkbook read back with SheetJS', () => {
  let book: XLSX.WorkBook;
  let pack: XLSX.WorkSheet;
  let rows: Map<string, number>;
  let cols: Map<string, number>;
  const col = (label: string) => {
    const c = cols.get(label);
    if (c === undefined) throw new Error(`no column ${label}`);
    return c;
  };
  const row = (code: string) => {
    const r = rows.get(code);
    if (r === undefined) throw new Error(`no row ${code}`);
    return r;
  };

  beforeAll(async () => {
    book = readWithSheetJs(await renderWorkbook(examplePack(), exampleMeta));
    pack = sheetOf(book, 'Pack');
    rows = rowsByCode(pack);
    cols = columnsByHeader(pack);
  });

  it('has the summary, pack, definitions, data-quality and about sheets', () => {
    expect(book.SheetNames.slice(0, 5)).toEqual(['Summary', 'Pack', 'Definitions', 'Data quality', 'About']);
    expect(cellAt(pack, 0, 1)?.v).toBe("Children and Young People's Service: Performance Report");
    expect(cellAt(pack, 1, 1)?.v).toBe('Haringey · November 2013 · 2013/14 YTD');
    expect([...cols.keys()]).toEqual(['PI', 'Indicator', ...COLUMNS, 'Traffic light', 'Trend', 'Comment']);
  });

  it.each(EXPECTED_ROWS)('shows $code as the seed does, from numbers with number formats', ({ code, cells, rag }) => {
    const r = row(code);
    COLUMNS.forEach((label, i) => {
      const cell = cellAt(pack, r, col(label));
      expect(cell?.w).toBe(cells[i]);
      if (cells[i] === '-') expect(cell?.t).toBe('s');
      else {
        expect(cell?.t).toBe('n');
        expect(cell?.z).toBe(FORMAT[code]);
      }
    });
    const light = cellAt(pack, r, col('Traffic light'));
    expect(String(light?.v).split('\n')[0]).toBe(rag);
    if (FILL[rag]) expect(light?.s).toMatchObject({ patternType: 'solid', fgColor: { rgb: FILL[rag] } });
  });

  it('stores unrounded values: percentages as fractions, rates per 10,000', () => {
    expect(cellAt(pack, row('HY64'), col('2013/14 YTD'))?.v).toBeCloseTo(23 / 238, 12);
    expect(cellAt(pack, row('OP380'), col('2013/14 YTD'))?.v).toBeCloseTo(164 / 173, 12);
    expect(cellAt(pack, row('OP381'), col('2013/14 YTD'))?.v).toBeCloseTo(211 / 222, 12);
    expect(cellAt(pack, row('OP388a'), col('2013/14 YTD'))?.v).toBeCloseTo((177 / 57600) * 10000, 9);
    expect(cellAt(pack, row('HY64'), col('Target'))?.v).toBeCloseTo(0.07, 12);
  });

  it('puts the reason for the colour in a note on each traffic light', () => {
    const note = cellAt(pack, row('OP380'), col('Traffic light'))?.c;
    expect(note?.[0]?.t).toBe('94.8% against 95%: higher is better, Amber within 10%');
  });

  it('highlights corporate-plan rows', () => {
    for (const code of CORPORATE_PLAN_CODES) {
      expect(cellAt(pack, row(code), 1)?.v).toBe(`${code} ★`);
      expect(cellAt(pack, row(code), col('Indicator'))?.s).toMatchObject({ fgColor: { rgb: 'DDEBF7' } });
    }
    expect(cellAt(pack, row('HY64'), col('Indicator'))?.s).toMatchObject({ patternType: 'none' });
  });

  it('pre-fills the comment cells: supplied text, the draft, or the placeholder, highlighted as text cells', () => {
    const hy64 = cellAt(pack, row('HY64'), col('Comment'));
    expect(hy64).toMatchObject({
      t: 's',
      z: '@',
      v: "This month's % reflects the removal of one child out of 15 taken off CP plan.",
    });
    expect(hy64?.s).toMatchObject({ fgColor: { rgb: 'FFF2CC' } });
    const texts = Object.values(pack)
      .filter((cell): cell is XLSX.CellObject => typeof cell === 'object' && cell !== null && 't' in cell)
      .map((cell) => cell.v);
    expect(texts).toContain('Service comment to be supplied by the service.');
    expect(texts.some((v) => typeof v === 'string' && v.startsWith('As at the end of November, 104 out of 118'))).toBe(
      true,
    );
    expect(texts).toContain(
      'Performance comment — DRAFT drafted from the data: edit or replace it in the yellow cell below',
    );
  });

  it('has definitions, data quality and run facts', () => {
    const defs = sheetOf(book, 'Definitions');
    expect(cellAt(defs, 0, 2)?.v).toBe('How it is counted');
    expect(cellAt(defs, 6, 0)?.v).toBe('HY64');
    const quality = sheetOf(book, 'Data quality');
    // Title, the by-kind header and its two kinds, a gap, the list's title and header, then three problems.
    expect(cellAt(quality, 9, 6)?.v).toBe('Visit is dated before any CP plan of the child; it was ignored.');
    expect(cellAt(quality, 9, 3)).toMatchObject({ t: 'n', v: 311 });
    expect(cellAt(quality, 2, 2)).toMatchObject({ t: 'n', v: 5 });
    const about = sheetOf(book, 'About');
    expect(cellAt(about, 3, 1)?.v).toBe('2013-11');
    expect(cellAt(about, 6, 1)?.v).toBe('20131202T070000Z-schedule');
    expect(cellAt(about, 9, 1)?.v).toBe('extracts/2013-11/extract.xlsx');
  });
});

describe('renderWorkbook layout', () => {
  it(
    'freezes the header, prints A4 landscape fitted to width ' + 'with repeated header rows, and unlocks comment cells',
    async () => {
      const workbook = new ExcelJS.Workbook();
      const bytes = new Uint8Array(await renderWorkbook(examplePack(), exampleMeta));
      await workbook.xlsx.load(bytes.buffer);
      const sheet = workbook.getWorksheet('Pack');
      expect(sheet?.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 });
      expect(sheet?.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:4',
      });
      expect(sheet?.getColumn(1).hidden).toBe(true);
      expect(sheet?.getCell('B4').value).toBe('PI');
      const hy64Comment = sheet?.getRow(11).getCell(15);
      expect(sheet?.getRow(11).getCell(1).value).toBe('comment:indicator:HY64');
      expect(hy64Comment?.protection).toMatchObject({ locked: false });
    },
  );
});
