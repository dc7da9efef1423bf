/**
 * A comment as HTML, keeping the officer's line breaks: a blank line starts a new paragraph, a single line break is
 * a <br>. The text is escaped first (Handlebars' own escaping), so markup in a comment stays text. The one place a
 * comment becomes HTML, for the page and the email alike (registered as the templates' `paragraphs` helper).
 */
import Handlebars from 'handlebars';

export function commentHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(Handlebars.escapeExpression).join('<br>\n')}</p>`)
    .join('\n');
}
