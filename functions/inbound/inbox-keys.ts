/**
 * Where received mail lives in the data bucket. SES's S3 action stores each message at
 * its object key prefix followed by the SES message id (the receipt event's
 * `mail.messageId`), so with the prefix `inbox/` the raw MIME is `inbox/<message id>`.
 * The markers the function writes live under their own sub-folders so that listing the
 * raw mail never meets them. (To move into the bucket layout module when it lands.)
 */

export const INBOX_PREFIX = 'inbox/';
export const PROCESSED_PREFIX = `${INBOX_PREFIX}processed/`;
export const SPOOF_NOTICE_PREFIX = `${INBOX_PREFIX}spoof-notices/`;

/**
 * SES receipt message ids are lower-case letters and digits (e.g. `d6iitobk75ur44p8kdnnp7g2n800`);
 * anything else — a slash, a dot — could name another key, so it is refused before any key is built.
 */
const SES_MESSAGE_ID = /^[A-Za-z0-9-]{1,128}$/;

export function isSesMessageId(id: string): boolean {
  return SES_MESSAGE_ID.test(id);
}

function checked(id: string): string {
  if (!isSesMessageId(id)) throw new Error(`not an SES message id: ${JSON.stringify(id.slice(0, 140))}`);
  return id;
}

/** The raw MIME the S3 action stored. */
export function rawMailKey(messageId: string): string {
  return `${INBOX_PREFIX}${checked(messageId)}`;
}

/** The replay marker: created once, before the message is acted on (replay.ts). */
export function processedKey(messageId: string): string {
  return `${PROCESSED_PREFIX}${checked(messageId)}.json`;
}

/** The marker that the officers were told of a refused message claiming an officer's address. */
export function spoofNoticeKey(messageId: string): string {
  return `${SPOOF_NOTICE_PREFIX}${checked(messageId)}.json`;
}
