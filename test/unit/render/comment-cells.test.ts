/** A comment cell holding a formula or an error value is not imported, and a notice names the cell. */
import type ExcelJS from 'exceljs';
import { importCommentsFromWorkbook } from '../../../functions/core/render/import-comments';
import { renderWorkbook } from '../../../functions/core/render/workbook';
import { examplePack, exampleMeta } from '../../fixtures/pack/example-pack';
import { fillCommentCells } from './workbook-helpers';

it('names each formula or error cell, imports neither, and imports the plain comments', async () => {
  const addresses: Record<string, string> = {};
  const edit = (sheet: ExcelJS.Worksheet) => {
    let commentColumn = 0;
    sheet.eachRow((row) => {
      row.eachCell((cell, col) => {
        if (cell.value === 'Comment') commentColumn = col;
      });
      const key = row.getCell(1).value;
      if (key === 'comment:indicator:Op367') {
        const cell = row.getCell(commentColumn);
        cell.value = { formula: '"Reviews "&"fell"', result: 'Reviews fell' };
        addresses.formula = cell.address;
      }
      if (key === 'comment:section:child-protection:service') {
        const cell = row.getCell(2);
        cell.value = { error: '#N/A' };
        addresses.error = cell.address;
      }
    });
  };
  const returned = await fillCommentCells(
    await renderWorkbook(examplePack(), exampleMeta),
    { 'comment:indicator:OP380': 'Line one\nline two' },
    edit,
  );
  const notices: string[] = [];
  const comments = await importCommentsFromWorkbook(returned, { onNotice: (n) => notices.push(n) });
  expect(comments.indicators?.OP380).toBe('Line one\nline two');
  expect(comments.indicators).not.toHaveProperty('Op367');
  expect(comments.sections?.['child-protection']?.service).toBeUndefined();
  expect(addresses.formula).toMatch(/^[A-Z]+\d+$/);
  expect(notices.sort()).toEqual(
    [
      `Pack!${addresses.formula} holds a formula; its text was not imported — type the comment as plain text`,
      `Pack!${addresses.error} holds an error value; its text was not imported — type the comment as plain text`,
    ].sort(),
  );
});
