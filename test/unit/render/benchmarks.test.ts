/**
 * The published figures and the year-end projection as rendered (docs/OUTPUTS.md, Benchmarks and "Year-end
 * projection"), worked by hand from test/fixtures/pack/benchmark-fixture.ts: OP388a (CP rate, 0 decimals) has England
 * 37.9 → "38", neighbours mean 44.67 → "45", range 30.4–59.6 → "30–60", bottom quartile; Op 365 has England "x" and
 * every neighbour "c"; OP 411 and OP 413 are projected by a straight line to 220.5 and 361.5.
 */
import { doIUseEmail } from '@jsx-email/doiuse-email';
import type * as XLSX from 'xlsx';
import { draftSentence } from '../../../functions/core/pack/comments';
import type { PackIndicator } from '../../../functions/core/pack/pack-types';
import { attentionList } from '../../../functions/core/render/attention';
import { benchmarkView } from '../../../functions/core/render/benchmark-view';
import { renderEmail } from '../../../functions/core/render/email';
import { renderReportHtml } from '../../../functions/core/render/html';
import { buildPackView } from '../../../functions/core/render/view-model';
import { renderWorkbook } from '../../../functions/core/render/workbook';
import { examplePackWithBenchmarks } from '../../fixtures/pack/benchmark-fixture';
import { examplePack, exampleMeta } from '../../fixtures/pack/example-pack';
import { monthsLine, rowCells, textOf } from './html-cells';
import { cellAt, columnsByHeader, readWithSheetJs, rowsByCode, sheetOf } from './workbook-helpers';

