import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixedClock } from '../../../../functions/adapters/clock';
import { silentLogger } from '../../../../functions/adapters/logger';
import type { ComposedMail, Mailer } from '../../../../functions/adapters/mailer';
import { LocalObjectStore } from '../../../../functions/adapters/local-object-store';
import { DeliveryError } from '../../../../functions/core/errors';
import {
  alreadyDelivered,
  assertNoneHeld,
  deliveredStatus,
  sendBatches,
  type BatchMessage,
} from '../../../../functions/run/delivery';
import { ScheduleDeliveryLedger } from '../../../../functions/run/delivery-ledger';

const clock = fixedClock(new Date('2013-12-02T07:00:00Z'));

function message(index: number, to: string): BatchMessage {
  const mail: ComposedMail = { recipients: [to], from: 'pack@haringey.example', raw: Buffer.from(`to ${to}`) };
  return { batch: { index, to: [to], cc: [] }, mail, subject: 'Pack' };
}

/** Accepts every message except to `refuse`; remembers who it sent to. */
function fakeMailer(refuse?: string): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    send(mail) {
      if (mail.recipients.includes(refuse ?? '')) return Promise.reject(new Error('MessageRejected'));
      sent.push(...mail.recipients);
      return Promise.resolve(`id-${sent.length}`);
    },
  };
}

function request(messages: BatchMessage[], mailer: Mailer, ledger: ScheduleDeliveryLedger | null = null) {
  const allowedDomains = ['haringey.example'];
  return { messages, mailer, allowedDomains, ledger, runId: 'R1', clock, log: silentLogger, progress: () => {} };
}

const messages = [message(0, 'a@haringey.example'), message(1, 'b@haringey.example'), message(2, 'c@haringey.example')];

describe('sendBatches', () => {
  test('with no ledger, sends every message once and records each', async () => {
    const mailer = fakeMailer();
    const result = await sendBatches(request(messages, mailer));
    expect(result.error).toBeNull();
    expect(mailer.sent).toEqual(['a@haringey.example', 'b@haringey.example', 'c@haringey.example']);
    expect(result.batches.map((b) => [b.index, b.outcome, b.messageId])).toEqual([
      [0, 'sent', 'id-1'],
      [1, 'sent', 'id-2'],
      [2, 'sent', 'id-3'],
    ]);
  });

  test('a refused batch stops the loop and is returned as the error, with what went before it', async () => {
    const result = await sendBatches(request(messages, fakeMailer('b@haringey.example')));
    expect(result.error?.message).toBe('MessageRejected');
    expect(result.batches.map((b) => [b.index, b.outcome])).toEqual([
      [0, 'sent'],
      [1, 'failed'],
    ]);
  });

  test('an address outside the allowed domains is never sent to', async () => {
    const mailer = fakeMailer();
    const result = await sendBatches(request([message(0, 'x@elsewhere.example')], mailer));
    expect(result.error).not.toBeNull();
    expect(mailer.sent).toEqual([]);
  });

  test('through the ledger: receipts written, and a second run sends nothing', async () => {
    const store = new LocalObjectStore(mkdtempSync(path.join(tmpdir(), 'delivery-')));
    const ledger = new ScheduleDeliveryLedger(store, '2013-11', clock);
    const first = fakeMailer();
    await sendBatches(request(messages, first, ledger));
    expect(await store.get('reports/2013-11/delivery/schedule/batch-2.sent.json')).not.toBeNull();
    const plan = { kind: 'pack' as const, batches: messages.map((m) => m.batch) };
    expect(await alreadyDelivered(ledger, plan)).toBe(true);
    const second = fakeMailer();
    const again = await sendBatches(request(messages, second, ledger));
    expect(second.sent).toEqual([]);
    expect(again.batches.map((b) => b.outcome)).toEqual(['already-sent', 'already-sent', 'already-sent']);
    expect(deliveredStatus(plan, again.batches)).toBe('duplicate-skipped');
  });
});

describe('after sending', () => {
  const record = { recipients: [], takenOver: false, messageId: null, subject: 'Pack' };
  test('a batch held by another run fails the run, naming it (1-based)', () => {
    expect(() => assertNoneHeld([{ ...record, index: 1, outcome: 'held-by-other' }], '2013-11')).toThrow(
      new DeliveryError(
        'Batch 2 of the 2013-11 scheduled pack is claimed by another run that has not finished sending it; ' +
          'this run did not send it and will be retried.',
      ),
    );
  });

  test('the status: stored when nothing was asked, sent when anything went', () => {
    expect(deliveredStatus({ kind: null, batches: [] }, [])).toBe('stored');
    expect(deliveredStatus({ kind: 'preview', batches: [] }, [{ ...record, index: 0, outcome: 'sent' }])).toBe('sent');
  });
});
