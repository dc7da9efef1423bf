/**
 * Which run a reply answers. Mail clients carry back the Message-ID of the message
 * replied to in In-Reply-To and at the end of References. SES replaces the Message-ID of
 * every message it sends with its own (Amazon SES Developer Guide, "Amazon SES header
 * fields": "If you provide a Message-ID header, Amazon SES overrides the header with its
 * own value"), made of the SES message id that SendRawEmail returned — the id the
 * manifest records as `batches[].messageId` — and an amazonses.com domain: AWS's own
 * sample of a message sent through SES in us-east-1 carries
 * `<0100016d07eb7477-…-000000@email.amazonses.com>` (doc-source/receiving-email-action-
 * lambda-event.md), and other regions use `<id>@<region>.amazonses.com`. Both forms are
 * accepted. When the headers are gone (the reply was written as a new message), the
 * subject's token (run-token.ts) is tried. Every candidate is looked up in the stored
 * runs; nothing in the message is trusted until a stored run answers to it.
 */
import type { Period } from '../core/types';
import type { InboundMail } from './parse-mail';
import { findRunTokens, type RunToken } from './run-token';

/** A stored run a reply may answer. */
export interface AnsweredRun {
  period: Period;
  runId: string;
}

/** How the stored runs are searched; the run side implements it over manifests (see the design doc). */
export interface RunLookup {
  /** The run one of whose batches (or whose preview) SES sent with this message id. */
  findRunBySesMessageId(sesMessageId: string): Promise<AnsweredRun | null>;
  /** The run of that period whose id ends in the token's suffix. */
  findRunByToken(token: RunToken): Promise<AnsweredRun | null>;
}

export type RunMatch =
  | { kind: 'found'; run: AnsweredRun; via: 'in-reply-to' | 'references' | 'subject-token' }
  | { kind: 'not-found'; tried: string[] };

const SES_MESSAGE_ID_HEADER = /^<([0-9a-z][0-9a-z-]{0,127})@(?:email|[a-z]{2}(?:-[a-z]+)+-\d)\.amazonses\.com>$/i;

/** Most candidates looked up for one message: a long References chain is not a reason to read every manifest. */
const MAX_CANDIDATES = 20;

/** The SES message id in a Message-ID SES wrote, or null for any other message id. */
export function sesIdOfMessageId(header: string): string | null {
  const match = SES_MESSAGE_ID_HEADER.exec(header.trim());
  return match ? match[1].toLowerCase() : null;
}

export async function findAnsweredRun(mail: InboundMail, lookup: RunLookup): Promise<RunMatch> {
  const candidates: Array<{ id: string; via: 'in-reply-to' | 'references' }> = [];
  const add = (header: string, via: 'in-reply-to' | 'references'): void => {
    const id = sesIdOfMessageId(header);
    if (id !== null && !candidates.some((c) => c.id === id)) candidates.push({ id, via });
  };
  if (mail.inReplyTo !== null) for (const header of splitIds(mail.inReplyTo)) add(header, 'in-reply-to');
  // The message replied to is the last in References; older ones are earlier in the thread.
  for (const header of [...mail.references].reverse()) add(header, 'references');

  const tried: string[] = [];
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    tried.push(candidate.id);
    const run = await lookup.findRunBySesMessageId(candidate.id);
    if (run) return { kind: 'found', run, via: candidate.via };
  }
  for (const token of findRunTokens(mail.subject).slice(0, MAX_CANDIDATES)) {
    tried.push(`[IP-${token.period}-${token.suffix}]`);
    const run = await lookup.findRunByToken(token);
    if (run) return { kind: 'found', run, via: 'subject-token' };
  }
  return { kind: 'not-found', tried };
}

/** The message ids in a header: In-Reply-To may hold more than one (RFC 5322 allows it). */
export function splitIds(header: string): string[] {
  return header.match(/<[^<>\s]+>/g) ?? [];
}
