/**
 * Email delivery: a MIME message composed by nodemailer's MailComposer (never by string
 * concatenation) and sent as raw email through SES. Composing is separate from sending so
 * the run can build and size-check every message before anything is sent or stored.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { MessageTooLargeError } from '../core/errors';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
  /** Where replies go (the preview's receiving address); absent: to the From address. */
  replyTo?: string;
  /** The Message-ID this answers, so mail clients thread the reply (In-Reply-To and References). */
  inReplyTo?: string;
}

export interface ComposedMail {
  /** Every envelope recipient (to + cc). */
  recipients: string[];
  from: string;
  raw: Buffer;
}

/** SES v1's limit on a raw message, which applies after base64 encoding. */
export const SES_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** The size of `bytes` once base64 encoded, as SES measures it. */
export function base64Size(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export async function composeMail(mail: OutgoingMail, date: Date): Promise<ComposedMail> {
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc.length ? mail.cc : undefined,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    date,
    replyTo: mail.replyTo,
    inReplyTo: mail.inReplyTo,
    references: mail.inReplyTo,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
  });
  const raw = await composer.compile().build();
  return { recipients: [...mail.to, ...mail.cc], from: mail.from, raw };
}

/** Throws MessageTooLargeError when the message would not fit SES's limit once base64 encoded. */
export function assertFitsLimit(mail: ComposedMail, limitBytes: number, what: string): void {
  const encoded = base64Size(mail.raw.length);
  if (encoded > limitBytes) {
    const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
    throw new MessageTooLargeError(
      `The ${what} would be ${mb(encoded)} MB after base64 encoding, ` +
        `over the email limit of ${mb(limitBytes)} MB; nothing was sent. ` +
        'Reduce the attachment (fewer months or indicators) or fetch the pack from storage instead.',
    );
  }
}

export interface Mailer {
  /** Sends one composed message; returns the provider's message id. */
  send(mail: ComposedMail): Promise<string>;
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESClient,
    private readonly configurationSet?: string,
  ) {}

  async send(mail: ComposedMail): Promise<string> {
    const response = await this.client.send(
      new SendRawEmailCommand({
        Source: mail.from,
        Destinations: mail.recipients,
        RawMessage: { Data: mail.raw },
        ConfigurationSetName: this.configurationSet,
      }),
    );
    if (!response.MessageId) throw new Error('SES accepted the message but returned no message id');
    return response.MessageId;
  }
}
