/**
 * Inlines an HTML document's <style> rules into style attributes (and width, align and
 * bgcolor attributes for Outlook): what `juice(html, options)` does, with juice's own
 * inliner, but on a document parsed by cheerio's slim (htmlparser2-only) build.
 *
 * Why not call `juice()`: its entry point loads the full cheerio (parse5, undici to fetch
 * URLs, encoding sniffing with iconv-lite) and web-resource-inliner — about 1.2 MB of the
 * function's 4 MB bundle and part of every cold start — none of which inlining a string
 * uses: juice hands cheerio an `xml` option, which selects htmlparser2 and dom-serializer,
 * exactly what the slim build is. test/unit/render/inline-css.test.ts checks that the
 * output equals juice()'s for the rendered emails.
 *
 * The one thing juice() does that this does not: it hides `{{…}}` and `<%…%>` blocks from
 * the parser, for inlining CSS into templates not yet rendered. This HTML has been rendered
 * by Handlebars already (which escapes `<`), so a `{{` here can only be user text such as a
 * comment, where hiding it would only stop the styles of the elements between it and a
 * later `}}` from being inlined.
 */
import { load } from 'cheerio/slim';
import type juice from 'juice';
import makeJuiceClient from 'juice/lib/inline';

/** juice's options, less those that only its string and file entry points read. */
export type InlineCssOptions = Omit<juice.Options, 'xmlMode' | 'webResources'>;

// makeJuiceClient decorates the function juice exports (parse, inline, serialise a string)
// with the inliner's settings and methods; only juiceDocument is used, on the document
// parsed below, so that function is never called.
const inliner = makeJuiceClient(() => {
  throw new Error('inline-css: juice string entry point is not used; call inlineCss');
});

/** The parser options juice/lib/cheerio.js passes for HTML: htmlparser2, entities kept as written. */
const PARSE_OPTIONS = { xml: { decodeEntities: false, xmlMode: false } };

export function inlineCss(html: string, options: InlineCssOptions): string {
  const $ = load(html, PARSE_OPTIONS);
  inliner.juiceDocument($, options);
  return $.html();
}
