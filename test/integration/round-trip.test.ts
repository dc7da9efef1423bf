/**
 * The officer's round trip by email, end to end: the Lambda handler itself against s3rver
 * (behind the conditional proxy) and aws-ses-v2-local. A reply is a raw MIME message
 * composed with nodemailer (test/unit/inbound/mail-fixtures.ts), stored at inbox/<id> as
 * SES's S3 action would, and handed to the handler as SES's receipt event. Tests run in
 * order and build on each other: schedule preview (approval required) → workbook replies
 * → APPROVE → the refused cases. Each step's time is printed (the round trip's figures).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { createS3Client } from '../../functions/adapters/aws-clients';
import { S3ObjectStore } from '../../functions/adapters/s3-object-store';
import { isInboundResult, type InboundResult } from '../../functions/inbound/handle';
import type { PreviewRecord } from '../../functions/inbound/preview-index';
import type { Manifest } from '../../functions/run/manifest';
import type { HandlerResult } from '../../functions/handler';
import { startLocalStack, type LocalStack, type ReceivedEmail } from '../support/local-stack';
import { generateExtract, testConfig, uploadConfig, uploadExtract } from '../support/fixtures';
import { KEYS_SHEET } from '../../functions/core/render/comment-markers';
import { fillCommentCells } from '../unit/render/workbook-helpers';
import { composeReply, OFFICER, RECEIVING, sesEvent, workbookAttachment, zipBomb } from '../unit/inbound/mail-fixtures';

const PERIOD = '2013-11';
const DISTRIBUTION = ['director.childrens.services@haringey.example', 'head.safeguarding@haringey.example'];
const OPENPYXL_REPLY = path.join(__dirname, '..', 'fixtures', 'inbound', 'reply-openpyxl.xlsx');

let stack: LocalStack;
let store: S3ObjectStore;
let handler: (event: unknown) => Promise<HandlerResult>;
const timings: string[] = [];
let stdoutSpy: jest.SpyInstance;

beforeAll(async () => {
  stack = await startLocalStack();
  store = new S3ObjectStore(createS3Client(), stack.bucket);
  await uploadExtract(store, PERIOD, await generateExtract(PERIOD));
  await uploadConfig(
    store,
    testConfig((config) => Object.assign(config, { approval: 'required' })),
  );
  process.env.RECEIVING_ADDRESS = RECEIVING;
  // Imported only now: the handler reads its environment and creates its clients at load.
  ({ handler } = await import('../../functions/handler'));
  stdoutSpy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(async () => {
  stdoutSpy?.mockRestore();
  delete process.env.RECEIVING_ADDRESS;
  // The round trip's measured steps, for the closing note.
  console.log(timings.join('\n'));
  await stack?.stop();
});

async function json<T>(key: string): Promise<T> {
  const found = await store.get(key);
  if (!found) throw new Error(`missing ${key}`);
  return JSON.parse(found.body.toString()) as T;
}

const recipientsOf = (email: ReceivedEmail): string[] =>
  [...email.destination.to, ...email.destination.cc].flatMap((list) => list.split(/,\s*/));

let counter = 0;
/** Drops a reply into inbox/<id> and hands SES's event to the handler; returns what it did and what it sent. */
async function receive(
  raw: Buffer,
  options: { verdicts?: Parameters<typeof sesEvent>[1]; from?: string; id?: string } = {},
): Promise<{ result: InboundResult; sent: ReceivedEmail[]; ms: number }> {
  const id = options.id ?? `inboundmessage${String(++counter).padStart(4, '0')}`;
  await store.put(`inbox/${id}`, raw);
  const before = (await stack.emails()).length;
  const began = Date.now();
  const result: unknown = await handler(sesEvent(id, options.verdicts, options.from));
  const ms = Date.now() - began;
  if (!isInboundResult(result)) throw new Error(`not an inbound result: ${JSON.stringify(result)}`);
  return { result, sent: (await stack.emails()).slice(before), ms };
}

/** The headers a mail client carries back when replying to `email`. */
function replyingTo(email: ReceivedEmail) {
  const id = `<${email.messageId}@eu-west-2.amazonses.com>`;
  return { subject: `RE: ${email.subject}`, inReplyTo: id, references: [id] };
}

const attachmentOf = (email: ReceivedEmail): Buffer => Buffer.from(email.attachments[0].content, 'base64');

let firstPreview: ReceivedEmail;
let revisedPreview: ReceivedEmail;
let openpyxlPreview: ReceivedEmail;

