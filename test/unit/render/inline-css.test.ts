/**
 * inlineCss runs juice's inliner on cheerio's slim build instead of calling juice() (see
 * functions/core/render/inline-css.ts): these tests hold it to juice()'s own output, byte
 * for byte, for the emails the run sends.
 */
import juice from 'juice';
import { emailPageHtml, failureNoticePageHtml, MAIL_INLINE_OPTIONS } from '../../../functions/core/render/email';
import { inlineCss } from '../../../functions/core/render/inline-css';
import { examplePack, exampleMeta, HOSTILE } from '../../fixtures/pack/example-pack';
import { rowCells } from './html-cells';

/** Both inliners on the same page; the page must have had CSS for the comparison to mean anything. */
function bothInlined(page: string): { ours: string; juices: string } {
  expect(page).toMatch(/<style[\s>]/);
  return { ours: inlineCss(page, MAIL_INLINE_OPTIONS), juices: juice(page, MAIL_INLINE_OPTIONS) };
}

describe('inlineCss equals juice() with the same options', () => {
  it.each(['pack', 'revised', 'preview'] as const)('for the example pack email (%s)', (kind) => {
    const { ours, juices } = bothInlined(emailPageHtml(examplePack(), exampleMeta, kind));
    expect(ours).toBe(juices);
    expect(ours).not.toMatch(/<style/i);
    expect(rowCells(ours, 'HY64')[1]).toMatch(/style="[^"]*background-color: #C00000/);
  });

  it('for the example pack with hostile comments (markup, quotes, formulas)', () => {
    const pack = examplePack();
    pack.sections[0].comments.service = { text: HOSTILE.script };
    pack.sections[0].indicators[5].comment = HOSTILE.hyperlink;
    pack.sections[0].indicators[6].comment = `${HOSTILE.atSum} & ${HOSTILE.minusTwo} <b>é</b> &amp;`;
    const { ours, juices } = bothInlined(emailPageHtml(pack, exampleMeta, 'pack'));
    expect(ours).toBe(juices);
  });

  it('for the failure notice with a data-quality report', () => {
    const pack = examplePack();
    const page = failureNoticePageHtml({
      title: pack.title,
      period: '2013-11',
      runId: '20131202T070000Z-schedule',
      reason: 'The extract has 1 error: <ssd_cp_plans.csv> row 7 has no start date.',
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
    const { ours, juices } = bothInlined(page);
    expect(ours).toBe(juices);
  });
});

describe('inlineCss where juice() differs: text that looks like a template block', () => {
  // juice() hides {{…}} from its parser (for templates not yet rendered); here such text can
  // only be a comment, and the rows between a "{{" and a later "}}" must still be styled.
  const pack = examplePack();
  pack.sections[0].indicators[0].comment = 'Target {{ revised';
  pack.sections[0].indicators[6].comment = 'see note }} below';
  const page = emailPageHtml(pack, exampleMeta, 'pack');
  const ours = inlineCss(page, MAIL_INLINE_OPTIONS);

  it('keeps the text as written and styles every row', () => {
    expect(ours).toContain('Target {{ revised');
    expect(ours).toContain('see note }} below');
    expect(ours).not.toMatch(/<style/i);
    expect(rowCells(ours, 'HY64')[1]).toMatch(/style="[^"]*background-color: #C00000/);
  });
});
