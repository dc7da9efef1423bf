/**
 * The size limits the receiving side enforces on a reply, and why. A reply arrives from
 * outside (anyone can send mail to the receiving address), so reading it must end —
 * however large or hostile — with a decision, never by running out of memory or time.
 * mailparser holds a message's attachments in memory, so the raw size is checked before
 * the message is parsed, and the attachments are counted and measured before any of them
 * is opened. The workbook limits are tighter than the extract reader's (limits.ts in
 * functions/core/extract): a returned pack workbook is a few tens of KB, not an extract.
 */
import { DEFAULT_LIMITS, type ReaderLimits } from '../core/extract/limits';

/**
 * Largest raw message read, in bytes: 40 MB, SES's own ceiling for a message its S3
 * action stores (larger mail bounces at SES: CfnReceiptRule.S3ActionProperty in the CDK
 * reference). Anything the bucket holds is under it; the check is a guard against a key
 * written some other way.
 */
export const MAX_RAW_MAIL_BYTES = 40 * 1000 * 1000;

/**
 * Largest attachment opened, in bytes: 10 MiB. The pack workbook the officer edits is
 * about 30 KB (the example pack); Excel re-saving it with styles stays well under 1 MB.
 * An attachment over this is refused with a reply naming the limit, not opened.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 ** 2;

/**
 * Most attachments in one reply: 10. A reply carries one workbook, perhaps with a logo
 * or a signature image or two from the mail client; more is not a reply to the preview.
 */
export const MAX_ATTACHMENTS = 10;

/**
 * What an attached workbook may inflate to, all zip entries together: 100 MiB — a pack
 * workbook inflates to well under 1 MB. Ratio, entry and text-run limits are the extract
 * reader's: they describe what a real xlsx looks like, whoever wrote it.
 */
export const MAX_ATTACHMENT_INFLATED_BYTES = 100 * 1024 ** 2;

export interface InboundLimits {
  rawBytes: number;
  attachmentBytes: number;
  attachments: number;
  /** The zip guard's limits for an attached workbook. */
  workbook: ReaderLimits;
}

export const INBOUND_LIMITS: Readonly<InboundLimits> = Object.freeze({
  rawBytes: MAX_RAW_MAIL_BYTES,
  attachmentBytes: MAX_ATTACHMENT_BYTES,
  attachments: MAX_ATTACHMENTS,
  workbook: Object.freeze({ ...DEFAULT_LIMITS, xlsxInflatedBytes: MAX_ATTACHMENT_INFLATED_BYTES }),
});
