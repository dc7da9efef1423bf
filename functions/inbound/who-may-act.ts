/**
 * Who may act by email: only a message whose From is one of the configuration's
 * `distribution.officers` and whose every SES verdict (spam, virus, SPF, DKIM, DMARC) is
 * PASS. Each status but PASS refuses, the doubtful ones included: GRAY (SES could not
 * tell — e.g. no DKIM signature, no DMARC policy published) and PROCESSING_FAILED (SES's
 * check itself failed) say nothing about who sent the message, and releasing a pack about
 * children on a message whose sender is not known is worse than asking the officer to
 * send it again. A message from anyone else is ignored with a log line and no reply: a
 * reply would go to an address the message may have forged (backscatter), and would tell
 * a stranger the address is live. A message that claims an officer's address but fails a
 * verdict is the one case worth telling the officers about, once per message id
 * (the layout's spoofNoticeKey), to them and not to the sender.
 */
import type { InboundMail } from './parse-mail';
import { VERDICTS, type SesReceipt, type VerdictName } from './ses-event';

export type IgnoreReason = 'not-one-from' | 'not-an-officer' | 'automatic';

export type SenderDecision =
  | { kind: 'act'; officer: string }
  /** Logged, nothing sent. */
  | { kind: 'ignore'; reason: IgnoreReason; detail: string }
  /** Not acted on; the officers are told once (never the sender). */
  | { kind: 'notify-officers'; claimedOfficer: string; failed: Array<{ verdict: VerdictName; status: string }> };

export interface SenderPolicy {
  /** The configuration's `distribution.officers`. */
  officers: readonly string[];
  /** The pack's own addresses (sender, receiving address): mail from them is a loop, never a request. */
  ownAddresses: readonly string[];
}

const lower = (address: string): string => address.trim().toLowerCase();

export function decideSender(receipt: SesReceipt, mail: InboundMail, policy: SenderPolicy): SenderDecision {
  if (mail.from.length !== 1)
    return {
      kind: 'ignore',
      reason: 'not-one-from',
      detail: `the From header holds ${mail.from.length} addresses; a reply from an officer holds one`,
    };
  const from = mail.from[0];
  if (policy.ownAddresses.map(lower).includes(from))
    return { kind: 'ignore', reason: 'automatic', detail: `From is the pack's own address ${from} (a mail loop)` };
  if (!policy.officers.map(lower).includes(from))
    return { kind: 'ignore', reason: 'not-an-officer', detail: `From ${from} is not one of the configured officers` };
  const failed = VERDICTS.filter((verdict) => receipt.verdicts[verdict] !== 'PASS').map((verdict) => ({
    verdict,
    status: receipt.verdicts[verdict],
  }));
  if (failed.length > 0) return { kind: 'notify-officers', claimedOfficer: from, failed };
  if (mail.autoSubmitted !== null && mail.autoSubmitted !== 'no')
    return {
      kind: 'ignore',
      reason: 'automatic',
      detail: `Auto-Submitted: ${mail.autoSubmitted} (an automatic reply, e.g. out of office)`,
    };
  return { kind: 'act', officer: from };
}

/** The text of the one-time notice to the officers. */
export function spoofNoticeText(
  receipt: SesReceipt,
  mail: InboundMail,
  decision: Extract<SenderDecision, { kind: 'notify-officers' }>,
): string {
  const { claimedOfficer, failed } = decision;
  const checks = failed.map(({ verdict, status }) => `${verdict.toUpperCase()}: ${status}`).join(', ');
  return [
    `A message to the indicator pack's receiving address claimed to be from ${claimedOfficer},`,
    `but failed SES's checks (${checks}).`,
    'It was not acted on, and no reply was sent to its sender.',
    '',
    `Subject: ${mail.subject || '(none)'}`,
    `Received: ${receipt.receivedAt}; SES message id ${receipt.messageId}; envelope sender ${receipt.envelopeFrom}.`,
    '',
    `If ${claimedOfficer} sent it, the council's mail may be relayed in a way that breaks SPF or DKIM:`,
    'ask IT to check, and meanwhile use the command line (npm run report -- comments import / rerun).',
    "If nobody sent it, someone is sending mail in an officer's name: tell IT security.",
  ].join('\n');
}
