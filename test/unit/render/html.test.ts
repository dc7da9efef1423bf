import { renderReportHtml } from '../../../functions/core/render/html';
import { RAG_STYLES } from '../../../functions/core/render/view-model';
import type { Pack } from '../../../functions/core/pack/pack-types';
import { examplePack, exampleMeta, HOSTILE } from '../../fixtures/pack/example-pack';
import { CORPORATE_PLAN_CODES, EXPECTED_ROWS } from './expected-rows';
import { rowCells, textOf } from './html-cells';

const html = renderReportHtml(examplePack(), exampleMeta);

describe('renderReportHtml: the example pack', () => {
  it.each(EXPECTED_ROWS)('shows $code with the seed values and traffic light', ({ code, cells, rag }) => {
    const tds = rowCells(html, code).map(textOf);
    // Issue 14: code and title, traffic light, YTD, target (what matters most, first),
    // then prior year, 6 months, trend.
    expect(tds).toHaveLength(12);
    expect(tds[0].replace(' ★', '').startsWith(`${code} `)).toBe(true);
    expect([...tds.slice(4, 11), tds[2], tds[3]]).toEqual(cells);
    expect(tds[1]).toBe(rag);
  });

  it('has one table per section, in the seed order, with the seed column labels', () => {
    expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      'What needs attention',
      'Child protection',
      'CP Reviews and Visits',
      'Data quality',
      'Definitions',
    ]);
    expect(html.match(/<table class="pi"/g)).toHaveLength(2);
    const header = textOf(/<table class="pi"[\s\S]*?<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '').split(
      /\s*\n\s*/,
    );
    expect(header).toEqual([
      'Indicator',
      'Traffic light',
      '2013/14 YTD',
      'Target',
      '2012/13',
      'Jun-13',
      'Jul-13',
      'Aug-13',
      'Sep-13',
      'Oct-13',
      'Nov-13',
      'Trend',
    ]);
  });

  it('puts the reason for each colour on the traffic-light cell and words, not colour alone', () => {
    const hy64 = rowCells(html, 'HY64')[1];
    expect(hy64).toContain('title="9.7% against 7.0%: lower is better, Red above 7.7% (10% tolerance)"');
    expect(hy64).toContain('class="rag rag-red"');
    const dataOnly = rowCells(html, 'OP 411')[1];
    expect(dataOnly).toContain('rag-data-only');
    expect(textOf(dataOnly)).toBe('Data Only');
  });

  it('marks No data distinctly from Data Only', () => {
    const pack = examplePack();
    const op367 = pack.sections[1].indicators[0];
    pack.sections[1].indicators[0] = {
      ...op367,
      ytd: { value: null, numerator: 0, denominator: 0 },
      rag: 'no-data',
      ragReason: 'No value this year.',
    };
    const cell = rowCells(renderReportHtml(pack, exampleMeta), 'Op367')[1];
    expect(cell).toContain('rag-no-data');
    expect(textOf(cell)).toBe('No data');
  });

  it('shows the trend as an arrow with words and a sparkline of the months', () => {
    const trend = textOf(rowCells(html, 'OP380')[11]).split('\n');
    // October 95.5% and November 94.8% both print as 95%: "slightly" (issue 14).
    expect(trend[0]).toBe('↓ Slightly down, worse');
    // 96.1, 97.9, 94.2, 95.9, 95.5, 94.8 on 0–100: all within the top eighth, no collapse.
    expect(trend[1]).toBe('██████');
    expect(rowCells(html, 'OP380')[11]).toContain(
      'role="img" aria-label="Jun-13 96%, Jul-13 98%, Aug-13 94%, Sep-13 96%, Oct-13 95%, Nov-13 95%"',
    );
    expect(textOf(rowCells(html, 'Op422')[11]).split('\n')[0]).toBe('No trend');
  });

  it('shows in the row why the same printed value and target differ in status', () => {
    expect(textOf(rowCells(html, 'OP380')[0])).toContain('94.8% — below 95%');
    expect(textOf(rowCells(html, 'OP381')[0])).toContain('95.05% — above 95%');
    expect(textOf(rowCells(html, 'Op 365')[0])).toContain('9.5% — below 10%');
  });

  it('opens with what needs attention: Red then Amber, value against target, direction and why', () => {
    const attention = /<div class="summary" id="attention">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    const items = [...attention.matchAll(/<tr class="attn-item" data-code="([^"]+)"/g)].map((m) => m[1]);
    expect(items).toEqual(['OP388a', 'HY64', 'Op367', 'OP389a', 'OP380']);
    expect(textOf(attention)).toContain('94.8% against a target of 95% · ↓ Slightly down, worse');
    expect(html.indexOf('id="attention"')).toBeLessThan(html.indexOf('class="pi"'));
  });

  it('highlights corporate-plan rows and explains the highlight', () => {
    const corporate = [...html.matchAll(/<tr class="pi-row corporate" data-code="([^"]+)"/g)].map((m) => m[1]);
    expect(corporate).toEqual(CORPORATE_PLAN_CODES);
    expect(html).toContain('Highlighted PIs (★) are in the Corporate plan');
  });

  it('marks a drafted performance comment as a draft and shows the service placeholder', () => {
    const reviews =
      /<div class="section" id="section-cp-reviews-visits">([\s\S]*?)<div class="quality"/.exec(html)?.[1] ?? '';
    expect(reviews).toContain('Performance comment <span class="draft-badge">Draft</span>');
    expect(textOf(reviews)).toContain(
      'As at the end of November, 104 out of 118 CP cases were reviewed within required timescales.',
    );
    expect(reviews).toContain('class="comment-text comment-placeholder" data-comment="service"');
    expect(textOf(reviews)).toContain('Service comment to be supplied by the service.');
    // The supplied performance comment of the first section is not a draft.
    const protection =
      /<div class="section" id="section-child-protection">([\s\S]*?)<h3>Service comment/.exec(html)?.[1] ?? '';
    expect(protection).not.toContain('draft-badge');
  });

  it('shows indicator comments under their row', () => {
    expect(textOf(html)).toContain(
      "Comment on HY64: This month's % reflects the removal of one child out of 15 taken off CP plan.",
    );
  });

  it('lists data-quality problems with counts of those not listed, and the definitions', () => {
    const quality = textOf(/<div class="quality"[\s\S]*?<div class="definitions"/.exec(html)?.[0] ?? '');
    expect(quality).toContain('0 error(s) and 6 warning(s)');
    expect(quality).toMatch(/missing-value\s+Warning\s+5\s+2\s+3/);
    expect(quality).toContain('cppv_cp_visit_date');
    expect(textOf(html)).toContain(
      'Of the child protection plans that ended in the period, the percentage that had lasted two years or more.',
    );
  });

  it('is self-contained: inline CSS, no scripts, no external assets, A4 landscape print rules', () => {
    expect(html).not.toMatch(/<script|<link|<img|<svg|src=|url\(|@import/i);
    expect(html).not.toMatch(/display:\s*(flex|grid)/);
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toMatch(/tr, \.attn-item \{ break-inside: avoid; page-break-inside: avoid; \}/);
    // No forced page breaks: they left near-empty pages (issue 14).
    expect(html).not.toMatch(/break-before: page|page-break-before: always/);
  });

  it('gives every table a caption and its headers a scope', () => {
    const tables = html.match(/<table(?![^>]*role="presentation")[^>]*>/g) ?? [];
    const captions = html.match(/<table(?![^>]*role="presentation")[^>]*>\s*<caption>[^<]+<\/caption>/g) ?? [];
    expect(tables.length).toBeGreaterThan(4);
    expect(captions).toHaveLength(tables.length);
    expect(html.match(/<th(?![^>]*scope="(row|col)")[\s>]/g)).toBeNull();
  });

  it('uses the same colours as the workbook for each status', () => {
    for (const style of Object.values(RAG_STYLES)) {
      if (style.fill && style.css !== 'no-data')
        expect(html).toContain(
          `.rag-${style.css} { background-color: #${style.fill.slice(2)}; color: #${style.font.slice(2)};`,
        );
    }
  });
});

