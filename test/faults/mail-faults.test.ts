/**
 * Mail faults. aws-ses-v2-local has no fault hook, so a loopback proxy in front of it
 * (test/support/ses-fault-proxy.ts) answers chosen SendRawEmail calls with SES errors;
 * the real SES client's retry strategy and the run's delivery ledger are what is tested.
 * A distribution list of 120 goes in three batches of at most 50.
 */
import { SES_FAULTS } from '../support/ses-fault-proxy';
import { OFFICER, SCHEDULE, perRecipient, recipientsOf, startFaultWorld, type FaultWorld } from './harness';

const TO = Array.from({ length: 100 }, (_, i) => `reader${i + 1}@haringey.example`);
const CC = Array.from({ length: 20 }, (_, i) => `copy${i + 1}@haringey.example`);
const EVERYONE = [...TO, ...CC];

let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld();
  await world.setConfig((c) => Object.assign(c.distribution, { to: TO, cc: CC }));
});
afterAll(async () => {
  await world?.stack.stop();
});
beforeEach(async () => {
  world.stack.sesProxy.setFaultRule(null);
  await world.resetReports();
  await world.stack.clearEmails();
});

/** Pack emails (not failure notices) per recipient. */
async function packCounts(): Promise<Map<string, number>> {
  return perRecipient((await world.stack.emails()).filter((e) => !e.subject.startsWith('[Failed]')));
}

function expectEveryoneOnce(counts: Map<string, number>): void {
  expect([...counts.keys()].sort()).toEqual([...EVERYONE].sort());
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

test('SES throttling on two sends is retried: three batches, everyone once', async () => {
  const sends = world.stack.sesProxy.calls('SendRawEmail').length;
  world.stack.sesProxy.setFaultRule((call) =>
    call.action === 'SendRawEmail' && [sends + 1, sends + 3].includes(call.number) ? SES_FAULTS.throttling : undefined,
  );
  const result = await world.run(SCHEDULE);
  expect(result.status).toBe('sent');
  expect(world.stack.sesProxy.calls('SendRawEmail').length - sends).toBe(5); // 3 batches + 2 throttled tries
  expect(result.manifest.batches.map((b) => b.outcome)).toEqual(['sent', 'sent', 'sent']);
  expectEveryoneOnce(await packCounts());
});

test(
  'batch 2 of 3 refused: the manifest records what ' + 'went; the next event sends only the rest, never twice',
  async () => {
    const packSends = (): number =>
      world.stack.sesProxy.forwarded('SendRawEmail').filter((c) => !c.destinations.includes(OFFICER)).length;
    const sends = packSends();
    // Every send to batch 2's first reader is refused (retries included), as a persistent fault would be.
    world.stack.sesProxy.setFaultRule((call) =>
      call.action === 'SendRawEmail' && call.destinations.includes('reader51@haringey.example')
        ? SES_FAULTS.rejected
        : undefined,
    );
    const first = await world.run(SCHEDULE);
    expect(first.status).toBe('failed');
    expect(first.error?.name).toBe('MessageRejected');
    const manifest = await world.manifest(first);
    expect(manifest.error).toMatchObject({ stage: 'send' });
    expect(manifest.batches.map((b) => [b.index, b.outcome])).toEqual([
      [0, 'sent'],
      [1, 'failed'],
    ]);
    expect(manifest.batches[0].messageId).toBeTruthy();
    const afterFirst = await packCounts();
    expect([...afterFirst.keys()]).toEqual(EVERYONE.slice(0, 50));
    // The officers were told; the list was not sent a failure notice.
    const notices = (await world.stack.emails()).filter((e) => e.subject.startsWith('[Failed]'));
    expect(notices.map(recipientsOf)).toEqual([[OFFICER]]);
    // The failed batch's claim was released, so the scheduler's retry need not wait for a lease.
    const claim = await world.json<{ runId: string; releasedAt?: string }>(
      'reports/2013-11/delivery/schedule/batch-1.json',
    );
    expect(claim).toMatchObject({ runId: first.runId, releasedAt: expect.any(String) as unknown });

    world.stack.sesProxy.setFaultRule(null);
    const retry = await world.run(SCHEDULE);
    expect(retry.status).toBe('sent');
    expect(retry.manifest.batches.map((b) => [b.index, b.outcome, b.takenOver])).toEqual([
      [0, 'already-sent', false],
      [1, 'sent', true],
      [2, 'sent', false],
    ]);
    // Three pack messages reached SES over both runs: one per batch.
    expect(packSends() - sends).toBe(3);
    expectEveryoneOnce(await packCounts());

    // A third event for the month sends nothing at all.
    const third = await world.run(SCHEDULE);
    expect(third.status).toBe('duplicate-skipped');
    expectEveryoneOnce(await packCounts());
  },
);

test('throttling that outlasts the retries on the last batch: the next event sends that batch only', async () => {
  world.stack.sesProxy.setFaultRule((call) =>
    call.action === 'SendRawEmail' && call.destinations.includes('copy20@haringey.example')
      ? SES_FAULTS.throttling
      : undefined,
  );
  const first = await world.run(SCHEDULE);
  expect(first.status).toBe('failed');
  expect(first.error?.name).toBe('Throttling');
  expect(first.manifest.batches.map((b) => b.outcome)).toEqual(['sent', 'sent', 'failed']);
  world.stack.sesProxy.setFaultRule(null);
  const retry = await world.run(SCHEDULE);
  expect(retry.manifest.batches.map((b) => [b.index, b.outcome])).toEqual([
    [0, 'already-sent'],
    [1, 'already-sent'],
    [2, 'sent'],
  ]);
  expectEveryoneOnce(await packCounts());
});

test('a preview SES refuses: stored, latest.json stays where it was; a retry that sends moves it', async () => {
  const LATEST = 'reports/2013-11/latest.json';
  const preview = {
    trigger: 'rerun',
    period: '2013-11',
    requestedBy: 'officer',
    reason: 'check before release',
    send: 'preview',
    previewTo: [OFFICER],
  } as const;
  const stored = await world.run({ ...preview, send: 'none', previewTo: undefined });
  expect(stored.status).toBe('stored');
  expect((await world.json<{ runId: string }>(LATEST))?.runId).toBe(stored.runId);

  world.stack.sesProxy.setFaultRule((call) => (call.action === 'SendRawEmail' ? SES_FAULTS.rejected : undefined));
  const failed = await world.run(preview);
  expect(failed.status).toBe('failed');
  expect(failed.manifest.outputs).toHaveLength(3);
  expect(failed.manifest.latestUpdated).toBe(false);
  expect((await world.json<{ runId: string }>(LATEST))?.runId).toBe(stored.runId);

  world.stack.sesProxy.setFaultRule(null);
  const retry = await world.run(preview);
  expect(retry.status).toBe('sent');
  expect(retry.manifest.latestUpdated).toBe(true);
  expect((await world.json<{ runId: string }>(LATEST))?.runId).toBe(retry.runId);
});
