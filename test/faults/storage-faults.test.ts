/**
 * Storage faults, injected by the loopback proxy in front of s3rver on reads and writes,
 * through the real S3 client and its retry strategy (aws-clients.ts). Transient faults are
 * retried and the month's pack goes out once; persistent ones fail the run cleanly — no
 * latest.json for an incomplete run, nothing to the distribution list, a manifest (or,
 * when even that cannot be written, a failure notice and a thrown error) saying what
 * failed — and the next event completes the month.
 */
import { S3_FAULTS, faultPlan, type FaultSpec } from '../support/fault-plan';
import { OFFICER, PERIOD, SCHEDULE, perRecipient, recipientsOf, startFaultWorld, type FaultWorld } from './harness';
import { testConfig } from '../support/fixtures';

const DISTRIBUTION = [...testConfig().distribution.to, ...testConfig().distribution.cc];
const LATEST = `reports/${PERIOD}/latest.json`;

let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld();
});
afterAll(async () => {
  await world?.stack.stop();
});
beforeEach(async () => {
  world.stack.proxy.setFaultRule(null);
  await world.resetReports();
  await world.stack.clearEmails();
});

function inject(specs: FaultSpec[]): ReturnType<typeof faultPlan> {
  const plan = faultPlan(specs);
  world.stack.proxy.setFaultRule(plan.rule);
  return plan;
}

/** The month's pack reached every address on the list exactly once, and nobody else. */
async function expectListGotPackOnce(): Promise<void> {
  const emails = (await world.stack.emails()).filter((e) => !e.subject.startsWith('[Failed]'));
  expect([...perRecipient(emails).entries()].sort()).toEqual(DISTRIBUTION.map((a) => [a, 1]).sort());
}

