/**
 * The function end to end against s3rver (behind the conditional proxy) and
 * aws-ses-v2-local, through the real SDK clients and the Lambda handler itself.
 * Tests run in order: they share one bucket and build on each other's runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { createS3Client } from '../../functions/adapters/aws-clients';
import { systemClock } from '../../functions/adapters/clock';
import { readFunctionEnv } from '../../functions/adapters/env';
import { silentLogger } from '../../functions/adapters/logger';
import { SesMailer } from '../../functions/adapters/mailer';
import { SESClient } from '@aws-sdk/client-ses';
import { bucketRunDeps } from '../../functions/run/cloud-deps';
import { requestFromEvent, runPack } from '../../functions/run/run';
import { parseRunEvent } from '../../functions/run/events';
import { S3ObjectStore } from '../../functions/adapters/s3-object-store';
import type { Manifest } from '../../functions/run/manifest';
import type { HandlerResult } from '../../functions/handler';
import { startLocalStack, type LocalStack, type ReceivedEmail } from '../support/local-stack';
import { generateExtract, testConfig, uploadConfig, uploadExtract } from '../support/fixtures';

const PERIOD = '2013-11';
const SCHEDULE = { trigger: 'schedule', scheduledTime: '2013-12-02T07:00:00Z' };
const DISTRIBUTION = ['director.childrens.services@haringey.example', 'head.safeguarding@haringey.example'];
const OFFICER = 'performance.officer@haringey.example';

let stack: LocalStack;
let store: S3ObjectStore;
let extractDir: string;
let handler: (event: unknown) => Promise<HandlerResult>;
/** What the function logged (stdout), checked at the end. */
const logLines: string[] = [];
let stdoutSpy: jest.SpyInstance;

beforeAll(async () => {
  stack = await startLocalStack();
  store = new S3ObjectStore(createS3Client(), stack.bucket);
  extractDir = await generateExtract(PERIOD);
  await uploadExtract(store, PERIOD, extractDir);
  await uploadConfig(store, testConfig());
  // Imported only now: the handler reads its environment and creates its clients at load.
  ({ handler } = await import('../../functions/handler'));
  stdoutSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logLines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
});
afterAll(async () => {
  stdoutSpy?.mockRestore();
  await stack?.stop();
});

async function json<T>(key: string): Promise<T> {
  const found = await store.get(key);
  if (!found) throw new Error(`missing ${key}`);
  return JSON.parse(found.body.toString()) as T;
}

const manifestOf = (result: HandlerResult): Promise<Manifest> => json<Manifest>(`${result.prefix}manifest.json`);
const recipientsOf = (email: ReceivedEmail): string[] =>
  [...email.destination.to, ...email.destination.cc].flatMap((list) => list.split(/,\s*/));

async function newEmails(since: number): Promise<ReceivedEmail[]> {
  return (await stack.emails()).slice(since);
}

let firstRun: HandlerResult;
let bothRuns: HandlerResult[];

test('two schedule events for one month at the same moment: the list gets the pack once', async () => {
  const results = await Promise.all([handler(SCHEDULE), handler(SCHEDULE)]);
  expect(results.map((r) => r.status).sort()).toEqual(['duplicate-skipped', 'sent']);
  expect(new Set(results.map((r) => r.runId)).size).toBe(2);
  const emails = await stack.emails();
  expect(emails).toHaveLength(1);
  expect(recipientsOf(emails[0]).sort()).toEqual([...DISTRIBUTION].sort());
  // <authority> <title> — <month>: the headline counts (issue 14).
  expect(emails[0].subject).toMatch(
    /^Haringey Children and Young People's Service: Performance Report — November 2013: /,
  );
  firstRun = results.find((r) => r.status === 'sent')!;
  bothRuns = results;
  // Both runs leave a manifest; the skipped one says why it left the batch to the other:
  // still being sent by it, or already sent, depending on how far the other had got.
  const skipped = await manifestOf(results.find((r) => r.status === 'duplicate-skipped')!);
  expect(skipped.batches).toHaveLength(1);
  expect(['held-by-other', 'already-sent']).toContain(skipped.batches[0].outcome);
  expect(skipped.batches[0].messageId).toBeNull();
});

