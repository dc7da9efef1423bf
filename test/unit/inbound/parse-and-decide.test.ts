/**
 * The receiving side's pure parts over raw MIME composed with nodemailer: parsing, who may
 * act, which run a reply answers, and the SES receipt event.
 */
import { parseInboundMail, firstWrittenLine, UnreadableMailError } from '../../../functions/inbound/parse-mail';
import { INBOUND_LIMITS } from '../../../functions/inbound/limits';
import { parseSesReceiptEvent, looksLikeSesReceiptEvent } from '../../../functions/inbound/ses-event';
import { decideSender, spoofNoticeText, type SenderPolicy } from '../../../functions/inbound/who-may-act';
import { findAnsweredRun, sesIdOfMessageId, type RunLookup } from '../../../functions/inbound/which-run';
import { findRunTokens, makeRunToken } from '../../../functions/inbound/run-token';
import { LAYOUT } from '../../../functions/core/layout';
import { composeReply, OFFICER, PREVIEW_RUN_ID, PREVIEW_SES_ID, sesEvent, workbookAttachment } from './mail-fixtures';

const policy: SenderPolicy = { officers: [OFFICER], ownAddresses: ['performance@haringey.example'] };

describe('parseInboundMail', () => {
  it('reads the headers, the first written line and the attachments', async () => {
    const raw = await composeReply({
      text: 'approve.\n\nOn Mon, 2 Dec 2013 at 07:00, Indicator pack wrote:\n> edit the yellow cells',
      attachments: [workbookAttachment(Buffer.from('not really a workbook'))],
    });
    const mail = await parseInboundMail(raw);
    expect(mail).toMatchObject({
      messageId: '<reply-1@haringey.example>',
      from: [OFFICER],
      subject: 'RE: [Preview] Child protection indicator pack, November 2013 [IP-2013-11-3fa1c0]',
      inReplyTo: `<${PREVIEW_SES_ID}@eu-west-2.amazonses.com>`,
      references: [`<${PREVIEW_SES_ID}@eu-west-2.amazonses.com>`],
      firstLine: 'approve.',
      autoSubmitted: null,
    });
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe('pack.xlsx');
    expect(mail.attachments[0].content.toString()).toBe('not really a workbook');
  });

  it('refuses a message over the raw size limit before parsing it', async () => {
    const raw = await composeReply({});
    await expect(parseInboundMail(raw, { ...INBOUND_LIMITS, rawBytes: 100 })).rejects.toThrow(UnreadableMailError);
  });

  it.each([
    ['quoted lines first', '> APPROVE\n\nsee below', 'see below'],
    ['Outlook rule line', '\n________________________________\nFrom: pack\nAPPROVE', null],
    ['Original Message', '-----Original Message-----\nAPPROVE', null],
    ['blank lines first', '\n\n  APPROVE  \n', 'APPROVE'],
  ])('first written line: %s', (_name, text, expected) => {
    expect(firstWrittenLine(text)).toBe(expected);
  });
});

