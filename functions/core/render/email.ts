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

/** A revised preview (comments changed by a reply) says so in its subject. */
const REVISED_PREVIEW_PREFIX = '[Preview, revised] ';

/** `<authority> <title> — November 2013: 3 Red, 1 Amber`, with [Revised] or [Preview] in front when so. */
export function emailSubject(view: PackView, kind: EmailKind, revisedPreview = false): string {
  const prefix = kind === 'preview' && revisedPreview ? REVISED_PREVIEW_PREFIX : SUBJECT_PREFIX[kind];
  return oneLine(`${prefix}${view.authority} ${view.title} — ${view.periodTitle}: ${view.summary.headline}`);
}

/** What an email adds to the pack: the preview's reply instructions and a revision's changed comments. */
export interface EmailExtras {
  /** Paragraphs telling the officer what to do next (reply-how.ts). */
  instructions: string[];
  /** For a revised preview, the comments the reply changed; null otherwise. */
  changedComments: string[] | null;
}

const NO_EXTRAS: EmailExtras = { instructions: [], changedComments: null };

function extrasLines(extras: EmailExtras): string[] {
  const changed = extras.changedComments;
  return [
    ...(changed ? ['Revised with the comments from your reply. Changed:', ...changed.map((c) => `  - ${c}`)] : []),
    ...extras.instructions,
  ];
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

function renderEmailParts(view: PackView, kind: EmailKind, extras = NO_EXTRAS) {
  const subject = emailSubject(view, kind, extras.changedComments !== null);
  const note = kindNote(kind, view.periodTitle);
  const replyHow = extrasLines(extras);
  // Officers' previews keep the run details; directors see when it was produced.
  const context = {
    ...templateContext(view, kind === 'preview'),
    subject,
    kindNote: note,
    previewText: previewText(view),
    replyHow,
  };
  return { subject, note, replyHow, page: renderHtmlTemplate('email', context) };
}

/** The email from a view built once per run. */
export function emailFromView(view: PackView, kind: EmailKind, extras = NO_EXTRAS): RenderedEmail {
  const { subject, note, replyHow, page } = renderEmailParts(view, kind, extras);
  const lead = [note, ...replyHow].filter((line) => line !== null);
  const text = packText(view, lead.length ? lead.join('\n') : null, kind === 'preview');
  return { subject, html: inlineForMail(page), text };
}

export function renderEmail(pack: Pack, meta: RenderMeta, kind: EmailKind, extras = NO_EXTRAS): RenderedEmail {
  return emailFromView(buildPackView(pack, meta), kind, extras);
}

export interface FailureNoticeInput {
  /** The pack's title (from the configuration), for the subject. */
  title: string;
  period: Period;
  runId: string;
  /** What failed, in words (the error's message). */
  reason: string;
  quality?: DataQuality | null;
  /** What the rerun's preview lets the officer do (reply-how.ts); absent: nothing is added. */
  afterRerun?: string;
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
    afterRerun: input.afterRerun ?? null,
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
    ...(input.afterRerun ? [input.afterRerun] : []),
  ].join('\n');
  return { subject, html, text: text + '\n' };
}