test('the scheduled run stored all four outputs, latest.json, and a complete manifest', async () => {
  const keys = (await store.list(firstRun.prefix)).map((o) => o.key.slice(firstRun.prefix.length));
  expect(keys.sort()).toEqual(['manifest.json', 'pack.html', 'pack.json', 'pack.xlsx']);

  const manifest = await manifestOf(firstRun);
  expect(manifest).toMatchObject({
    runId: firstRun.runId,
    period: PERIOD,
    trigger: 'schedule',
    status: 'sent',
    scheduledTime: SCHEDULE.scheduledTime,
    error: null,
  });
  expect(manifest.finishedAt! >= manifest.startedAt).toBe(true);
  expect(manifest.codeVersion).toMatch(/^indicator-pack@/);
  // Every extract file is recorded with the SHA-256 of the bytes we uploaded.
  for (const name of readdirSync(extractDir)) {
    const input = manifest.inputs.find((i) => i.key.endsWith(`extracts/${PERIOD}/${name}`));
    expect(input?.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(path.join(extractDir, name)))
        .digest('hex'),
    );
    expect(input?.etag).toBeTruthy();
  }
  const config = await store.get('config/pack.json');
  expect(manifest.configSha256).toBe(createHash('sha256').update(config!.body).digest('hex'));
  expect(manifest.outputs).toHaveLength(3);
  expect(manifest.dataQuality?.errors).toBe(0);

  const emails = await stack.emails();
  expect(manifest.batches).toEqual([
    expect.objectContaining({ index: 0, outcome: 'sent', messageId: emails[0].messageId }),
  ]);

  // Both runs stored complete (identical) packs; latest.json names the later of the two.
  const newest = [...bothRuns].sort((a, b) => (a.runId < b.runId ? 1 : -1))[0];
  const latest = await json<{ runId: string; prefix: string }>(`reports/${PERIOD}/latest.json`);
  expect(latest).toEqual({ runId: newest.runId, prefix: newest.prefix });
  const pack = await json<{ period: string }>(`${firstRun.prefix}pack.json`);
  expect(pack.period).toBe(PERIOD);
});

test('the email carries the workbook, which parses', async () => {
  const [email] = await stack.emails();
  expect(email.body.html).toContain('November 2013');
  expect(email.body.text).toContain('November 2013');
  expect(email.attachments).toHaveLength(1);
  expect(email.attachments[0].contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const attached = Buffer.from(email.attachments[0].content, 'base64');
  const bytes = new Uint8Array(attached.length);
  bytes.set(attached);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer);
  // Every configured indicator code appears in the workbook.
  const texts = new Set<string>();
  const addText = (value: ExcelJS.CellValue): void => {
    // The codes are text cells; a number is kept as the text it reads as. Other values cannot be a code.
    if (typeof value === 'string' || typeof value === 'number') texts.add(String(value));
  };
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => addText(cell.value))));
  for (const section of testConfig().sections)
    for (const indicator of section.indicators) expect(texts).toContain(indicator.code);
  const stored = await store.get(`${firstRun.prefix}pack.xlsx`);
  expect(Buffer.from(email.attachments[0].content, 'base64').equals(stored!.body)).toBe(true);
});

test('a later schedule event for the same month sends nothing and says so', async () => {
  const before = (await stack.emails()).length;
  const result = await handler({ ...SCHEDULE, scheduledTime: '2013-12-03T07:00:00Z' });
  expect(result.status).toBe('duplicate-skipped');
  expect(await newEmails(before)).toHaveLength(0);
  expect((await manifestOf(result)).status).toBe('duplicate-skipped');
});

