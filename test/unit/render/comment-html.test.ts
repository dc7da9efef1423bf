/** Line breaks in comments are kept on the page and in the email: blank lines as paragraphs, single ones as <br>. */
import { commentHtml } from '../../../functions/core/render/comment-html';
import { renderEmail } from '../../../functions/core/render/email';
import { renderReportHtml } from '../../../functions/core/render/html';
import { examplePack, exampleMeta } from '../../fixtures/pack/example-pack';

const TEXT = 'Reviews fell.\nTwo conferences moved.\r\n\r\n<b>Next</b> month & after.';
const HTML = '<p>Reviews fell.<br>\nTwo conferences moved.</p>\n<p>&lt;b&gt;Next&lt;/b&gt; month &amp; after.</p>';

it('turns blank lines into paragraphs and single breaks into <br>, escaping the text', () => {
  expect(commentHtml(TEXT)).toBe(HTML);
  expect(commentHtml('  one line  ')).toBe('<p>one line</p>');
  expect(commentHtml('')).toBe('');
});

it('keeps them in the page and the email, for section and indicator comments', () => {
  const pack = examplePack();
  pack.sections[0].comments.service.text = TEXT;
  pack.sections[0].comments.performance = { text: TEXT, draft: false };
  pack.sections[0].indicators[0].comment = TEXT;
  for (const html of [renderReportHtml(pack, exampleMeta), renderEmail(pack, exampleMeta, 'pack').html]) {
    // Once for the performance comment, once for the service comment, once for the indicator's.
    expect(html.split('Reviews fell.<br>').length - 1).toBe(3);
    expect(html).not.toContain('<b>Next</b>');
  }
});
