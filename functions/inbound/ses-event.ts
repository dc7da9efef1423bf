/**
 * The event SES's Lambda action hands the function when a message arrives. Its shape is
 * AWS's: "Sample incoming email event", Amazon SES Developer Guide
 * (awsdocs/amazon-ses-developer-guide, doc-source/receiving-email-action-lambda-event.md):
 * `Records[0].ses.mail` (the SES message id, envelope sender, destination, a few common
 * headers) and `Records[0].ses.receipt` (the recipients and the verdicts of SES's spam,
 * virus, SPF, DKIM and DMARC checks, and the action). The event omits the body: the raw
 * MIME is what the rule's S3 action stored before it, at `inbox/<mail.messageId>`.
 *
 * Only what the function uses is required; anything else SES adds is ignored. A verdict
 * status is kept as the text SES sent (documented: PASS, FAIL, GRAY, PROCESSING_FAILED),
 * so that a status not yet known does not make the event unreadable; who-may-act.ts
 * treats every status but PASS as a refusal.
 */
import * as z from 'zod';
import { issueLines } from '../core/config/zod-helpers';
import { isSesMessageId } from '../core/layout';

const verdict = z.object({ status: z.string().min(1) });

const sesRecord = z.object({
  eventSource: z.literal('aws:ses'),
  eventVersion: z.string(),
  ses: z.object({
    mail: z.object({
      timestamp: z.string(),
      source: z.string(),
      messageId: z.string().refine(isSesMessageId, 'is not an SES message id'),
      destination: z.array(z.string()),
      commonHeaders: z
        .object({
          from: z.array(z.string()).optional(),
          subject: z.string().optional(),
          messageId: z.string().optional(),
        })
        .optional(),
    }),
    receipt: z.object({
      timestamp: z.string(),
      recipients: z.array(z.string()),
      spamVerdict: verdict,
      virusVerdict: verdict,
      spfVerdict: verdict,
      dkimVerdict: verdict,
      dmarcVerdict: verdict,
      action: z.object({
        type: z.string(),
        functionArn: z.string().optional(),
        invocationType: z.string().optional(),
      }),
    }),
  }),
});

const sesReceiptEvent = z.object({ Records: z.array(sesRecord).length(1) });

export type SesReceiptEvent = z.infer<typeof sesReceiptEvent>;

export const VERDICTS = ['spam', 'virus', 'spf', 'dkim', 'dmarc'] as const;
export type VerdictName = (typeof VERDICTS)[number];

/** What the function needs from the event. */
export interface SesReceipt {
  /** SES's id for the received message; the raw MIME is at `inbox/<messageId>`. */
  messageId: string;
  receivedAt: string;
  /** The envelope sender (MAIL FROM), which may differ from the From header. */
  envelopeFrom: string;
  recipients: string[];
  verdicts: Record<VerdictName, string>;
}

/** Cheap test for the handler's dispatch: does this look like an SES receipt event at all? */
export function looksLikeSesReceiptEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null || !('Records' in event)) return false;
  const records: unknown = event.Records;
  if (!Array.isArray(records) || records.length === 0) return false;
  const first: unknown = records[0];
  return typeof first === 'object' && first !== null && 'eventSource' in first && first.eventSource === 'aws:ses';
}

/** Validates the event; the error names the field that is wrong. */
export function parseSesReceiptEvent(event: unknown): SesReceipt {
  const result = sesReceiptEvent.safeParse(event);
  if (!result.success) {
    // The project's one zod formatter: field paths, control characters escaped, the list bounded.
    throw new Error(`Not an SES receipt event:\n${issueLines(result.error.issues, { root: 'event' }).join('\n')}`);
  }
  const { mail, receipt } = result.data.Records[0].ses;
  return {
    messageId: mail.messageId,
    receivedAt: receipt.timestamp,
    envelopeFrom: mail.source,
    recipients: receipt.recipients,
    verdicts: {
      spam: receipt.spamVerdict.status,
      virus: receipt.virusVerdict.status,
      spf: receipt.spfVerdict.status,
      dkim: receipt.dkimVerdict.status,
      dmarc: receipt.dmarcVerdict.status,
    },
  };
}