describe('transient faults are retried and the run completes', () => {
  const cases: Array<[string, FaultSpec]> = [
    [
      '500 on the 1st GET of an extract file',
      { method: 'GET', key: /^extracts\/.*ssd_cp_plans\.csv$/, nth: [1], action: S3_FAULTS.internalError },
    ],
    [
      '503 SlowDown on the 1st and 2nd GET of the configuration',
      { method: 'GET', key: /^config\/pack\.json$/, nth: [1, 2], action: S3_FAULTS.slowDown },
    ],
    [
      '503 ServiceUnavailable on the 1st GET of the comments file',
      { method: 'GET', key: /^comments\//, nth: [1], action: S3_FAULTS.serviceUnavailable },
    ],
    ['500 on the 1st LIST (extract folder)', { method: 'GET', key: /^$/, nth: [1], action: S3_FAULTS.internalError }],
    [
      '429 on the 1st PUT of pack.xlsx',
      { method: 'PUT', key: /\/pack\.xlsx$/, nth: [1], action: S3_FAULTS.tooManyRequests },
    ],
    [
      'a connection reset on the 1st PUT of pack.html',
      { method: 'PUT', key: /\/pack\.html$/, nth: [1], action: S3_FAULTS.reset },
    ],
    [
      'a slow response (3 s, past the 1 s request timeout) to the 1st PUT of latest.json',
      { method: 'PUT', key: /latest\.json$/, nth: [1], action: { kind: 'delay', ms: 3000 } },
    ],
    [
      'a lost answer (stored, then reset) to the 1st PUT of pack.json',
      { method: 'PUT', key: /\/pack\.json$/, nth: [1], action: S3_FAULTS.loseResponse },
    ],
    [
      'a lost answer to the 1st PUT of the delivery claim',
      { method: 'PUT', key: /delivery\/schedule\/batch-0\.json$/, nth: [1], action: S3_FAULTS.loseResponse },
    ],
    [
      'a lost answer to the 1st PUT of latest.json',
      { method: 'PUT', key: /latest\.json$/, nth: [1], action: S3_FAULTS.loseResponse },
    ],
    [
      'a lost answer to the 1st PUT of manifest.json',
      { method: 'PUT', key: /manifest\.json$/, nth: [1], action: S3_FAULTS.loseResponse },
    ],
  ];

  test.each(cases)('%s', async (_name, spec) => {
    if (spec.key.source.includes('comments'))
      await world.store.put(`comments/${PERIOD}.json`, JSON.stringify({ indicators: { HY64: 'A supplied comment.' } }));
    try {
      const plan = inject([spec]);
      const result = await world.run(SCHEDULE);
      expect(plan.faulted(0)).toBe(spec.nth!.length);
      expect(result.error).toBeNull();
      expect(result.status).toBe('sent');
      const manifest = await world.manifest(result);
      expect(manifest).toMatchObject({ status: 'sent', latestUpdated: true, error: null });
      expect(manifest.outputs).toHaveLength(3);
      expect(await world.json(LATEST)).toEqual({ runId: result.runId, prefix: result.prefix });
      await expectListGotPackOnce();
    } finally {
      world.stack.proxy.setFaultRule(null);
      await world.s3.send(
        new (await import('@aws-sdk/client-s3')).DeleteObjectCommand({
          Bucket: world.stack.bucket,
          Key: `comments/${PERIOD}.json`,
        }),
      );
    }
  });
});

describe('persistent faults fail the run cleanly; the next event completes the month', () => {
  async function nextEventCompletes(): Promise<void> {
    world.stack.proxy.setFaultRule(null);
    const retry = await world.run(SCHEDULE);
    expect(retry.status).toBe('sent');
    expect((await world.json<{ runId: string }>(LATEST))?.runId).toBe(retry.runId);
    await expectListGotPackOnce();
  }

  async function expectOnlyFailureNotice(): Promise<void> {
    const emails = await world.stack.emails();
    expect(emails.map(recipientsOf)).toEqual([[OFFICER]]);
    expect(emails[0].subject).toMatch(/^\[Failed\] /);
  }

  test(
    'every PUT of pack.xlsx answers 500: no latest.json,' + ' nothing to the list, the manifest names the key',
    async () => {
      const plan = inject([{ method: 'PUT', key: /\/pack\.xlsx$/, action: S3_FAULTS.internalError }]);
      const result = await world.run(SCHEDULE);
      expect(plan.faulted(0)).toBe(4); // maxAttempts in TEST_TUNING
      expect(result.status).toBe('failed');
      expect(await world.json(LATEST)).toBeNull();
      const manifest = await world.manifest(result);
      expect(manifest.error).toMatchObject({ name: 'DeliveryError', stage: 'store' });
      expect(manifest.error!.message).toMatch(
        /^S3 PUT s3:\/\/[^ ]+\/pack\.xlsx failed after 4 attempts: InternalError/,
      );
      expect(manifest.outputs.map((k) => k.split('/').pop())).toEqual(['pack.json']);
      expect(manifest.failureNotice).toMatchObject({ recipients: [OFFICER], error: null });
      await expectOnlyFailureNotice();
      await world.stack.clearEmails();
      await nextEventCompletes();
    },
  );

  test('every PUT of latest.json is throttled (503): sent, not published; the next event publishes', async () => {
    inject([{ method: 'PUT', key: /latest\.json$/, action: S3_FAULTS.slowDown }]);
    const result = await world.run(SCHEDULE);
    expect(result.status).toBe('failed');
    expect(await world.json(LATEST)).toBeNull();
    const manifest = await world.manifest(result);
    expect(manifest).toMatchObject({ latestUpdated: false, error: { stage: 'publish' } });
    expect(manifest.batches.map((b) => b.outcome)).toEqual(['sent']);
    expect(manifest.error!.message).toContain('latest.json');
    await world.stack.clearEmails();
    world.stack.proxy.setFaultRule(null);
    // The pack went out: the retry sends nothing and points latest.json at the run that delivered it.
    const retry = await world.run(SCHEDULE);
    expect(retry.status).toBe('duplicate-skipped');
    expect((await world.json<{ runId: string }>(LATEST))?.runId).toBe(result.runId);
    expect(await world.stack.emails()).toHaveLength(0);
  });

  test('every GET of an extract file resets: the run fails in read-extract and is retryable', async () => {
    inject([{ method: 'GET', key: /^extracts\/.*ssd_cp_reviews\.csv$/, action: S3_FAULTS.reset }]);
    const result = await world.run(SCHEDULE);
    expect(result.status).toBe('failed');
    expect(result.error?.name).toBe('DeliveryError'); // not a UserError: the handler rethrows it for Lambda to retry
    const manifest = await world.manifest(result);
    expect(manifest.error).toMatchObject({ stage: 'read-extract' });
    expect(manifest.error!.message).toContain('ssd_cp_reviews.csv');
    expect(await world.json(LATEST)).toBeNull();
    await expectOnlyFailureNotice();
    await world.stack.clearEmails();
    await nextEventCompletes();
  });

  test('nothing under reports/ can be written (manifest included): a failure notice, and the run throws', async () => {
    inject([{ method: 'PUT', key: /^reports\//, action: S3_FAULTS.serviceUnavailable }]);
    await expect(world.run(SCHEDULE)).rejects.toThrow(
      /S3 PUT s3:\/\/[^ ]+\/manifest\.json failed after 4 attempts: ServiceUnavailable/,
    );
    expect(await world.json(LATEST)).toBeNull();
    await expectOnlyFailureNotice();
    await world.stack.clearEmails();
    await nextEventCompletes();
  });

  test('the claim cannot be written: pack stored and published, nothing sent; the retry sends once', async () => {
    inject([{ method: 'PUT', key: /delivery\//, action: S3_FAULTS.internalError }]);
    const result = await world.run(SCHEDULE);
    expect(result.status).toBe('failed');
    expect((await world.manifest(result)).error).toMatchObject({ stage: 'send' });
    await expectOnlyFailureNotice();
    await world.stack.clearEmails();
    await nextEventCompletes();
  });

  test(
    'the handler rethrows a storage fault (so Lambda ' + 'retries the event) and returns normally afterwards',
    async () => {
      const { handler } = await import('../../functions/handler');
      const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true); // the handler logs to stdout
      inject([{ method: 'GET', key: /^config\//, action: S3_FAULTS.internalError }]);
      await expect(handler(SCHEDULE)).rejects.toThrow(
        /S3 GET s3:\/\/[^ ]+\/config\/pack\.json failed after 5 attempts: InternalError/,
      );
      world.stack.proxy.setFaultRule(null);
      // No configuration, no officers: no failure notice is possible, and none was sent.
      expect(await world.stack.emails()).toHaveLength(0);
      const result = await handler(SCHEDULE);
      quiet.mockRestore();
      expect(result.status).toBe('sent');
      await expectListGotPackOnce();
    },
  );
});
