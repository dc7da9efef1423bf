/**
 * The conditional writes the exactly-once delivery rests on, through the real SDK client
 * against s3rver behind the conditional proxy: exactly one of many simultaneous creates
 * wins, and compare-and-swap refuses a stale ETag.
 */
import { createS3Client } from '../../functions/adapters/aws-clients';
import { S3ObjectStore } from '../../functions/adapters/s3-object-store';
import { fixedClock } from '../../functions/adapters/clock';
import { ScheduleDeliveryLedger } from '../../functions/run/delivery-ledger';
import { startLocalStack, type LocalStack } from '../support/local-stack';

let stack: LocalStack;
let store: S3ObjectStore;

beforeAll(async () => {
  stack = await startLocalStack();
  store = new S3ObjectStore(createS3Client(), stack.bucket);
});
afterAll(async () => {
  await stack.stop();
});

test('of eight simultaneous putIfAbsent on one key exactly one wins, and its body is kept', async () => {
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) => store.putIfAbsent('race/one.json', `{"writer":${i}}`)),
  );
  expect(results.filter(Boolean)).toHaveLength(1);
  const winner = results.indexOf(true);
  const stored = await store.get('race/one.json');
  expect(stored?.body.toString()).toBe(`{"writer":${winner}}`);
});

test('putIfMatch replaces only when the ETag is current', async () => {
  expect(await store.putIfAbsent('race/cas.json', 'first')).toBe(true);
  const first = await store.get('race/cas.json');
  expect(first?.etag).toBeDefined();
  expect(await store.putIfMatch('race/cas.json', 'second', first!.etag!)).toBe(true);
  // The first ETag is now stale.
  expect(await store.putIfMatch('race/cas.json', 'third', first!.etag!)).toBe(false);
  expect((await store.get('race/cas.json'))?.body.toString()).toBe('second');
  expect(await store.putIfMatch('race/missing.json', 'x', first!.etag!)).toBe(false);
});

test('a 300 kB upload is stored intact (checksums only when required against a local endpoint)', async () => {
  const body = Buffer.alloc(300_000, 'abc');
  await store.put('race/big.bin', body);
  const stored = await store.get('race/big.bin');
  expect(stored?.body.equals(body)).toBe(true);
});

describe('schedule delivery ledger', () => {
  const t0 = new Date('2013-12-02T07:00:00Z');
  const lease = 20 * 60 * 1000;

  test('two runs racing for one batch: one claims it, the other is told it is held', async () => {
    const a = new ScheduleDeliveryLedger(store, '2013-11', fixedClock(t0), lease);
    const b = new ScheduleDeliveryLedger(store, '2013-11', fixedClock(t0), lease);
    const outcomes = await Promise.all([
      a.claim(0, 'run-a', ['x@example.org']),
      b.claim(0, 'run-b', ['x@example.org']),
    ]);
    expect(outcomes.sort()).toEqual(['claimed', 'held-by-other']);
  });

  test('a sent batch is never claimed again, however late', async () => {
    const ledger = new ScheduleDeliveryLedger(store, '2013-10', fixedClock(t0), lease);
    expect(await ledger.claim(0, 'run-a', ['x@example.org'])).toBe('claimed');
    await ledger.markSent({
      runId: 'run-a',
      sentAt: t0.toISOString(),
      batch: 0,
      messageId: 'm-1',
      recipients: ['x@example.org'],
    });
    const later = new ScheduleDeliveryLedger(store, '2013-10', fixedClock(new Date(t0.getTime() + 10 * lease)), lease);
    expect(await later.claim(0, 'run-b', ['x@example.org'])).toBe('already-sent');
    expect([...(await later.sentBatches())]).toEqual([0]);
  });

  test('an unsent claim older than the lease is taken over by exactly one of two contenders', async () => {
    const dead = new ScheduleDeliveryLedger(store, '2013-09', fixedClock(t0), lease);
    expect(await dead.claim(1, 'run-dead', ['x@example.org'])).toBe('claimed');
    const soon = new ScheduleDeliveryLedger(store, '2013-09', fixedClock(new Date(t0.getTime() + lease - 1000)), lease);
    expect(await soon.claim(1, 'run-early', ['x@example.org'])).toBe('held-by-other');
    const afterLease = fixedClock(new Date(t0.getTime() + lease + 1000));
    const outcomes = await Promise.all([
      new ScheduleDeliveryLedger(store, '2013-09', afterLease, lease).claim(1, 'run-c', ['x@example.org']),
      new ScheduleDeliveryLedger(store, '2013-09', afterLease, lease).claim(1, 'run-d', ['x@example.org']),
    ]);
    expect(outcomes.sort()).toEqual(['held-by-other', 'taken-over']);
  });
});