test('approval required: the schedule previews to the officers, with the token and the instructions', async () => {
  const began = Date.now();
  const run = await handler({ trigger: 'schedule', scheduledTime: '2013-12-02T07:00:00Z' });
  timings.push(`schedule → preview sent: ${Date.now() - began} ms`);
  expect(run.status).toBe('sent');
  const emails = await stack.emails();
  expect(emails).toHaveLength(1);
  [firstPreview] = emails;
  expect(recipientsOf(firstPreview)).toEqual([OFFICER]);
  expect(firstPreview.subject).toMatch(/^\[Preview\] .* \[IP-2013-11-[0-9a-f]+\]$/);
  expect(firstPreview.body.text).toContain(
    'edit the yellow comment cells in the attached workbook and reply to this email with it attached',
  );
  expect(firstPreview.body.text).toContain('reply with APPROVE as the first line');
  // A reply goes to the receiving address, not to the sender's.
  expect(firstPreview.replyTo).toEqual([RECEIVING]);
  const manifest = await json<Manifest>(`${run.prefix}manifest.json`);
  expect(manifest.batches[0].messageId).toBe(firstPreview.messageId);
  const index = await json<PreviewRecord>(`reports/${PERIOD}/previews/${run.runId}.json`);
  expect(index.sesMessageIds).toEqual([firstPreview.messageId.toLowerCase()]);
  // Nothing went to the distribution list: the month's ledger has no receipt.
  expect(await store.list(`reports/${PERIOD}/delivery/schedule/`)).toEqual([]);
});

test('a reply with the workbook edited by exceljs: comments stored, revised preview listing the change', async () => {
  const edited = await fillCommentCells(attachmentOf(firstPreview), {
    'comment:indicator:OP380': 'Two conferences moved to December.',
  });
  const raw = await composeReply({
    ...replyingTo(firstPreview),
    text: 'Comments added.',
    attachments: [workbookAttachment(edited)],
  });
  const { result, sent, ms } = await receive(raw);
  timings.push(`exceljs reply → revised preview received: ${ms} ms`);
  expect(result.outcome).toMatch(/^comments: revised preview /);
  const comments = await json<{ indicators: Record<string, string> }>(`comments/${PERIOD}.json`);
  expect(comments.indicators.OP380).toBe('Two conferences moved to December.');
  expect(sent).toHaveLength(1);
  [revisedPreview] = sent;
  expect(recipientsOf(revisedPreview)).toEqual([OFFICER]);
  expect(revisedPreview.subject).toMatch(/^\[Preview, revised\] .* \[IP-2013-11-[0-9a-f]+\]$/);
  expect(revisedPreview.body.text).toContain('OP380 comment: added');
  expect(revisedPreview.body.text).toContain('Two conferences moved to December.');
});

test('a reply with the workbook saved by openpyxl: the previous comments are kept, the change is listed', async () => {
  const before = (await store.get(`comments/${PERIOD}.json`))!.body;
  const raw = await composeReply({
    ...replyingTo(revisedPreview),
    text: 'Edited elsewhere.',
    attachments: [workbookAttachment(readFileSync(OPENPYXL_REPLY))],
  });
  const { result, sent, ms } = await receive(raw);
  timings.push(`openpyxl reply → revised preview received: ${ms} ms`);
  expect(result.outcome).toMatch(/^comments: revised preview /);
  const comments = await json<{ indicators: Record<string, string> }>(`comments/${PERIOD}.json`);
  expect(comments.indicators.OP380).toBe('Written in openpyxl: conferences moved to December.');
  const history = await store.list(`comments/history/${PERIOD}/`);
  expect(history).toHaveLength(1);
  expect((await store.get(history[0].key))!.body.equals(before)).toBe(true);
  expect(sent).toHaveLength(1);
  [openpyxlPreview] = sent;
  expect(openpyxlPreview.body.text).toContain('OP380 comment: changed');
});

test('the same workbook again: a plain reply saying nothing changed', async () => {
  const raw = await composeReply({
    ...replyingTo(openpyxlPreview),
    attachments: [workbookAttachment(readFileSync(OPENPYXL_REPLY))],
  });
  const { result, sent } = await receive(raw);
  expect(result.outcome).toBe('comments: unchanged');
  expect(sent).toHaveLength(1);
  expect(sent[0].body.text).toContain('has the same comments');
});

