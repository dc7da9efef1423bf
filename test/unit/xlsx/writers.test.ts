/**
 * Extract workbooks written by real tools (test/fixtures/xlsx-writers/README.md says how
 * each was made) read to the same tables: openpyxl and pandas put xl/workbook.xml after
 * the sheets and give absolute relationship targets; LibreOffice and exceljs write it first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { day, read } from '../extract/helpers';
import { partPath } from '../../../functions/core/xlsx/sheet-stream';
import { importCommentsFromWorkbook } from '../../../functions/core/render/import-comments';
import { examplePack } from '../../fixtures/pack/example-pack';

const FIXTURES = path.join(__dirname, '../../fixtures/xlsx-writers');

describe('extract workbooks from each writer', () => {
  it.each(['openpyxl', 'pandas', 'libreoffice', 'exceljs'])(
    'written by %s: the same tables and values',
    async (writer) => {
      const book = readFileSync(path.join(FIXTURES, `extract-${writer}.xlsx`));
      const result = await read(
        { 'extract.xlsx': book },
        { needed: new Set(['ssd_cp_plans', 'ssd_cp_reviews', 'ssd_cin_plans'] as const) },
      );
      expect(result.quality.errors).toEqual([]);
      expect(result.quality.warnings).toEqual([]);
      // The sheet "Read me first" is not a table; the three tables are, under their own names.
      expect(result.extract?.present).toEqual(['ssd_cp_plans', 'ssd_cp_reviews', 'ssd_cin_plans']);
      // Persons are numbered in order of first appearance: C1 = 0, C2 = 1.
      expect(result.extract?.cpPlans).toEqual([
        { id: 'P1', person: 0, start: day('2013-01-15'), end: null, previousPlans: 1, transferOut: false, row: 2 },
        {
          id: 'P2',
          person: 1,
          start: day('2012-07-01'),
          end: day('2013-07-01'),
          previousPlans: null,
          transferOut: true,
          row: 3,
        },
      ]);
      // P2's review has a due date but was not held: no review.
      expect(result.extract?.cpReviews).toEqual([{ planId: 'P1', date: day('2013-04-12'), row: 2 }]);
      expect(result.extract?.cinPlans).toEqual([{ person: 0, start: day('2013-10-31'), end: null, row: 2 }]);
    },
  );
});

describe('relationship targets', () => {
  it.each([
    ['worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['./worksheets/../worksheets/sheet2.xml', 'xl/worksheets/sheet2.xml'],
  ])('%s is the part %s', (target, part) => {
    expect(partPath(target)).toBe(part);
  });
});

describe('returned packs saved by other writers', () => {
  it.each([
    ['openpyxl', 'Edited in openpyxl: two late visits'],
    ['libreoffice', 'Edited in LibreOffice: two late visits'],
  ])('saved by %s: the edited comment imports, found by its hidden marker', async (writer, text) => {
    const book = readFileSync(path.join(FIXTURES, `pack-${writer}.xlsx`));
    const comments = await importCommentsFromWorkbook(book, { period: '2013-11' });
    expect(comments.indicators?.OP380).toBe(text);
    // What the example pack supplied is still there; nothing else was typed in.
    expect(comments.indicators?.HY64).toBe(examplePack().sections[0].indicators[5].comment);
  });
});
