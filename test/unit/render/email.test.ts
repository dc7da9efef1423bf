import { renderEmail, renderFailureNotice } from '../../../functions/core/render/email';
import { examplePack, exampleMeta, HOSTILE } from '../../fixtures/pack/example-pack';
import { EXPECTED_ROWS } from './expected-rows';
import { monthsLine, rowCells, textOf } from './html-cells';

const TITLE = "Children and Young People's Service: Performance Report";

describe('renderEmail', () => {
  const email = renderEmail(examplePack(), exampleMeta, 'pack');

  // Issue 14: the authority and the headline in the subject.
  const SUBJECT = `Haringey ${TITLE} — November 2013: 3 Red, 2 Amber`;

  it('has the subject "<authority> <title> — <Month YYYY>: n Red, n Amber", [Revised] or [Preview] in front', () => {
    expect(email.subject).toBe(SUBJECT);
    expect(renderEmail(examplePack(), exampleMeta, 'revised').subject).toBe(`[Revised] ${SUBJECT}`);
    expect(renderEmail(examplePack(), exampleMeta, 'preview').subject).toBe(`[Preview] ${SUBJECT}`);
  });

  it('has a preview text naming the headline and the indicators behind it', () => {
    expect(textOf(/<div class="preheader"[^>]*>([\s\S]*?)<\/div>/.exec(email.html)?.[1] ?? '')).toBe(
      'November 2013: 3 Red, 2 Amber. Needs attention: OP388a Red, HY64 Red, Op367 Red, OP389a Amber, OP380 Amber.',
    );
  });

  it('names the attachment as the run names it, and keeps run details out of the directors’ copy', () => {
    expect(textOf(email.html)).toContain('The workbook haringey-pack-2013-11.xlsx is attached');
    expect(email.text).toContain('The workbook haringey-pack-2013-11.xlsx is attached.');
    for (const body of [email.html, email.text]) {
      expect(body).not.toContain('extracts/2013-11');
      expect(body).not.toContain('2013-12-02T07:00:05.000Z');
      expect(body).toContain('Produced on 2 December 2013 at 07:00 by indicator-pack test.');
    }
    const preview = renderEmail(examplePack(), exampleMeta, 'preview');
    expect(preview.text).toContain('Run 20131202T070000Z-schedule, generated 2013-12-02T07:00:05.000Z from extracts/');
    expect(textOf(preview.html)).toContain('Run 20131202T070000Z-schedule');
  });

  it('keeps the subject on one line whatever the configured title holds', () => {
    const pack = examplePack();
    pack.title = 'Pack\r\nBcc: someone@elsewhere.example';
    expect(renderEmail(pack, exampleMeta, 'pack').subject).toBe(
      'Haringey Pack Bcc: someone@elsewhere.example — November 2013: 3 Red, 2 Amber',
    );
  });

  it('opens with the period, the counts of Red, Amber and Green, and the rows that changed status', () => {
    const summary = textOf(/<div class="summary"[^>]*>([\s\S]*?)<\/div>/.exec(email.html)?.[1] ?? '');
    // Red: OP388a, HY64, Op367; Amber: OP389a, OP380; Green: Op 365, OP381.
    expect(summary).toContain('November 2013 (2013/14 YTD): 3 Red, 2 Amber, 2 Green of 13 indicators.');
    expect(summary).toContain('Changed status since October 2013:');
    expect(summary).toContain(
      'Op 365 Subject of Child Protection Plan for a second or subsequent time: Amber → Green (better)',
    );
    expect(summary).toContain(
      'Op367 Percentage of CP cases which were reviewed within required timescales: Amber → Red (worse)',
    );
    expect(summary).toContain('OP380 Child Protection Visits: Green → Amber (worse)');
    expect(summary.match(/→/g)).toHaveLength(3);
    expect(summary).toContain('Op367 Percentage of CP cases which were reviewed within required timescales');
    expect(summary).toContain('88% against a target of 100% · ↓ Down, worse');
    expect(email.html.indexOf('class="summary"')).toBeLessThan(email.html.indexOf('class="pi"'));
  });

  it('carries every row with the pack values', () => {
    // Issue 14: status, YTD and target beside the name; prior year and months on the line beneath.
    for (const { code, cells, rag } of EXPECTED_ROWS) {
      const tds = rowCells(email.html, code).map(textOf);
      expect(tds.slice(1)).toEqual([rag, cells[7], cells[8]]);
      const shortMonths = ['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'].map((m, i) => `${m} ${cells[i + 1]}`);
      expect(monthsLine(email.html, code)).toContain(['2012/13 ' + cells[0], ...shortMonths].join(' · '));
    }
  });

  it('is laid out for Outlook and Gmail: inlined CSS, tables with widths, no flex, grid, SVG or images', () => {
    expect(email.html).not.toMatch(/<style/i);
    expect(email.html).not.toMatch(/display:\s*(flex|grid)|<svg|<img|<script|<link|url\(/i);
    expect(rowCells(email.html, 'HY64')[1]).toMatch(/style="[^"]*background-color: #C00000[^"]*"/);
    expect(email.html).toMatch(/<table role="presentation" class="container" width="600"/);
    expect(rowCells(email.html, 'HY64')[1]).toMatch(/bgcolor="#C00000"/);
    // CSS that Outlook's Word engine ignores (issue 14); the caniemail lint is in email-lint.test.ts.
    expect(email.html).not.toMatch(/white-space|table-layout/);
  });

  it('says in the body when it is a revised pack or a preview', () => {
    expect(renderEmail(examplePack(), exampleMeta, 'revised').html).toContain(
      'Revised: this pack replaces the one sent earlier for November 2013.',
    );
    expect(renderEmail(examplePack(), exampleMeta, 'preview').text).toMatch(
      /^Preview: this pack has not been sent to the distribution list\./,
    );
    expect(email.html).not.toContain('kind-note');
  });

  it('has a plain-text alternative with the same content', () => {
    const text = email.text;
    expect(text).toContain('November 2013 (2013/14 YTD): 3 Red, 2 Amber, 2 Green of 13 indicators.');
    expect(text).toContain('  - OP380 Child Protection Visits: Green → Amber (worse)');
    // The same attention list opens the text.
    expect(text.indexOf('What needs attention')).toBeLessThan(text.indexOf('== Child protection =='));
    expect(text).toContain(
      'Red: Op367 Percentage of CP cases which were reviewed within required timescales\n' +
        '  88% against a target of 100% · ↓ Down, worse\n' +
        '  88.1% against 100%: higher is better, Red below 90% (10% tolerance)',
    );
    expect(text).toContain('HY64: Child Protection Plans ceasing after two years or more');
    expect(text).toContain(
      'HY64: Child Protection Plans ceasing after two years or more\n  Red · 2013/14 YTD 9.7% · Target 7.0%\n' +
        '  2012/13 7.1% | Jun-13 2.6% | Jul-13 - | Aug-13 - | Sep-13 20.0% | Oct-13 38.9% | Nov-13 6.7%',
    );
    expect(text).toContain(
      '  Traffic light: Amber (94.8% against 95%: higher is better, Amber within 10%). 94.8% — below 95%. ' +
        'Trend: ↓ Slightly down, worse ██████',
    );
    expect(text).toContain(
      'Performance comment (DRAFT, drafted from the data):\nAs at the end of November, 104 out of 118',
    );
    expect(text).toContain('Service comment:\nService comment to be supplied by the service.');
    expect(text).toContain('Warning missing-value: 5 in all, 3 not listed');
    expect(text).not.toMatch(/<[a-z]/);
  });

  it('escapes hostile comments in the HTML body and keeps them verbatim in the text', () => {
    const pack = examplePack();
    pack.sections[0].comments.service = { text: HOSTILE.script };
    pack.sections[0].indicators[5].comment = HOSTILE.hyperlink;
    const hostile = renderEmail(pack, exampleMeta, 'pack');
    expect(hostile.html).not.toContain('<script');
    expect(textOf(hostile.html)).toContain(HOSTILE.script);
    expect(textOf(hostile.html)).toContain(HOSTILE.hyperlink);
    expect(hostile.text).toContain(HOSTILE.script);
  });
});

describe('renderFailureNotice', () => {
  const pack = examplePack();
  const notice = renderFailureNotice({
    title: TITLE,
    period: '2013-11',
    runId: '20131202T070000Z-schedule',
    reason: 'The extract has 2 errors: <ssd_cp_plans.csv> row 7 has no start date.',
    quality: {
      ...pack.dataQuality,
      errors: [
        {
          kind: 'missing-value',
          table: 'ssd_cp_plans',
          row: 7,
          column: 'cppl_cp_plan_start_date',
          value: null,
          message: 'Start date is missing.',
        },
      ],
    },
  });

  it('says what failed, for which month and run, in the subject and body', () => {
    expect(notice.subject).toBe(`[Failed] ${TITLE}: November 2013`);
    expect(textOf(notice.html)).toContain('Run 20131202T070000Z-schedule failed:');
    expect(textOf(notice.html)).toContain('The extract has 2 errors: <ssd_cp_plans.csv> row 7 has no start date.');
    expect(notice.html).not.toContain('<ssd_cp_plans.csv>');
    expect(notice.text).toContain('nothing was sent to the distribution list');
  });

  it('carries the data-quality report', () => {
    expect(textOf(notice.html)).toContain('cppl_cp_plan_start_date');
    expect(notice.text).toContain('- Error (ssd_cp_plans, row 7, cppl_cp_plan_start_date): Start date is missing.');
  });

  it('never contains a pack value or comment', () => {
    for (const leaked of ['9.7%', 'Red', 'Child Protection Visits', 'As at the end of November']) {
      expect(notice.html).not.toContain(leaked);
      expect(notice.text).not.toContain(leaked);
    }
  });
});

describe('renderEmail and renderFailureNotice: quiet months', () => {
  it('says so when nothing changed status and the extract had no problems', () => {
    const pack = examplePack();
    for (const section of pack.sections)
      for (const indicator of section.indicators) indicator.previousRag = indicator.rag;
    pack.dataQuality = { errors: [], warnings: [], counts: {} };
    const email = renderEmail(pack, exampleMeta, 'pack');
    expect(textOf(email.html)).toContain('No indicator changed status since October 2013.');
    expect(textOf(email.html)).toContain('No problems were found in the extract.');
    expect(email.text).toContain('No indicator changed status since October 2013.');
  });

  it('sends a failure notice without a data-quality report when there is none', () => {
    const notice = renderFailureNotice({
      title: TITLE,
      period: '2014-01',
      runId: 'r1',
      reason: 'The configuration is invalid.',
    });
    expect(notice.subject).toBe(`[Failed] ${TITLE}: January 2014`);
    expect(notice.html).not.toContain('Data quality');
    expect(notice.text).toContain('The configuration is invalid.');
  });
});
