/**
 * Who a message goes to: the allowedDomains check (nothing is sent if any address is
 * outside) and batching to SES's 50 recipients per message.
 */
import { isAllowedAddress } from '../core/config/pack-config';
import { RecipientNotAllowedError } from '../core/errors';
import type { ComposedMail, Mailer } from '../adapters/mailer';

export const MAX_RECIPIENTS_PER_MESSAGE = 50;

/**
 * One mailbox and nothing else, checked again at send time: the configuration's rule
 * (emailAddress in zod-helpers.ts) and also no backslash or square brackets (quoted
 * local parts and [domain literals] are never a council mailbox).
 */
const PLAIN_ADDRESS = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

export interface RecipientBatch {
  /** 0-based, stable for the same list. */
  index: number;
  to: string[];
  cc: string[];
}

/**
 * Throws RecipientNotAllowedError naming every address outside allowedDomains.
 * @param role what the addresses are, for the message (e.g. "previewTo").
 */
export function assertRecipientsAllowed(
  addresses: readonly string[],
  allowedDomains: readonly string[],
  role: string,
): void {
  const notPlain = addresses.filter((address) => !PLAIN_ADDRESS.test(address));
  if (notPlain.length) {
    // "x@evil.example,ann@haringey.example" ends in an allowed domain yet names two
    // mailboxes once the mail library parses it: only one plain address per entry is accepted.
    throw new RecipientNotAllowedError(
      `${notPlain.map((a) => JSON.stringify(a)).join(', ')} in ${role} ` +
        `${notPlain.length === 1 ? 'is' : 'are'} not a single plain email address ` +
        '(name@domain, no spaces, commas, angle brackets or quotes); nothing was sent.',
    );
  }
  const outside = addresses.filter((address) => !isAllowedAddress(address, allowedDomains));
  if (outside.length) {
    throw new RecipientNotAllowedError(
      `${outside.length === 1 ? 'Address' : 'Addresses'} ${outside.join(', ')} in ` +
        `${role} ${outside.length === 1 ? 'is' : 'are'} outside the allowed domains ` +
        `(${allowedDomains.join(', ')}); nothing was sent.`,
    );
  }
}

/**
 * Splits to + cc into messages of at most `max` recipients, in the list's order (to first,
 * then cc), each address keeping its role. Repeated addresses are sent to once.
 */
export function batchRecipients(
  to: readonly string[],
  cc: readonly string[],
  max = MAX_RECIPIENTS_PER_MESSAGE,
): RecipientBatch[] {
  const seen = new Set<string>();
  const all: Array<{ address: string; role: 'to' | 'cc' }> = [];
  for (const [list, role] of [
    [to, 'to'],
    [cc, 'cc'],
  ] as const) {
    for (const address of list) {
      const key = address.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      all.push({ address, role });
    }
  }
  const batches: RecipientBatch[] = [];
  for (let start = 0; start < all.length; start += max) {
    const slice = all.slice(start, start + max);
    batches.push({
      index: batches.length,
      to: slice.filter((r) => r.role === 'to').map((r) => r.address),
      cc: slice.filter((r) => r.role === 'cc').map((r) => r.address),
    });
  }
  return batches;
}

/**
 * The mailer as the run uses it: every message's envelope recipients are checked against
 * allowedDomains at the moment of sending, whatever path composed the message, so no
 * route to SES skips the allowlist.
 */
export function allowlistedMailer(mailer: Mailer, allowedDomains: readonly string[]): Mailer {
  return {
    async send(mail: ComposedMail): Promise<string> {
      assertRecipientsAllowed(mail.recipients, allowedDomains, 'the message about to be sent');
      return mailer.send(mail);
    },
  };
}
