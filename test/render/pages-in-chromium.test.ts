/**
 * The report page and the email body opened in headless Chromium: no console errors, no
 * requests for anything outside the document; at 390 (phone), 600 (reading pane) and 1280 px
 * no sideways scrolling and every status word inside the viewport; the email's content no
 * wider than 600 px; the page printed on A4 landscape in as few pages as its content needs.
 * Screenshots and the PDF are kept in test-artifacts/render/.
 * Skipped, with a message, where /usr/bin/chromium is not installed (CI installs it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderEmail } from '../../functions/core/render/email';
import { renderReportHtml } from '../../functions/core/render/html';
import { examplePackWithBenchmarks } from '../fixtures/pack/benchmark-fixture';
import { examplePack, exampleMeta } from '../fixtures/pack/example-pack';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/render');
const WIDTHS = [390, 600, 1280] as const;
/** The example pack's page printed on 3 A4 landscape pages (it was 4, with forced breaks, before issue 14). */
const MAX_PRINTED_PAGES = 3;

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`Skipping the Chromium render tests: ${CHROMIUM} is not installed (apt-get install chromium).`);
const describeWithChromium = haveChromium ? describe : describe.skip;

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

interface Fit {
  scrollWidth: number;
  /** Status words (traffic-light cells) whose box leaves the viewport. */
  statusOutside: string[];
  statusCount: number;
  /** How far the widest element inside the email's container reaches from its left edge (0 for the page). */
  containerContentRight: number;
}

const MEASURE = `(() => {
  const width = document.documentElement.clientWidth;
  const cells = [...document.querySelectorAll('td.rag')];
  const container = document.querySelector('table.container');
  let right = 0;
  const left = container ? container.getBoundingClientRect().left : 0;
  if (container)
    for (const el of container.querySelectorAll('*')) right = Math.max(right, el.getBoundingClientRect().right - left);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    statusOutside: cells.filter((c) => { const r = c.getBoundingClientRect(); return r.left < 0 || r.right > width; })
      .map((c) => c.textContent),
    statusCount: cells.length,
    containerContentRight: Math.round(right),
  };
})()`;

describeWithChromium('rendered pages in headless Chromium', () => {
  let browser: Browser;
  const documents = {
    page: () => renderReportHtml(examplePack(), exampleMeta),
    email: () => renderEmail(examplePack(), exampleMeta, 'pack').html,
    // The optional columns (issue 16): projection and published figures.
    'page with benchmarks': () => renderReportHtml(examplePackWithBenchmarks(), exampleMeta),
    'email with benchmarks': () => renderEmail(examplePackWithBenchmarks(), exampleMeta, 'pack').html,
  };

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

  async function open(html: string, width: number): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
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

  describe.each(Object.keys(documents) as Array<keyof typeof documents>)('the %s', (name) => {
    it.each(WIDTHS)('fits %i px: no sideways scrolling, every status word in view', async (width) => {
      const { page, problems, requests } = await open(documents[name](), width);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name.replace(/ /g, '-')}-${width}.png`), fullPage: true });
      const fit = await page.evaluate<Fit, undefined>(MEASURE, undefined);
      await page.close();
      expect(problems).toEqual([]);
      expect(requests.filter((url) => url !== 'about:blank')).toEqual([]);
      expect(fit.scrollWidth).toBeLessThanOrEqual(width);
      // 13 indicators, and 5 more in the attention list.
      expect(fit.statusCount).toBe(18);
      expect(fit.statusOutside).toEqual([]);
      if (name.startsWith('email')) expect(fit.containerContentRight).toBeLessThanOrEqual(Math.min(width, 600));
    });
  });

  it('prints the page on A4 landscape, rows unbroken, in as few pages as it needs', async () => {
    const { page } = await open(documents.page(), 1280);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      path: path.join(ARTIFACTS, 'pack.pdf'),
      preferCSSPageSize: true,
      printBackground: true,
    });
    const rowBreak = await page.evaluate<string, undefined>(
      `getComputedStyle(document.querySelector('tr.pi-row')).breakInside`,
      undefined,
    );
    await page.close();
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeLessThanOrEqual(MAX_PRINTED_PAGES);
    expect(rowBreak).toBe('avoid');
  });
});
