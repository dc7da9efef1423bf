/**
 * Reads a received message's raw MIME with mailparser (never by hand: encoded words,
 * folded headers, transfer encodings and charsets are a parser's job) and keeps only
 * what the receiving side decides on. The raw size is checked before parsing, because
 * mailparser holds the whole message and its attachments in memory (limits.ts).
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { describeBytes } from '../core/extract/limits';
import { INBOUND_LIMITS, type InboundLimits } from './limits';

export interface MailAttachment {
  filename: string | null;
  contentType: string;
  content: Buffer;
}

export interface InboundMail {
  /** The Message-ID header, with its angle brackets, or null when it has none. */
  messageId: string | null;
  /** Every address of the From header, lower-cased (one, for a real reply). */
  from: string[];
  subject: string;
  inReplyTo: string | null;
  /** The References header's message ids, oldest first. */
  references: string[];
  /** The first line the sender wrote (quoted text and the quoted original left out), or null. */
  firstLine: string | null;
  attachments: MailAttachment[];
  /** The Auto-Submitted header (RFC 3834), lower-cased: anything but "no" is a machine's mail. */
  autoSubmitted: string | null;
}

/** A message that cannot be read at all; the receiving side logs it and does not reply. */
export class UnreadableMailError extends Error {
  override name = 'UnreadableMailError';
}

/** HTML converted to text when a message has no text part: far above any reply. */
const MAX_HTML_CHARS = 2 * 1024 ** 2;

export async function parseInboundMail(raw: Buffer, limits: InboundLimits = INBOUND_LIMITS): Promise<InboundMail> {
  if (raw.length > limits.rawBytes)
    throw new UnreadableMailError(
      `the message is ${describeBytes(raw.length)}, over the ${describeBytes(limits.rawBytes)} limit`,
    );
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, {
      skipTextToHtml: true,
      skipTextLinks: true,
      keepCidLinks: true,
      maxHtmlLengthToParse: MAX_HTML_CHARS,
    });
  } catch (cause) {
    throw new UnreadableMailError(
      `the message cannot be parsed as MIME (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
  }
  const autoSubmitted = parsed.headers.get('auto-submitted');
  return {
    messageId: parsed.messageId ?? null,
    from: addressesOf(parsed.from),
    subject: parsed.subject ?? '',
    inReplyTo: parsed.inReplyTo ?? null,
    references: typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []),
    firstLine: firstWrittenLine(parsed.text ?? ''),
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType.toLowerCase(),
      content: attachment.content,
    })),
    autoSubmitted: typeof autoSubmitted === 'string' ? autoSubmitted.trim().toLowerCase() : null,
  };
}

function addressesOf(header: AddressObject | undefined): string[] {
  const addresses: string[] = [];
  const visit = (entries: AddressObject['value']): void => {
    for (const entry of entries) {
      if (entry.address) addresses.push(entry.address.trim().toLowerCase());
      if (entry.group) visit(entry.group);
    }
  };
  if (header) visit(header.value);
  return addresses;
}

/**
 * Where the quoted original starts in the replies mail clients write: Outlook's rule
 * line and header block, "-----Original Message-----", and "On <date>, <name> wrote:"
 * (Gmail, Apple Mail, Thunderbird). Lines from there on are not the sender's.
 */
const QUOTE_STARTS = [/^_{10,}\s*$/, /^-{2,}\s*original message\s*-{2,}/i, /^on .+ wrote:\s*$/i, /^from:\s.+/i];

/** The first non-empty line before any quoted text, trimmed; null when the sender wrote nothing. */
export function firstWrittenLine(text: string): string | null {
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (QUOTE_STARTS.some((start) => start.test(trimmed))) return null;
    if (trimmed === '' || trimmed.startsWith('>')) continue;
    return trimmed;
  }
  return null;
}
