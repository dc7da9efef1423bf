/**
 * The approval reminder (functions/monitor/approval-reminder.ts) end to end against s3rver
 * (behind the conditional proxy) and aws-ses-v2-local: the previews are made by the Lambda
 * handler itself from the schedule event (approval required), and the monitor's check is
 * then run with a clock set before and after the due day. The preview's sentAt is the real
 * time the test ran, so the clocks are set relative to it: the same moment (no working day
 * has passed) and fourteen days on (at least two working days in any fortnight).
 */
import { createS3Client } from '../../functions/adapters/aws-clients';
import { fixedClock } from '../../functions/adapters/clock';
import { silentLogger } from '../../functions/adapters/logger';
import { SesMailer } from '../../functions/adapters/mailer';
import { S3ObjectStore } from '../../functions/adapters/s3-object-store';
import { createSesClient } from '../../functions/adapters/aws-clients';
import { isInboundResult } from '../../functions/inbound/handle';
import type { PreviewRecord } from '../../functions/inbound/preview-index';
import { remindIfUnapproved, type ReminderDeps } from '../../functions/monitor/approval-reminder';
import type { HandlerResult } from '../../functions/handler';
import { startLocalStack, type LocalStack, type ReceivedEmail } from '../support/local-stack';
import { generateExtract, testConfig, uploadConfig, uploadExtract } from '../support/fixtures';
import { composeReply, OFFICER, RECEIVING, sesEvent } from '../unit/inbound/mail-fixtures';

const NOVEMBER = '2013-11';
const OCTOBER = '2013-10';
const DAY_MS = 24 * 60 * 60 * 1000;

let stack: LocalStack;
let store: S3ObjectStore;
let handler: (event: unknown) => Promise<HandlerResult>;
let stdoutSpy: jest.SpyInstance;
const timings: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack();
  store = new S3ObjectStore(createS3Client(), stack.bucket);
  for (const period of [NOVEMBER, OCTOBER]) await uploadExtract(store, period, await generateExtract(period));
  await uploadConfig(
    store,
    testConfig((config) => Object.assign(config, { approval: 'required', approvalReminderWorkingDays: 2 })),
  );
  process.env.RECEIVING_ADDRESS = RECEIVING;
  ({ handler } = await import('../../functions/handler'));
  stdoutSpy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(async () => {
  stdoutSpy?.mockRestore();
  delete process.env.RECEIVING_ADDRESS;
  console.log(timings.join('\n'));
  await stack?.stop();
});

function reminderDeps(at: Date): ReminderDeps {
  return {
    store,
    config: { store, key: 'config/pack.json' },
    mailer: new SesMailer(createSesClient(), undefined),
    clock: fixedClock(at),
    logger: silentLogger,
    receivingAddress: RECEIVING,
  };
}

/** Runs the check at `at` and returns what it decided and the emails it sent. */
async function check(period: string, at: Date) {
  const before = (await stack.emails()).length;
  const began = Date.now();
  const result = await remindIfUnapproved(period, reminderDeps(at));
  const ms = Date.now() - began;
  return { result, sent: (await stack.emails()).slice(before), ms };
}

async function previewOf(period: string, scheduledTime: string): Promise<{ run: HandlerResult; sentAt: Date }> {
  const run = await handler({ trigger: 'schedule', scheduledTime });
  expect(run.status).toBe('sent');
  const found = await store.get(`reports/${period}/previews/${run.runId}.json`);
  const record = JSON.parse(found!.body.toString()) as PreviewRecord;
  return { run, sentAt: new Date(record.sentAt) };
}

const recipientsOf = (email: ReceivedEmail): string[] =>
  [...email.destination.to, ...email.destination.cc].flatMap((list) => list.split(/,\s*/));

let november: { run: HandlerResult; sentAt: Date };
let reminder: ReceivedEmail;