const pack = examplePackWithBenchmarks();
const indicator = (code: string): PackIndicator => {
  const found = pack.sections.flatMap((s) => s.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

describe('the published figures in words', () => {
  it('prints England, the neighbours and the quartile at the indicator’s decimals', () => {
    expect(benchmarkView(indicator('OP388a'))).toEqual({
      year: '2012/13',
      england: '38',
      neighboursMean: '45',
      neighboursRange: '30–60',
      neighbours: '45 (30–60)',
      quartile: 'Bottom quartile',
      standing: 'bottom quartile nationally; neighbours 30–60 per 10,000 (2012/13)',
      line: 'Published 2012/13: England 38 · Neighbours 45 (30–60) · Bottom quartile',
    });
  });

  it('names a suppressed figure with DfE’s code, never 0, and ranks nothing without a quartile', () => {
    expect(benchmarkView(indicator('Op 365'))).toMatchObject({
      england: 'suppressed (x)',
      neighbours: 'suppressed (c)',
      neighboursRange: 'suppressed (c)',
      quartile: 'Not ranked',
      standing: 'neighbours suppressed (c) (2012/13)',
    });
    expect(benchmarkView(indicator('OP380'))).toBeNull();
  });

  it('says where the authority sits in the attention list', () => {
    const item = attentionList(pack).find((i) => i.code === 'OP388a');
    expect(item?.standing).toBe('bottom quartile nationally; neighbours 30–60 per 10,000 (2012/13)');
    expect(attentionList(pack).find((i) => i.code === 'HY64')?.standing).toBeNull();
  });

  it('adds the seed’s sentence to the drafted comment, with the figures', () => {
    const row = indicator('OP388a');
    const draft = draftSentence(
      { ...row, month: row.months[row.months.length - 1], params: {}, priorYear: row.priorYear },
      { monthName: 'November', financialYear: '2013/14', priorYear: '2012/13', authority: 'Haringey' },
    );
    expect(draft).toMatch(/ Statistical neighbours ranged between 30 and 60 per 10,000 in 2012\/13; England 38\.$/);
  });

  it('projects the seed’s “around 220” plans starting, against 351', () => {
    const row = indicator('OP 411');
    const draft = draftSentence(
      { ...row, month: row.months[row.months.length - 1], params: {} },
      { monthName: 'November', financialYear: '2013/14', priorYear: '2012/13', authority: 'Haringey' },
    );
    expect(draft).toBe(
      'In November 21 plans started, 147 in 2013/14 so far. ' +
        'On current trends around 220 plans will start in 2013/14, against 351 in 2012/13.',
    );
  });

  it('names both methods in the definitions', () => {
    expect(buildPackView(pack, exampleMeta).methods.map((m) => [m.name, m.codes])).toEqual([
      ['Year-end projection', 'OP 411, OP 413, Op421, Op422'],
      ['Published figures', 'OP388a, Op 365'],
    ]);
  });
});

describe('the page', () => {
  const html = renderReportHtml(pack, exampleMeta);

  it('puts the projection before the prior year and the published figures beside it', () => {
    const header = textOf(/<table class="pi"[\s\S]*?<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '').split(
      /\s*\n\s*/,
    );
    expect(header.slice(2, 9)).toEqual([
      '2013/14 YTD',
      'Target',
      'Projected 2013/14',
      '2012/13',
      'England 2012/13',
      'Neighbours 2012/13',
      'Quartile',
    ]);
    expect(rowCells(html, 'OP388a').map(textOf).slice(4, 9)).toEqual(['', '47', '38', '45 (30–60)', 'Bottom quartile']);
    expect(rowCells(html, 'OP 411').map(textOf).slice(4, 9)).toEqual(['221', '351', '', '', '']);
    expect(rowCells(html, 'Op 365').map(textOf).slice(6, 9)).toEqual([
      'suppressed (x)',
      'suppressed (c)',
      'Not ranked',
    ]);
    expect(monthsLine(html, 'OP 411')).toMatch(/^Projected 2013\/14 221 · 2012\/13 351 · /);
  });

  it('has none of the columns when no row has a benchmark or a projection', () => {
    const plain = renderReportHtml(examplePack(), exampleMeta);
    expect(plain).not.toMatch(/Projected|England|Neighbours|Quartile/);
    expect(rowCells(plain, 'OP388a')).toHaveLength(12);
  });
});

describe('the email', () => {
  const email = renderEmail(pack, exampleMeta, 'pack');

  it('carries the published figures under the row and the projection in its line of months', () => {
    expect(email.html).toContain('Published 2012/13: England 38 · Neighbours 45 (30–60) · Bottom quartile');
    expect(monthsLine(email.html, 'OP 413')).toMatch(/^Projected 2013\/14 362 · 2012\/13 366 · /);
    expect(email.html).toContain('Published figures: bottom quartile nationally; neighbours 30–60 per 10,000');
    expect(email.text).toContain(
      '  Published 2012/13: England suppressed (x) · Neighbours suppressed (c) · Not ranked',
    );
    expect(email.html).toMatch(/<table role="presentation" class="container" width="600"/);
  });

  it('still uses nothing Outlook, Gmail or Apple Mail lack', () => {
    for (const client of ['outlook.windows', 'gmail.desktop-webmail', 'apple-mail.macos']) {
      const result = doIUseEmail(email.html, { emailClients: [client] });
      expect({ client, errors: result.success ? [] : result.errors }).toEqual({ client, errors: [] });
    }
  });
});

describe('the workbook', () => {
  let sheet: XLSX.WorkSheet;
  let cols: Map<string, number>;
  let rows: Map<string, number>;
  const at = (code: string, label: string) => cellAt(sheet, rows.get(code) ?? -1, cols.get(label) ?? -1);

  beforeAll(async () => {
    sheet = sheetOf(readWithSheetJs(await renderWorkbook(pack, exampleMeta)), 'Pack');
    cols = columnsByHeader(sheet);
    rows = rowsByCode(sheet);
  });

  it('stores the published figures as numbers beside the prior year, their words where suppressed', () => {
    expect([...cols.keys()].slice(2, 7)).toEqual([
      '2012/13',
      'England 2012/13',
      'Neighbours 2012/13 mean',
      'Neighbours 2012/13 range',
      'Quartile',
    ]);
    expect([at('OP388a', 'England 2012/13')?.v, at('OP388a', 'England 2012/13')?.w]).toEqual([37.9, '38']);
    expect(at('OP388a', 'Neighbours 2012/13 mean')?.v).toBeCloseTo(134 / 3, 12);
    expect(at('OP388a', 'Neighbours 2012/13 range')?.v).toBe('30–60');
    expect(at('OP388a', 'Quartile')?.v).toBe('Bottom quartile');
    expect(at('Op 365', 'England 2012/13')?.v).toBe('suppressed (x)');
    expect(at('HY64', 'England 2012/13')?.v).toBeUndefined(); // an empty, bordered cell
  });

  it('stores the projection after the year to date, unrounded', () => {
    expect(cols.get('Projected 2013/14')).toBe((cols.get('2013/14 YTD') ?? 0) + 1);
    expect([at('OP 411', 'Projected 2013/14')?.v, at('OP 411', 'Projected 2013/14')?.w]).toEqual([220.5, '221']);
    expect(at('HY64', 'Projected 2013/14')?.v).toBeUndefined();
  });
});
