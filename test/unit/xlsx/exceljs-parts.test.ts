import ExcelJS from 'exceljs';
import { Workbook, WorkbookReader } from '../../../functions/core/xlsx/exceljs-parts';

// The function loads exceljs's classes from their own modules (to leave the streaming
// writer out of its bundle); they must stay the very classes the package entry exports,
// which its typings describe.
describe('exceljs parts', () => {
  it('is the entry’s Workbook', () => {
    expect(Workbook).toBe(ExcelJS.Workbook);
  });

  it('is the entry’s streaming WorkbookReader', () => {
    expect(WorkbookReader).toBe(ExcelJS.stream.xlsx.WorkbookReader);
  });
});

// The bundle and the tests resolve 'unzipper' to a module exporting only its Parse; it
// must stay the package's own Parse (the package entry is reached here by its file name,
// which the mapping does not catch).
describe('unzipper, as exceljs sees it', () => {
  it('is the package’s Parse and nothing else', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const mapped: unknown = require('unzipper');
    const entry = require('unzipper/unzip.js') as { Parse: unknown };
    expect(mapped).toEqual({ Parse: entry.Parse });
  });
});