test('a preview rerun goes to the officers, or to previewTo, marked [Preview]', async () => {
  const before = (await stack.emails()).length;
  const rerun = { trigger: 'rerun', period: PERIOD, requestedBy: 'ann', reason: 'check comments' };
  const toOfficers = await handler({ ...rerun, send: 'preview' });
  const toAnn = await handler({ ...rerun, send: 'preview', previewTo: ['ann@haringey.example'] });
  expect([toOfficers.status, toAnn.status]).toEqual(['sent', 'sent']);
  const emails = await newEmails(before);
  expect(emails.map((e) => recipientsOf(e))).toEqual([[OFFICER], ['ann@haringey.example']]);
  for (const email of emails) expect(email.subject).toMatch(/^\[Preview\] /);
  const manifest = await manifestOf(toAnn);
  expect(manifest).toMatchObject({
    trigger: 'rerun',
    requestedBy: 'ann',
    reason: 'check comments',
    delivery: 'preview',
  });
});

test('a rerun with send "all" goes to the list again, marked [Revised], and becomes the latest', async () => {
  const before = (await stack.emails()).length;
  const result = await handler({
    trigger: 'rerun',
    period: PERIOD,
    requestedBy: 'ann',
    reason: 'late data',
    send: 'all',
  });
  expect(result.status).toBe('sent');
  const emails = await newEmails(before);
  expect(emails).toHaveLength(1);
  expect(emails[0].subject).toMatch(/^\[Revised\] /);
  expect(recipientsOf(emails[0]).sort()).toEqual([...DISTRIBUTION].sort());
  expect((await json<{ runId: string }>(`reports/${PERIOD}/latest.json`)).runId).toBe(result.runId);
});

test('an invalid extract: failure notice to the officers only; earlier outputs and latest.json untouched', async () => {
  const snapshot = async (): Promise<string[]> =>
    (await store.list(`reports/${PERIOD}/`))
      .filter((o) => !o.key.includes('/delivery/'))
      .map((o) => `${o.key} ${o.etag}`);
  const earlier = await snapshot();
  const latestBefore = await store.get(`reports/${PERIOD}/latest.json`);
  const good = readFileSync(path.join(extractDir, 'ssd_cp_plans.csv'));
  await store.put(`extracts/${PERIOD}/ssd_cp_plans.csv`, 'cp_plan_id,person_id\nP1,\n');
  const before = (await stack.emails()).length;
  try {
    const result = await handler({
      trigger: 'rerun',
      period: PERIOD,
      requestedBy: 'ann',
      reason: 'broken',
      send: 'all',
    });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/extract .* has \d+ errors?/);
    const emails = await newEmails(before);
    expect(emails.map(recipientsOf)).toEqual([[OFFICER]]);
    expect(emails[0].subject).toMatch(/^\[Failed\] /);
    const manifest = await manifestOf(result);
    expect(manifest.status).toBe('failed');
    expect(manifest.outputs).toEqual([]);
    expect(manifest.dataQuality!.errors).toBeGreaterThan(0);
    expect(manifest.failureNotice).toMatchObject({ recipients: [OFFICER], messageId: emails[0].messageId });
    // Only the failed run's manifest is new; nothing earlier changed.
    const after = await snapshot();
    expect(after.filter((entry) => !earlier.includes(entry))).toEqual([
      `${result.prefix}manifest.json ${(await store.get(`${result.prefix}manifest.json`))!.etag}`,
    ]);
    expect((await store.get(`reports/${PERIOD}/latest.json`))!.etag).toBe(latestBefore!.etag);
  } finally {
    await store.put(`extracts/${PERIOD}/ssd_cp_plans.csv`, good);
  }
});

