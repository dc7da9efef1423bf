/**
 * Types for the two deep imports of functions/core/render/inline-css.ts, which the
 * packages' own declarations do not reach under this project's `moduleResolution: node`.
 */

/** cheerio's htmlparser2-only entry (package exports "./slim"): same `load` as the main entry. */
declare module 'cheerio/slim' {
  export { load } from 'cheerio';
}

/**
 * juice's inliner (juice/lib/inline.js): decorates the function it is given with juice's
 * settings and methods and returns it. `juiceDocument` inlines the document's <style>
 * rules into a loaded cheerio document, in place.
 */
declare module 'juice/lib/inline' {
  import type { CheerioAPI } from 'cheerio';
  import type juice from 'juice';

  interface JuiceInliner {
    juiceDocument($: CheerioAPI, options?: juice.Options): CheerioAPI;
  }

  function makeJuiceClient(base: (html: string, options?: juice.Options) => string): JuiceInliner;
  export = makeJuiceClient;
}
