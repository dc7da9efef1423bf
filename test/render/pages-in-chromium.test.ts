/**
 * The report page and the email body opened in headless Chromium: no console errors, no
 * requests for anything outside the document, and each section table fits the printable
 * width of A4 landscape. Screenshots (and a PDF of the page) are kept in test-artifacts/render/.
 * Skipped, with a message, where /usr/bin/chromium is not installed (CI installs it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderEmail } from '../../functions/core/render/email';
import { renderReportHtml } from '../../functions/core/render/html';
import { examplePack, exampleMeta } from '../fixtures/pack/example-pack';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/render');
/** A4 landscape is 297 mm wide; the page's @page margins are 12 mm each side: 273 mm at 96 px per inch. */
const PRINT_WIDTH_PX = Math.floor((273 / 25.4) * 96);

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`Skipping the Chromium render tests: ${CHROMIUM} is not installed (apt-get install chromium).`);
const describeWithChromium = haveChromium ? describe : describe.skip;

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

describeWithChromium('rendered pages in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: PRINT_WIDTH_PX, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html, { waitUntil: 'load' });
    return { page, problems, requests };
  }

  interface TableFit {
    section: string;
    width: number;
    scrollWidth: number;
    clientWidth: number;
  }

  async function printedTableFits(page: Page): Promise<{ tables: TableFit[]; documentWidth: number }> {
    await page.emulateMedia({ media: 'print' });
    // Page-side code as a string: this project's TypeScript has no DOM library.
    return page.evaluate<{ tables: TableFit[]; documentWidth: number }, undefined>(
      `({
      tables: [...document.querySelectorAll('table.pi')].map((table) => ({
        section: table.closest('.section')?.id ?? '',
        width: table.getBoundingClientRect().right,
        scrollWidth: table.scrollWidth,
        clientWidth: table.clientWidth,
      })),
      documentWidth: document.documentElement.scrollWidth,
    })`,
      undefined,
    );
  }

  function expectFitsA4Landscape(fit: { tables: TableFit[]; documentWidth: number }): void {
    expect(fit.tables.map((t) => t.section)).toEqual(['section-child-protection', 'section-cp-reviews-visits']);
    for (const table of fit.tables) {
      expect(table.width).toBeLessThanOrEqual(PRINT_WIDTH_PX);
      expect(table.scrollWidth).toBeLessThanOrEqual(table.clientWidth);
    }
    expect(fit.documentWidth).toBeLessThanOrEqual(PRINT_WIDTH_PX);
  }

  it('opens the report page without errors or outside requests, fitting A4 landscape when printed', async () => {
    const { page, problems, requests } = await open(renderReportHtml(examplePack(), exampleMeta));
    await page.screenshot({ path: path.join(ARTIFACTS, 'pack-screen.png'), fullPage: true });
    const fit = await printedTableFits(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pack-print.png'), fullPage: true });
    await page.pdf({ path: path.join(ARTIFACTS, 'pack.pdf'), preferCSSPageSize: true, printBackground: true });
    const rowBreak = await page.evaluate<string, undefined>(
      `getComputedStyle(document.querySelector('tr.pi-row')).breakInside`,
      undefined,
    );
    await page.close();
    expect(problems).toEqual([]);
    expect(requests.filter((url) => url !== 'about:blank')).toEqual([]);
    expectFitsA4Landscape(fit);
    expect(rowBreak).toBe('avoid');
  });

  it('opens the email body without errors or outside requests, fitting A4 landscape when printed', async () => {
    const { page, problems, requests } = await open(renderEmail(examplePack(), exampleMeta, 'pack').html);
    await page.screenshot({ path: path.join(ARTIFACTS, 'email.png'), fullPage: true });
    const fit = await printedTableFits(page);
    await page.close();
    expect(problems).toEqual([]);
    expect(requests.filter((url) => url !== 'about:blank')).toEqual([]);
    expectFitsA4Landscape(fit);
  });
});
