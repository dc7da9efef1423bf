/**
 * The email forms of the pack (interfaces.md, Email): an HTML body laid out for Outlook
 * and Gmail — table layout, CSS inlined by juice, width attributes, no flex/grid, SVG or
 * images — and a plain-text alternative with the same content. Also the failure notice
 * for the officers, which carries the reason and the data-quality report but never a
 * pack value.
 */
import juice from 'juice';
import type { Pack } from '../pack/pack-types';
import type { DataQuality, Period } from '../types';
import { templateContext } from './html';
import { packText, qualityText } from './plain-text';
import type { EmailKind, RenderedEmail, RenderMeta } from './render-types';
import { renderHtmlTemplate } from './templates';
import { buildPackView, monthTitle, qualityView } from './view-model';

const SUBJECT_PREFIX: Record<EmailKind, string> = { pack: '', revised: '[Revised] ', preview: '[Preview] ' };

/** A header value on one line: configuration text must not be able to add headers. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

export function emailSubject(title: string, period: Period, kind: EmailKind): string {
  return oneLine(`${SUBJECT_PREFIX[kind]}${title}: ${monthTitle(period)}`);
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

/** Inlines the <style> rules into style attributes and adds width attributes for Outlook. */
function inlineForMail(html: string): string {
  return juice(html, {
    applyWidthAttributes: true,
    applyAttributesTableElements: true,
    preserveMediaQueries: false,
    preserveFontFaces: false,
    removeStyleTags: true,
  });
}

export function renderEmail(pack: Pack, meta: RenderMeta, kind: EmailKind): RenderedEmail {
  const view = buildPackView(pack, meta);
  const subject = emailSubject(pack.title, pack.period, kind);
  const note = kindNote(kind, view.periodTitle);
  const html = inlineForMail(renderHtmlTemplate('email', { ...templateContext(view), subject, kindNote: note }));
  return { subject, html, text: packText(view, note) };
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

export function renderFailureNotice(input: FailureNoticeInput): RenderedEmail {
  const periodTitle = monthTitle(input.period);
  const subject = oneLine(`[Failed] ${input.title}: ${periodTitle}`);
  const quality = input.quality ? qualityView(input.quality) : null;
  const context = { subject, title: input.title, period: input.period, periodTitle, runId: input.runId, reason: input.reason, quality };
  const html = inlineForMail(renderHtmlTemplate('failure', context));
  const text = [
    `Failed: the ${periodTitle} pack was not produced, and nothing was sent to the distribution list.`,
    '',
    `${input.title}: ${periodTitle}`,
    `Run ${input.runId} failed:`,
    input.reason,
    '',
    ...(quality ? qualityText(quality) : []),
    `After fixing the extract or configuration, rerun the month: npm run report -- rerun --period ${input.period} --reason "…" --preview ADDRESS (or --send).`,
  ].join('\n');
  return { subject, html, text: text + '\n' };
}