/** The pack workbook as another month's: its keys sheet's period cell rewritten, as that month's pack would carry. */
async function asMonth(workbook: Buffer, period: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const bytes = new Uint8Array(workbook.byteLength);
  bytes.set(workbook);
  await book.xlsx.load(bytes.buffer);
  const keys = book.getWorksheet(KEYS_SHEET);
  let rewritten = 0;
  keys?.eachRow((row) => {
    if (row.getCell(1).value !== 'period') return;
    row.getCell(2).value = period;
    rewritten += 1;
  });
  if (rewritten !== 1) throw new Error(`the ${KEYS_SHEET} sheet has ${rewritten} period rows`);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What a reply could change: the comments file, its history, the month's previews and ledger. */
async function storedState(): Promise<string[]> {
  const keys = [
    ...(await store.list(`comments/`)),
    ...(await store.list(`reports/${PERIOD}/previews/`)),
    ...(await store.list(`reports/${PERIOD}/delivery/`)),
  ];
  return Promise.all(keys.map(async (o) => `${o.key} ${(await store.get(o.key))!.body.toString('base64')}`));
}

test('a workbook for another month: a plain reply saying so, and nothing stored changes', async () => {
  const before = await storedState();
  const october = await asMonth(attachmentOf(openpyxlPreview), '2013-10');
  const raw = await composeReply({ ...replyingTo(openpyxlPreview), attachments: [workbookAttachment(october)] });
  const { result, sent } = await receive(raw);
  expect(result.outcome).toBe('comments: refused (workbook-other-month)');
  expect(sent).toHaveLength(1);
  expect(recipientsOf(sent[0])).toEqual([OFFICER]);
  expect(sent[0].body.text).toContain(
    'The attached pack.xlsx is the October 2013 pack, but your reply answers the November 2013 preview, so ' +
      'nothing was stored and no revised preview was sent.',
  );
  expect(await storedState()).toEqual(before);
});

test("the preview's own workbook sent back unedited: a plain reply saying no comment changed", async () => {
  const before = await storedState();
  const raw = await composeReply({
    ...replyingTo(openpyxlPreview),
    attachments: [workbookAttachment(attachmentOf(openpyxlPreview))],
  });
  const { result, sent } = await receive(raw);
  expect(result.outcome).toBe('comments: unchanged');
  expect(sent).toHaveLength(1);
  expect(sent[0].body.text).toContain(
    'has the same comments as the November 2013 pack already holds, so nothing was stored and no revised preview ' +
      'was sent',
  );
  expect(await storedState()).toEqual(before);
});

test('a message matching no preview (no headers, no code): a plain reply saying so and how to answer', async () => {
  const before = await storedState();
  const raw = await composeReply({
    subject: 'Question about the pack',
    inReplyTo: undefined,
    references: undefined,
    text: 'APPROVE',
  });
  const { result, sent } = await receive(raw);
  expect(result.outcome).toBe('unmatched');
  expect(sent).toHaveLength(1);
  expect(recipientsOf(sent[0])).toEqual([OFFICER]);
  expect(sent[0].subject).toBe('RE: Question about the pack');
  expect(sent[0].body.text).toContain('Your message carries no reference to a preview');
  expect(sent[0].body.text).toContain('Nothing was done. To act on a preview, reply to the preview email itself');
  expect(await storedState()).toEqual(before);
});

test('a code naming no stored preview: the reply names the code and the newest preview of that month', async () => {
  const before = await storedState();
  const raw = await composeReply({
    subject: 'RE: [Preview] November 2013 [IP-2013-11-00000000]',
    inReplyTo: undefined,
    references: undefined,
    text: 'APPROVE',
  });
  const { result, sent } = await receive(raw);
  expect(result.outcome).toBe('unmatched');
  expect(sent).toHaveLength(1);
  expect(sent[0].body.text).toContain(
    'Your message names the preview [IP-2013-11-00000000], but no preview with that code is stored',
  );
  expect(sent[0].body.text).toContain(`The newest November 2013 preview is "${openpyxlPreview.subject}", sent on`);
  expect(await storedState()).toEqual(before);
});

test('APPROVE of an outdated preview is refused with a reply naming the newer one', async () => {
  const raw = await composeReply({ ...replyingTo(firstPreview), text: 'APPROVE' });
  const { result, sent } = await receive(raw);
  expect(result.outcome).toMatch(/: outdated$/);
  expect(sent).toHaveLength(1);
  expect(recipientsOf(sent[0])).toEqual([OFFICER]);
  expect(sent[0].body.text).toContain(`A newer one was sent on`);
  expect(sent[0].body.text).toContain(openpyxlPreview.subject);
});

let approveRaw: Buffer;
const APPROVE_ID = 'approvemessage0001';

test('APPROVE of the newest preview releases the stored run to the distribution list, once', async () => {
  // A reply written as a new message: only the subject's token names the preview.
  approveRaw = await composeReply({
    subject: `RE: ${openpyxlPreview.subject}`,
    inReplyTo: undefined,
    references: undefined,
    text: 'Approve.',
  });
  const { result, sent, ms } = await receive(approveRaw, { id: APPROVE_ID });
  timings.push(`APPROVE → distribution sent and confirmation received: ${ms} ms`);
  expect(result.outcome).toMatch(/: sent$/);
  const toList = sent.filter((e) => recipientsOf(e).includes(DISTRIBUTION[0]));
  expect(toList).toHaveLength(1);
  expect(recipientsOf(toList[0]).sort()).toEqual([...DISTRIBUTION].sort());
  expect(toList[0].subject).not.toContain('[Preview');
  const runId = /^approve (\S+):/.exec(result.outcome)![1];
  // The stored workbook, byte for byte: the run previewed, not a recomputation.
  const stored = (await store.get(`reports/${PERIOD}/${runId}/pack.xlsx`))!.body;
  expect(attachmentOf(toList[0]).equals(stored)).toBe(true);
  expect(attachmentOf(toList[0]).equals(attachmentOf(openpyxlPreview))).toBe(true);
  const confirmation = sent.filter((e) => recipientsOf(e).includes(OFFICER));
  expect(confirmation).toHaveLength(1);
  expect(confirmation[0].body.text).toContain('Approved');
  expect(await json<{ runId: string }>(`reports/${PERIOD}/latest.json`)).toMatchObject({ runId });
});

test('the same message delivered again does nothing twice', async () => {
  const { result, sent } = await receive(approveRaw, { id: APPROVE_ID });
  expect(result.outcome).toBe('replay: already-done');
  expect(sent).toEqual([]);
});

test('a second APPROVE sends nothing to the list, and says the pack already went', async () => {
  const raw = await composeReply({ ...replyingTo(openpyxlPreview), text: 'APPROVE' });
  const { result, sent } = await receive(raw);
  expect(result.outcome).toMatch(/: already-sent$/);
  expect(sent).toHaveLength(1);
  expect(recipientsOf(sent[0])).toEqual([OFFICER]);
  expect(sent[0].body.text).toContain('has already gone to the distribution list');
});

test('a stranger: logged and ignored, nothing sent to anyone', async () => {
  const stranger = 'someone@elsewhere.example';
  const raw = await composeReply({ ...replyingTo(openpyxlPreview), from: stranger, text: 'APPROVE' });
  const { result, sent } = await receive(raw, { from: stranger });
  expect(result.outcome).toBe('ignored: not-an-officer');
  expect(sent).toEqual([]);
});

test.each([
  ['a spoofed officer address (SPF and DMARC fail)', { spf: 'FAIL', dmarc: 'FAIL' }],
  ['a failed DKIM verdict', { dkim: 'FAIL' }],
])('%s: no reply, one notice to the officers, once', async (_name, verdicts) => {
  const raw = await composeReply({ ...replyingTo(openpyxlPreview), text: 'APPROVE' });
  const id = `spoofed${Object.keys(verdicts).join('')}`;
  const first = await receive(raw, { verdicts, from: 'bounce@elsewhere.example', id });
  expect(first.result.outcome).toMatch(/^refused: verdicts/);
  expect(first.sent).toHaveLength(1);
  expect(first.sent[0].subject).toMatch(/^\[Refused\]/);
  expect(first.sent[0].body.text).toContain('It was not acted on, and no reply was sent to its sender.');
  expect(recipientsOf(first.sent[0])).toEqual([OFFICER]);
  expect((await receive(raw, { verdicts, id })).sent).toEqual([]);
});

test.each([
  [
    'an oversized attachment',
    () => workbookAttachment(Buffer.alloc(11 * 1024 ** 2, 0x41)),
    'over the 10,485,760 bytes (10 MiB) limit',
  ],
  ['a zip bomb named pack.xlsx', () => workbookAttachment(zipBomb()), 'decompression bomb'],
])('%s: a refusal reply to the officer, nothing stored', async (_name, attachment, says) => {
  const comments = (await store.get(`comments/${PERIOD}.json`))!.body;
  const raw = await composeReply({ ...replyingTo(openpyxlPreview), text: 'Here.', attachments: [attachment()] });
  const { result, sent } = await receive(raw);
  expect(result.outcome).toMatch(/^(refused|comments: refused)/);
  expect(sent).toHaveLength(1);
  expect(recipientsOf(sent[0])).toEqual([OFFICER]);
  expect(sent[0].body.text).toContain(says);
  expect((await store.get(`comments/${PERIOD}.json`))!.body.equals(comments)).toBe(true);
});
