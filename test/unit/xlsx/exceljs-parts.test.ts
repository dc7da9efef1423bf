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
