/**
 * What a reply asks (APPROVE, a workbook, neither) and the limits and guards in front of
 * the comment import, with workbooks written by exceljs (our renderer, then the officer's
 * edit) and by openpyxl (committed fixture, see test/fixtures/inbound/make-fixtures.ts);
 * and the replay marker.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixedClock } from '../../../functions/adapters/clock';
import { LocalObjectStore } from '../../../functions/adapters/local-object-store';
import { renderWorkbook } from '../../../functions/core/render/workbook';
import { INBOUND_LIMITS } from '../../../functions/inbound/limits';
import { parseInboundMail } from '../../../functions/inbound/parse-mail';
import { InboxReplayGuard } from '../../../functions/inbound/replay';
import { classifyRequest, importReplyWorkbook } from '../../../functions/inbound/what-it-asks';
import { exampleMeta, examplePack } from '../../fixtures/pack/example-pack';
import { fillCommentCells } from '../render/workbook-helpers';
import { composeReply, workbookAttachment, XLSX_TYPE, zipBomb } from './mail-fixtures';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const OPENPYXL_REPLY = path.join(__dirname, '..', '..', 'fixtures', 'inbound', 'reply-openpyxl.xlsx');

async function requestOf(options: Parameters<typeof composeReply>[0]) {
  return classifyRequest(await parseInboundMail(await composeReply(options)));
}

describe('what a reply asks', () => {
  it.each(['APPROVE', 'approve', 'Approve.', 'APPROVE!  '])('"%s" as the first line approves', async (line) => {
    expect(await requestOf({ text: `${line}\n\n> Reply with APPROVE to send the pack` })).toEqual({ kind: 'approve' });
  });

  it('does not approve on APPROVE inside quoted text or later in the reply', async () => {
    expect(await requestOf({ text: '> APPROVE\nLooks odd, call me' })).toMatchObject({ kind: 'unclear' });
    expect(await requestOf({ text: 'I do not approve' })).toMatchObject({ kind: 'unclear' });
  });

  it('says what was understood when it is neither', async () => {
    const request = await requestOf({ text: 'Can we talk about OP380?' });
    expect(request).toMatchObject({ kind: 'unclear' });
    if (request.kind === 'unclear') expect(request.reply).toContain('"Can we talk about OP380?"');
  });

  it('refuses APPROVE with a workbook attached (approving would drop its comments)', async () => {
    const request = await requestOf({ text: 'APPROVE', attachments: [workbookAttachment(Buffer.from('x'))] });
    expect(request).toMatchObject({ kind: 'refuse', reason: 'approve-with-workbook' });
  });

  it('refuses an oversized attachment without opening it, naming the limit', async () => {
    const big = Buffer.alloc(INBOUND_LIMITS.attachmentBytes + 1, 0x41);
    const request = await requestOf({ attachments: [workbookAttachment(big)] });
    expect(request).toMatchObject({ kind: 'refuse', reason: 'attachment-too-large' });
    if (request.kind === 'refuse') expect(request.reply).toContain('10,485,760 bytes (10 MiB) limit');
  });

  it('refuses more attachments than the limit', async () => {
    const attachments = Array.from({ length: 11 }, (_, i) => ({ filename: `logo${i}.png`, content: Buffer.from('p') }));
    expect(await requestOf({ attachments })).toMatchObject({ kind: 'refuse', reason: 'too-many-attachments' });
  });
});

describe('the attached workbook', () => {
  it('imports the comments an officer typed with exceljs (the same import as the CLI)', async () => {
    const edited = await fillCommentCells(await renderWorkbook(examplePack(), exampleMeta), {
      'comment:indicator:OP380': 'Two conferences moved to December.',
    });
    const request = await requestOf({ attachments: [workbookAttachment(edited)] });
    if (request.kind !== 'comments') throw new Error(`expected comments, got ${request.kind}`);
    const result = await importReplyWorkbook(request.workbook, '2013-11');
    if (result.kind !== 'comments') throw new Error(result.reply);
    expect(result.comments.indicators?.OP380).toBe('Two conferences moved to December.');
  });

  it('imports the comment an officer typed with openpyxl (the shared import reads any writer)', async () => {
    // openpyxl stores its cell notes at xl/comments/comment1.xml with an absolute target,
    // which exceljs's loader could not follow; the shared import now reads the parts itself.
    const request = await requestOf({ attachments: [workbookAttachment(readFileSync(OPENPYXL_REPLY))] });
    if (request.kind !== 'comments') throw new Error(`expected comments, got ${request.kind}`);
    const result = await importReplyWorkbook(request.workbook, '2013-11');
    if (result.kind !== 'comments') throw new Error(result.reply);
    expect(result.comments.indicators?.OP380).toBe('Written in openpyxl: conferences moved to December.');
  });

  it('refuses a workbook for another month with a reply naming both months', async () => {
    const edited = await fillCommentCells(await renderWorkbook(examplePack(), exampleMeta), {
      'comment:indicator:OP380': 'Two conferences moved to December.',
    });
    const result = await importReplyWorkbook(
      { filename: 'pack.xlsx', contentType: XLSX_TYPE, content: edited },
      '2013-10',
    );
    expect(result).toMatchObject({ kind: 'refuse', reason: 'workbook-other-month' });
    if (result.kind === 'refuse')
      expect(result.reply).toContain('is the November 2013 pack, but your reply answers the October 2013 preview');
  });

  it('stops a zip bomb named pack.xlsx in the zip guard, before the import opens it', async () => {
    const request = await requestOf({ attachments: [workbookAttachment(zipBomb())] });
    if (request.kind !== 'comments') throw new Error('expected comments');
    const result = await importReplyWorkbook(request.workbook, '2013-11');
    expect(result).toMatchObject({ kind: 'refuse', reason: 'workbook-unsafe' });
    if (result.kind === 'refuse') expect(result.reply).toContain('decompression bomb');
  });
});

describe('replays', () => {
  const at = new Date('2013-12-02T09:15:00Z');
  const store = () => new LocalObjectStore(mkdtempSync(path.join(tmpdir(), 'inbox-')));

  it('acts on a message id once; a replay after it is done does nothing', async () => {
    const guard = new InboxReplayGuard(store(), fixedClock(at));
    expect(await guard.claim('m1')).toBe('claimed');
    expect(await guard.claim('m1')).toBe('in-progress');
    await guard.complete('m1', 'approved 2013-11');
    expect(await guard.claim('m1')).toBe('already-done');
    expect(await guard.claim('m2')).toBe('claimed');
  });

  it('takes over a claim whose invocation died (past its lease), once', async () => {
    const shared = store();
    await new InboxReplayGuard(shared, fixedClock(at), 60_000).claim('m1');
    const later = new InboxReplayGuard(shared, fixedClock(new Date(at.getTime() + 61_000)), 60_000);
    expect(await later.claim('m1')).toBe('taken-over');
    expect(await later.claim('m1')).toBe('in-progress');
  });

  it('sends the spoof notice for a message id at most once', async () => {
    const guard = new InboxReplayGuard(store(), fixedClock(at));
    expect(await guard.claimSpoofNotice('m1')).toBe(true);
    expect(await guard.claimSpoofNotice('m1')).toBe(false);
  });
});