describe('renderReportHtml: escaping', () => {
  function hostilePack(): Pack {
    const pack = examplePack();
    pack.sections[0].comments.performance = { text: HOSTILE.script, draft: false };
    pack.sections[0].comments.service = { text: HOSTILE.hyperlink };
    pack.sections[1].comments.performance = { text: HOSTILE.atSum, draft: true };
    pack.sections[0].indicators[5].comment = `${HOSTILE.plusOne} <img src=x onerror=alert(1)>`;
    pack.sections[0].indicators[0].title = '<b>bold</b> title';
    pack.sections[1].indicators[0].ragReason = '"><script>alert(2)</script>';
    pack.dataQuality.warnings[0] = { ...pack.dataQuality.warnings[0], value: '<iframe src="x">' };
    return pack;
  }
  const page = renderReportHtml(hostilePack(), exampleMeta);

  it('escapes every user text, in content and in attributes', () => {
    expect(page).not.toMatch(/<script|<img|<iframe|<b>bold/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(page).toContain('title="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"');
    expect(page).toContain('&lt;iframe src&#x3D;&quot;x&quot;&gt;');
  });

  it('shows the hostile comments as the text that was written', () => {
    const text = textOf(page);
    for (const written of [
      HOSTILE.script,
      HOSTILE.hyperlink,
      HOSTILE.atSum,
      `${HOSTILE.plusOne} <img src=x onerror=alert(1)>`,
    ])
      expect(text).toContain(written);
  });
});