test('not due the day the preview was sent: nothing is sent', async () => {
  november = await previewOf(NOVEMBER, '2013-12-02T07:00:00Z');
  const { result, sent } = await check(NOVEMBER, november.sentAt);
  expect(result).toMatchObject({ outcome: 'not-due', runId: november.run.runId });
  expect(sent).toEqual([]);
  expect(await store.get(`reports/${NOVEMBER}/previews/${november.run.runId}.reminded.json`)).toBeNull();
});

test('due: one reminder to the officers naming the preview, with its token and the receiving address', async () => {
  const { result, sent, ms } = await check(NOVEMBER, new Date(november.sentAt.getTime() + 14 * DAY_MS));
  timings.push(`approval reminder check → reminder sent: ${ms} ms`);
  expect(result.outcome).toBe('reminded');
  expect(sent).toHaveLength(1);
  [reminder] = sent;
  expect(recipientsOf(reminder)).toEqual([OFFICER]);
  expect(reminder.replyTo).toEqual([RECEIVING]);
  const preview = (await stack.emails()).find((e) => e.subject.startsWith('[Preview]'))!;
  const token = /\[IP-2013-11-[0-9a-f]+\]$/.exec(preview.subject)![0];
  expect(reminder.subject).toBe(`[Reminder] ${testConfig().title}: the November 2013 preview awaits approval ${token}`);
  expect(reminder.body.text).toContain(`The preview: "${preview.subject}", sent on `);
  expect(reminder.body.text).toContain(`to ${OFFICER}. At least 2 working days have passed since`);
  expect(reminder.body.text).toContain('with APPROVE as the first line');
});

test('the check again, and again a day later: no second reminder', async () => {
  for (const days of [14, 15]) {
    const { result, sent } = await check(NOVEMBER, new Date(november.sentAt.getTime() + days * DAY_MS));
    expect(result.outcome).toBe('already-reminded');
    expect(sent).toEqual([]);
  }
});

test('APPROVE in reply to the reminder releases the previewed run (the token names it)', async () => {
  const id = `<${reminder.messageId}@eu-west-2.amazonses.com>`;
  const raw = await composeReply({
    subject: `RE: ${reminder.subject}`,
    inReplyTo: id,
    references: [id],
    text: 'APPROVE',
  });
  await store.put('inbox/replytoreminder0001', raw);
  const result: unknown = await handler(sesEvent('replytoreminder0001'));
  expect(isInboundResult(result) && result.outcome).toBe(`approve ${november.run.runId}: sent`);
});

test('not sent after APPROVE: a due, never-reminded preview that was approved gets no reminder', async () => {
  const october = await previewOf(OCTOBER, '2013-11-04T07:00:00Z');
  const preview = (await stack.emails()).at(-1)!;
  const replyId = `<${preview.messageId}@eu-west-2.amazonses.com>`;
  const raw = await composeReply({
    subject: `RE: ${preview.subject}`,
    inReplyTo: replyId,
    references: [replyId],
    text: 'Approve',
  });
  await store.put('inbox/approveoctober0001', raw);
  const approved: unknown = await handler(sesEvent('approveoctober0001'));
  expect(isInboundResult(approved) && approved.outcome).toBe(`approve ${october.run.runId}: sent`);
  const { result, sent } = await check(OCTOBER, new Date(october.sentAt.getTime() + 14 * DAY_MS));
  expect(result).toMatchObject({ outcome: 'already-sent', runId: october.run.runId });
  expect(sent).toEqual([]);
  expect(await store.get(`reports/${OCTOBER}/previews/${october.run.runId}.reminded.json`)).toBeNull();
});

test('approval none: no reminder is considered', async () => {
  await uploadConfig(store, testConfig());
  const { result, sent } = await check(NOVEMBER, new Date(november.sentAt.getTime() + 14 * DAY_MS));
  expect(result.outcome).toBe('approval-not-required');
  expect(sent).toEqual([]);
});