describe('SES receipt event', () => {
  it('gives the message id, where the raw MIME is, and the five verdicts', () => {
    const receipt = parseSesReceiptEvent(sesEvent('d6iitobk75ur44p8kdnnp7g2n800', { dmarc: 'GRAY' }));
    expect(receipt.messageId).toBe('d6iitobk75ur44p8kdnnp7g2n800');
    expect(LAYOUT.rawMailKey(receipt.messageId)).toBe('inbox/d6iitobk75ur44p8kdnnp7g2n800');
    expect(LAYOUT.processedKey(receipt.messageId)).toBe('inbox/processed/d6iitobk75ur44p8kdnnp7g2n800.json');
    expect(receipt.verdicts).toEqual({ spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' });
  });

  it('refuses a message id that could name another key', () => {
    expect(() => parseSesReceiptEvent(sesEvent('../config/pack.json'))).toThrow(/ses\.mail\.messageId/);
    expect(() => LAYOUT.rawMailKey('a/b')).toThrow(/not an SES message id/);
  });

  it('tells an SES event from a schedule event', () => {
    expect(looksLikeSesReceiptEvent(sesEvent('abc'))).toBe(true);
    expect(looksLikeSesReceiptEvent({ source: 'aws.scheduler' })).toBe(false);
  });
});

describe('who may act', () => {
  const decide = async (verdicts: Parameters<typeof sesEvent>[1], from?: string, extra = {}) => {
    const raw = await composeReply({ ...(from ? { from } : {}), ...extra });
    return decideSender(parseSesReceiptEvent(sesEvent('m1', verdicts)), await parseInboundMail(raw), policy);
  };

  it('acts on an officer whose every verdict passes', async () => {
    expect(await decide({})).toEqual({ kind: 'act', officer: OFFICER });
  });

  it('ignores a stranger, whatever the verdicts (no reply: no backscatter)', async () => {
    expect(await decide({}, 'someone@elsewhere.example')).toMatchObject({ kind: 'ignore', reason: 'not-an-officer' });
    expect(await decide({ dkim: 'FAIL' }, 'someone@elsewhere.example')).toMatchObject({ kind: 'ignore' });
  });

  it("tells the officers of a spoofed officer's address (DKIM FAIL), naming each failed check", async () => {
    const decision = await decide({ dkim: 'FAIL', dmarc: 'FAIL' });
    expect(decision).toEqual({
      kind: 'notify-officers',
      claimedOfficer: OFFICER,
      failed: [
        { verdict: 'dkim', status: 'FAIL' },
        { verdict: 'dmarc', status: 'FAIL' },
      ],
    });
    if (decision.kind !== 'notify-officers') throw new Error('unreachable');
    const raw = await composeReply({});
    const text = spoofNoticeText(parseSesReceiptEvent(sesEvent('m1')), await parseInboundMail(raw), decision);
    expect(text).toContain('DKIM: FAIL, DMARC: FAIL');
    expect(text).toContain('no reply was sent to its sender');
  });

  it.each(['GRAY', 'PROCESSING_FAILED'])('refuses a doubtful verdict (%s) as a failure', async (status) => {
    expect(await decide({ spf: status })).toMatchObject({ kind: 'notify-officers' });
  });

  it('ignores an automatic reply and mail from the pack’s own address', async () => {
    const outOfOffice = { headers: { 'Auto-Submitted': 'auto-replied' } };
    expect(await decide({}, undefined, outOfOffice)).toMatchObject({ kind: 'ignore', reason: 'automatic' });
    expect(await decide({}, 'performance@haringey.example')).toMatchObject({ kind: 'ignore', reason: 'automatic' });
  });

  it('ignores a From with two addresses', async () => {
    expect(await decide({}, `${OFFICER}, other@haringey.example`)).toMatchObject({ reason: 'not-one-from' });
  });
});

describe('which run a reply answers', () => {
  const run = { period: '2013-11', runId: PREVIEW_RUN_ID };
  const asked: string[] = [];
  const lookup: RunLookup = {
    findRunBySesMessageId: (id) => {
      asked.push(`ses:${id}`);
      return Promise.resolve(id === PREVIEW_SES_ID ? run : null);
    },
    findRunByToken: (token) => {
      asked.push(`token:${token.period}-${token.suffix}`);
      return Promise.resolve(token.period === '2013-11' && token.suffix === '3fa1c0' ? run : null);
    },
  };
  beforeEach(() => asked.splice(0));

  it.each([
    [`<${PREVIEW_SES_ID}@eu-west-2.amazonses.com>`, PREVIEW_SES_ID],
    [`<${PREVIEW_SES_ID}@email.amazonses.com>`, PREVIEW_SES_ID],
    [`<${PREVIEW_SES_ID}@amazonses.com.evil.example>`, null],
    ['<reply-1@haringey.example>', null],
  ])('reads the SES id of %s', (header, expected) => {
    expect(sesIdOfMessageId(header)).toBe(expected);
  });

  it('finds the run through In-Reply-To, checked against the stored runs', async () => {
    const mail = await parseInboundMail(await composeReply({}));
    expect(await findAnsweredRun(mail, lookup)).toEqual({ kind: 'found', run, via: 'in-reply-to' });
    expect(asked).toEqual([`ses:${PREVIEW_SES_ID}`]);
  });

  it('falls back to the subject token under RE:/AW:/Fw:/SV:/Antw: when the headers are gone', async () => {
    const raw = await composeReply({
      inReplyTo: undefined,
      references: undefined,
      subject: 'Antw: SV: Fw: AW: RE: [Preview] November 2013 [IP-2013-11-3fa1c0]',
    });
    const mail = await parseInboundMail(raw);
    expect(await findAnsweredRun(mail, lookup)).toEqual({ kind: 'found', run, via: 'subject-token' });
  });

  it('does not take a token that no stored run answers to', async () => {
    const raw = await composeReply({ inReplyTo: undefined, references: undefined, subject: 'RE: [IP-2013-11-abcdef]' });
    expect(await findAnsweredRun(await parseInboundMail(raw), lookup)).toEqual({
      kind: 'not-found',
      tried: ['[IP-2013-11-abcdef]'],
    });
  });

  it('makes and finds the one token format', () => {
    const token = makeRunToken('2013-11', PREVIEW_RUN_ID);
    expect(token).toBe('[IP-2013-11-3fa1c0]');
    expect(findRunTokens(`FW: ${token}`)).toEqual([{ period: '2013-11', suffix: '3fa1c0' }]);
    expect(findRunTokens('[IP-2013-13-3fa1c0]')).toEqual([]);
  });
});
