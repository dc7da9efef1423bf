/**
 * The plain messages the receiving side sends: its answer to the officer who wrote
 * (threaded under their message), and the one notice to the officers about a refused
 * message. Composed by the mailer's MailComposer like every other message, and sent
 * through the allowlist (recipients.ts), so no reply leaves the configured domains.
 */
import type { Clock } from '../adapters/clock';
import { composeMail, type Mailer } from '../adapters/mailer';
import type { PackConfig } from '../core/config/pack-config';
import { allowlistedMailer } from '../run/recipients';

export interface ReplyContext {
  config: PackConfig;
  mailer: Mailer;
  clock: Clock;
}

export interface TextMessage {
  to: string[];
  subject: string;
  text: string;
  /** The Message-ID answered, so the reply threads under it. */
  inReplyTo: string | null;
  /** Where a reply to this message goes (the receiving address), when not the sender. */
  replyTo?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text as HTML paragraphs (blank-line separated), every character escaped. */
function paragraphs(text: string): string {
  const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
  const blocks = text.split(/\n{2,}/).map((block) => `<p>${escape(block).replace(/\n/g, '<br>')}</p>`);
  const body = '<body style="font-family: Arial, sans-serif">';
  return `<!DOCTYPE html><html lang="en-GB">${body}${blocks.join('')}</body></html>`;
}

/** A subject on one line, with "RE: " once. */
export function replySubject(subject: string): string {
  const line = subject.replace(/[\r\n\t]+/g, ' ').trim() || '(no subject)';
  return /^re:/i.test(line) ? line : `RE: ${line}`;
}

/** Sends a text message from the pack's address; returns SES's message id. */
export async function sendText(context: ReplyContext, message: TextMessage): Promise<string> {
  const { distribution } = context.config;
  const mail = await composeMail(
    {
      from: distribution.from,
      to: message.to,
      cc: [],
      subject: message.subject,
      html: paragraphs(message.text),
      text: `${message.text}\n`,
      attachments: [],
      inReplyTo: message.inReplyTo ?? undefined,
      replyTo: message.replyTo,
    },
    context.clock.now(),
  );
  return allowlistedMailer(context.mailer, distribution.allowedDomains).send(mail);
}
