/**
 * The answer to an officer's message that matches no stored preview (which-run.ts found
 * nothing): the sender is a configured officer whose message passed SES's checks, so a
 * plain reply is safe and useful. It says what the message carried that was looked up —
 * a preview code in the subject that names no stored preview, a reply to a message that
 * was not a preview (e.g. the pack itself, a confirmation), or no reference at all — and
 * how to answer instead. When the subject names a month, the newest preview of that month
 * is named, so the officer knows which email to answer.
 */
import { ukDateTime } from '../core/render/about-view';
import { monthTitle } from '../core/render/labels';
import type { InboundMail } from './parse-mail';
import type { PreviewIndex } from './preview-index';
import { findRunTokens } from './run-token';
import { sesIdOfMessageId, splitIds } from './which-run';

const HOW =
  'Nothing was done. To act on a preview, reply to the preview email itself, keeping its subject (it ends in a ' +
  'code like [IP-2013-11-3fa1c0]): APPROVE as the first line sends the pack; the edited workbook attached ' +
  'changes the comments.';

export async function unmatchedReply(mail: InboundMail, index: PreviewIndex): Promise<string> {
  const tokens = findRunTokens(mail.subject);
  const answered = [mail.inReplyTo ?? '', ...mail.references].some((header) =>
    splitIds(header).some((id) => sesIdOfMessageId(id) !== null),
  );
  const what =
    tokens.length > 0
      ? `Your message names the preview ${tokens.map((t) => `[IP-${t.period}-${t.suffix}]`).join(', ')}, ` +
        'but no preview with that code is stored, so it could not be matched.'
      : answered
        ? 'Your message answers an email from the pack that is not a preview (for example the pack itself or a ' +
          'confirmation), so it could not be matched to a preview.'
        : 'Your message carries no reference to a preview (no preview in its In-Reply-To or References headers, ' +
          'no preview code in its subject), so it could not be matched.';
  const newest = tokens.length > 0 ? await index.newest(tokens[0].period) : null;
  const hint = newest
    ? ` The newest ${monthTitle(newest.period)} preview is "${newest.subject}", sent on ` +
      `${ukDateTime(newest.sentAt)} (UK time).`
    : '';
  return `${what}${hint}\n\n${HOW}`;
}
