/**
 * The email forms of the pack (docs/OUTPUTS.md, Email): an HTML body laid out for Outlook
 * and Gmail — table layout, CSS inlined by juice's inliner, width attributes, no flex/grid, SVG or
 * images — and a plain-text alternative with the same content. Also the failure notice
 * for the officers, which carries the reason and the data-quality report but never a
 * pack value.
 */
import type { Pack } from '../pack/pack-types';
import type { DataQuality, Period } from '../types';
import { templateContext } from './html';
import { inlineCss, type InlineCssOptions } from './inline-css';
import { packText, qualityText } from './plain-text';
import type { EmailKind, RenderedEmail, RenderMeta } from './render-types';
import { renderHtmlTemplate } from './templates';
import { buildPackView, monthTitle, qualityView, type PackView } from './view-model';

const SUBJECT_PREFIX: Record<EmailKind, string> = { pack: '', revised: '[Revised] ', preview: '[Preview] ' };

/** A header value on one line: configuration text must not be able to add headers. */
function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** `<authority> <title> — November 2013: 3 Red, 1 Amber`, with [Revised] or [Preview] in front when so. */
export function emailSubject(view: PackView, kind: EmailKind): string {
  return oneLine(
    `${SUBJECT_PREFIX[kind]}${view.authority} ${view.title} — ${view.periodTitle}: ${view.summary.headline}`,
  );
}

/** The line a mail client shows beside the subject: the headline and the indicators behind it. */
export function previewText(view: PackView): string {
  const items = view.attention.map((i) => `${i.code} ${i.statusLabel}`);
  const named = items.length > 0 ? ` Needs attention: ${items.join(', ')}.` : '';
  return `${view.periodTitle}: ${view.summary.headline}.${named}`;
}

function kindNote(kind: EmailKind, periodTitle: string): string | null {
  switch (kind) {
    case 'pack':
      return null;
    case 'revised':
      return `Revised: this pack replaces the one sent earlier for ${periodTitle}.`;
    case 'preview':
      return 'Preview: this pack has not been sent to the distribution list.';
  }
}

/** Every <style> rule inlined into style attributes, width attributes added for Outlook. */
export const MAIL_INLINE_OPTIONS: InlineCssOptions = {
  applyWidthAttributes: true,
  applyAttributesTableElements: true,
  preserveMediaQueries: false,
  preserveFontFaces: false,
  removeStyleTags: true,
};

function inlineForMail(html: string): string {
  return inlineCss(html, MAIL_INLINE_OPTIONS);
}

/** The email's HTML as rendered from its template, before its CSS is inlined. */
export function emailPageHtml(pack: Pack, meta: RenderMeta, kind: EmailKind): string {
  return renderEmailParts(buildPackView(pack, meta), kind).page;
}

function renderEmailParts(view: PackView, kind: EmailKind) {
  const subject = emailSubject(view, kind);
  const note = kindNote(kind, view.periodTitle);
  // Officers' previews keep the run details; directors see when it was produced.
  const context = {
    ...templateContext(view, kind === 'preview'),
    subject,
    kindNote: note,
    previewText: previewText(view),
  };
  return { subject, note, page: renderHtmlTemplate('email', context) };
}

/** The email from a view built once per run. */
export function emailFromView(view: PackView, kind: EmailKind): RenderedEmail {
  const { subject, note, page } = renderEmailParts(view, kind);
  return { subject, html: inlineForMail(page), text: packText(view, note, kind === 'preview') };
}

export function renderEmail(pack: Pack, meta: RenderMeta, kind: EmailKind): RenderedEmail {
  return emailFromView(buildPackView(pack, meta), kind);
}

export interface FailureNoticeInput {
  /** The pack's title (from the configuration), for the subject. */
  title: string;
  period: Period;
  runId: string;
  /** What failed, in words (the error's message). */
  reason: string;
  quality?: DataQuality | null;
}

/** The failure notice's HTML as rendered from its template, before its CSS is inlined. */
export function failureNoticePageHtml(input: FailureNoticeInput): string {
  return renderFailureParts(input).page;
}

function renderFailureParts(input: FailureNoticeInput) {
  const periodTitle = monthTitle(input.period);
  const subject = oneLine(`[Failed] ${input.title}: ${periodTitle}`);
  const quality = input.quality ? qualityView(input.quality) : null;
  const context = {
    subject,
    title: input.title,
    period: input.period,
    periodTitle,
    runId: input.runId,
    reason: input.reason,
    quality,
  };
  return { periodTitle, subject, quality, page: renderHtmlTemplate('failure', context) };
}

export function renderFailureNotice(input: FailureNoticeInput): RenderedEmail {
  const { periodTitle, subject, quality, page } = renderFailureParts(input);
  const html = inlineForMail(page);
  const text = [
    `Failed: the ${periodTitle} pack was not produced, and nothing was sent to the distribution list.`,
    '',
    `${input.title}: ${periodTitle}`,
    `Run ${input.runId} failed:`,
    input.reason,
    '',
    ...(quality ? qualityText(quality) : []),
    'After fixing the extract or configuration, rerun the month: npm run report ' +
      `-- rerun --period ${input.period} --reason "…" --preview ADDRESS (or --send).`,
  ].join('\n');
  return { subject, html, text: text + '\n' };
}
