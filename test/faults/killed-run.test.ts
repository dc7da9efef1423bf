/**
 * A run killed part way: the function's handler runs in a child process (`invoke`, as the
 * cloud would run it) and is killed with SIGKILL at a chosen request — the fault proxies
 * hold that request open ("hang") and tell the test it arrived. Nothing half-done may be
 * visible as the month's latest pack, and the next invocation completes the month with
 * the distribution list receiving the pack once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixedClock } from '../../functions/adapters/clock';
import { DEFAULT_LEASE_MS } from '../../functions/run/delivery-ledger';
import { S3_FAULTS, faultPlan } from '../support/fault-plan';
import { SES_FAULTS } from '../support/ses-fault-proxy';
import { testConfig } from '../support/fixtures';
import { PERIOD, SCHEDULE, perRecipient, startFaultWorld, type FaultWorld } from './harness';

const REPO = path.resolve(__dirname, '../..');
const DISTRIBUTION = testConfig().distribution.to;
const LATEST = `reports/${PERIOD}/latest.json`;

let world: FaultWorld;
let eventFile: string;
beforeAll(async () => {
  world = await startFaultWorld();
  eventFile = path.join(mkdtempSync(path.join(tmpdir(), 'killed-run-')), 'schedule.json');
  writeFileSync(eventFile, JSON.stringify(SCHEDULE));
});
afterAll(async () => {
  await world?.stack.stop();
});
beforeEach(async () => {
  world.stack.proxy.setFaultRule(null);
  world.stack.sesProxy.setFaultRule(null);
  await world.resetReports();
  await world.stack.clearEmails();
});

/** `npm run report -- invoke --event FILE` in one node process (so one pid to kill). */
function invokeInChild(): { child: ChildProcess; exited: Promise<NodeJS.Signals | number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/cli/main.ts', 'invoke', '--event', eventFile], {
    cwd: REPO,
    env: process.env,
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited };
}

async function reportKeys(): Promise<string[]> {
  return (await world.store.list(`reports/${PERIOD}/`)).map((o) => o.key);
}

test(
  'killed while publishing latest.json (after sending): outputs exist and the list has the pack, but nothing ' +
    'is the latest; the next invocation publishes that run and sends nothing',
  async () => {
    let reached!: () => void;
    const atLatest = new Promise<void>((resolve) => (reached = resolve));
    const plan = faultPlan([{ method: 'PUT', key: /latest\.json$/, nth: [1], action: S3_FAULTS.hang }]);
    world.stack.proxy.setFaultRule((request) => {
      const action = plan.rule(request);
      if (action) reached();
      return action;
    });
    const { child, exited } = invokeInChild();
    await atLatest;
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    world.stack.proxy.setFaultRule(null);

    const keys = await reportKeys();
    const outputs = keys.filter((k) => /\/pack\.(json|xlsx|html)$/.test(k));
    expect(outputs).toHaveLength(3); // written before the kill
    expect(keys.some((k) => k.endsWith('manifest.json'))).toBe(false); // the run never finished
    expect(await world.store.get(LATEST)).toBeNull();
    const everyoneOnce = DISTRIBUTION.map((a) => [a, 1]).sort();
    expect([...perRecipient(await world.stack.emails()).entries()].sort()).toEqual(everyoneOnce);

    const next = await world.run(SCHEDULE);
    expect(next.status).toBe('duplicate-skipped');
    const killedRunId = outputs[0].split('/')[2];
    expect((await world.json<{ runId: string }>(LATEST))?.runId).toBe(killedRunId);
    expect([...perRecipient(await world.stack.emails()).entries()].sort()).toEqual(everyoneOnce);
  },
);

test(
  'killed while SES had the message in hand (never delivered): the ' +
    'claim holds until it expires, then the next invocation sends once',
  async () => {
    let hung!: () => void;
    const atSend = new Promise<void>((resolve) => (hung = resolve));
    world.stack.sesProxy.setFaultRule((call) => {
      if (call.action !== 'SendRawEmail') return undefined;
      hung();
      return SES_FAULTS.hang;
    });
    const { child, exited } = invokeInChild();
    await atSend;
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    world.stack.sesProxy.setFaultRule(null);

    // The killed run stored a complete pack but, not having delivered it, did not publish it; its claim on batch 0
    // has no receipt.
    expect(await world.json(LATEST)).toBeNull();
    const killedRunId = (await reportKeys()).find((k) => k.endsWith('/pack.json'))?.split('/')[2];
    const claim = await world.json<{ runId: string; expiresAt: string }>(
      `reports/${PERIOD}/delivery/schedule/batch-0.json`,
    );
    expect(claim?.runId).toBe(killedRunId);
    expect(await world.stack.emails()).toHaveLength(0);

    // An invocation within the claim's time waits briefly, then fails so it is retried — it never reports the batch as
    // delivered.
    const early = await world.run(SCHEDULE);
    expect(early.status).toBe('failed');
    expect(early.error?.name).toBe('DeliveryError');
    expect(early.manifest.batches.map((b) => b.outcome)).toEqual(['held-by-other']);
    expect((await world.stack.emails()).filter((e) => !e.subject.startsWith('[Failed]'))).toHaveLength(0);

    // `invoke` has no Lambda deadline, so the claim lasts the default lease; the next invocation comes after it.
    const afterLease = fixedClock(new Date(Date.parse(claim!.expiresAt) + 1000));
    expect(Date.parse(claim!.expiresAt) - Date.now()).toBeLessThanOrEqual(DEFAULT_LEASE_MS);
    const next = await world.run(SCHEDULE, { clock: afterLease });
    expect(next.status).toBe('sent');
    expect(next.manifest.batches).toEqual([expect.objectContaining({ outcome: 'sent', takenOver: true })]);
    const packs = (await world.stack.emails()).filter((e) => !e.subject.startsWith('[Failed]'));
    expect([...perRecipient(packs).entries()].sort()).toEqual(DISTRIBUTION.map((a) => [a, 1]).sort());
  },
);

test(
  'a claim made under a Lambda deadline expires just ' + 'after that deadline, not after the 20-minute lease',
  async () => {
    const now = new Date('2013-12-02T07:00:00Z');
    const deadline = new Date(now.getTime() + 5 * 60 * 1000);
    world.stack.sesProxy.setFaultRule((call) => (call.action === 'SendRawEmail' ? SES_FAULTS.rejected : undefined));
    const first = await world.run(SCHEDULE, { clock: fixedClock(now), deadline });
    expect(first.status).toBe('failed');
    const claim = await world.json<{ expiresAt: string; releasedAt?: string }>(
      `reports/${PERIOD}/delivery/schedule/batch-0.json`,
    );
    expect(Date.parse(claim!.expiresAt)).toBe(deadline.getTime() + 30_000);
    expect(claim!.releasedAt).toBeDefined();
  },
);