test('an address outside allowedDomains: nothing is sent to it, and the run names it', async () => {
  const before = (await stack.emails()).length;
  const result = await handler({
    trigger: 'rerun',
    period: PERIOD,
    requestedBy: 'ann',
    reason: 'x',
    send: 'preview',
    previewTo: ['ann@gmail.example'],
  });
  expect(result.status).toBe('failed');
  expect(result.error).toContain('ann@gmail.example');
  const emails = await newEmails(before);
  expect(emails.flatMap(recipientsOf)).not.toContain('ann@gmail.example');
  expect(emails.map(recipientsOf)).toEqual([[OFFICER]]); // the failure notice

  // In the configuration itself: the run stops at the configuration and sends nothing at all.
  await uploadConfig(
    store,
    testConfig((c) => c.distribution.to.push('leak@gmail.example')),
  );
  try {
    const before2 = (await stack.emails()).length;
    const configResult = await handler({
      trigger: 'rerun',
      period: PERIOD,
      requestedBy: 'ann',
      reason: 'x',
      send: 'all',
    });
    expect(configResult.status).toBe('failed');
    expect(configResult.error).toMatch(/distribution\.to\[2\]: address leak@gmail\.example is outside allowedDomains/);
    expect(await newEmails(before2)).toHaveLength(0);
  } finally {
    await uploadConfig(store, testConfig());
  }
});

test('120 recipients go in three messages of at most 50', async () => {
  const to = Array.from({ length: 100 }, (_, i) => `reader${i + 1}@haringey.example`);
  const cc = Array.from({ length: 20 }, (_, i) => `copy${i + 1}@haringey.example`);
  await uploadConfig(
    store,
    testConfig((c) => Object.assign(c.distribution, { to, cc })),
  );
  try {
    const before = (await stack.emails()).length;
    const result = await handler({
      trigger: 'rerun',
      period: PERIOD,
      requestedBy: 'ann',
      reason: 'big list',
      send: 'all',
    });
    expect(result.status).toBe('sent');
    const emails = await newEmails(before);
    expect(emails.map((e) => recipientsOf(e).length)).toEqual([50, 50, 20]);
    expect(emails.flatMap(recipientsOf)).toEqual([...to, ...cc]);
    const manifest = await manifestOf(result);
    expect(manifest.batches.map((b) => b.messageId)).toEqual(emails.map((e) => e.messageId));
  } finally {
    await uploadConfig(store, testConfig());
  }
});

test('a message over the size limit fails clearly and nothing goes to the list', async () => {
  const before = (await stack.emails()).length;
  const latestBefore = await store.get(`reports/${PERIOD}/latest.json`);
  const deps = bucketRunDeps({
    env: readFunctionEnv(),
    s3: createS3Client(),
    mailer: new SesMailer(new SESClient({})),
    clock: systemClock,
    logger: silentLogger,
  });
  // The pack's message is about 100 kB; the failure notice is far smaller.
  const result = await runPack(
    requestFromEvent(parseRunEvent({ trigger: 'rerun', period: PERIOD, requestedBy: 'ann', reason: 'x', send: 'all' })),
    { ...deps, maxMessageBytes: 60_000 },
  );
  expect(result.status).toBe('failed');
  expect(result.error?.name).toBe('MessageTooLargeError');
  expect(result.error?.message).toMatch(
    /would be \d+\.\d MB after base64 encoding, over the email limit of 0\.1 MB; nothing was sent/,
  );
  const emails = await newEmails(before);
  expect(emails.map(recipientsOf)).toEqual([[OFFICER]]);
  expect(result.manifest.outputs).toEqual([]);
  expect((await store.get(`reports/${PERIOD}/latest.json`))!.etag).toBe(latestBefore!.etag);
});

test('every log line is one JSON object with no person id from the extract', () => {
  const csv = readFileSync(path.join(extractDir, 'ssd_cp_plans.csv'), 'utf8').split(/\r?\n/);
  const personColumn = csv[0].split(',').findIndex((column) => column.endsWith('person_id'));
  const personIds = new Set(
    csv
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[personColumn]),
  );
  expect(personIds.size).toBeGreaterThan(100);
  expect(logLines.length).toBeGreaterThan(20);
  for (const line of logLines) {
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(typeof entry.event).toBe('string');
    for (const value of Object.values(entry)) expect(personIds.has(String(value))).toBe(false);
    // Also inside longer strings (messages): any identifier-shaped token.
    for (const token of line.split(/[^A-Za-z0-9-]+/)) expect(personIds.has(token)).toBe(false);
  }
});
