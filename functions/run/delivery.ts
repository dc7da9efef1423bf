/**
 * Delivering a run's composed messages: who gets them (the plan), whether the month's
 * scheduled pack was already delivered, and the claim → send → receipt loop through the
 * delivery ledger. The loop takes messages already composed, so a stored run can be sent
 * through it on its own (e.g. releasing a previewed run) without rendering again.
 */
import type { Clock } from '../adapters/clock';
import type { Logger } from '../adapters/logger';
import type { ComposedMail, Mailer } from '../adapters/mailer';
import type { ObjectStore } from '../adapters/object-store';
import type { PackConfig } from '../core/config/pack-config';
import { DeliveryError } from '../core/errors';
import type { EmailKind } from '../core/render/render-types';
import type { Period } from '../core/types';
import { DEFAULT_HOLDER_WAIT_MS, ScheduleDeliveryLedger } from './delivery-ledger';
import type { BatchRecord, RunStatus } from './manifest';
import type { Trigger } from './run-id';
import { allowlistedMailer, assertRecipientsAllowed, batchRecipients, type RecipientBatch } from './recipients';

/** Who gets this run's email. */
export type Delivery =
  | { mode: 'none' }
  /**
   * To `to`, or the officers when null; marked [Preview]. `changedComments`: a revised
   * preview after a reply changed the comments, marked [Preview, revised] and listing them.
   */
  | { mode: 'preview'; to: string[] | null; changedComments?: string[] }
  /** To the distribution list; `exactlyOnce` for the month's scheduled pack. */
  | { mode: 'distribution'; kind: 'pack' | 'revised'; exactlyOnce: boolean };

export interface DeliveryPlan {
  kind: EmailKind | null;
  batches: RecipientBatch[];
}

/** One batch's message, ready to send. */
export interface BatchMessage {
  batch: RecipientBatch;
  mail: ComposedMail;
  subject: string;
}

/** Works out the batches and checks every address against allowedDomains (nothing is sent otherwise). */
export function planDelivery(delivery: Delivery, config: PackConfig): DeliveryPlan {
  const { distribution } = config;
  if (delivery.mode === 'none') return { kind: null, batches: [] };
  if (delivery.mode === 'preview') {
    const to = delivery.to ?? distribution.officers;
    assertRecipientsAllowed(to, distribution.allowedDomains, delivery.to ? 'previewTo' : 'distribution.officers');
    return { kind: 'preview', batches: batchRecipients(to, []) };
  }
  assertRecipientsAllowed(
    [...distribution.to, ...distribution.cc],
    distribution.allowedDomains,
    'the distribution list',
  );
  return { kind: delivery.kind, batches: batchRecipients(distribution.to, distribution.cc) };
}

/** The delivery a run makes: the schedule's pack becomes a preview to the officers when approval is required. */
export function deliveryFor(asked: Delivery, trigger: Trigger, config: PackConfig): Delivery {
  if (trigger === 'schedule' && config.approval === 'required') return { mode: 'preview', to: null };
  return asked;
}

/** What the manifest records the run was asked to send: none, preview, pack, revised. */
export function describeDelivery(delivery: Delivery): string {
  return delivery.mode === 'distribution' ? delivery.kind : delivery.mode;
}

export interface LedgerOptions {
  leaseMs?: number;
  deadline?: Date | null;
  holderWaitMs?: number;
}

/** The month's ledger when this delivery must happen exactly once (the scheduled pack); null otherwise. */
export function ledgerFor(
  delivery: Delivery,
  store: ObjectStore,
  period: Period,
  clock: Clock,
  options: LedgerOptions,
): ScheduleDeliveryLedger | null {
  if (delivery.mode !== 'distribution' || !delivery.exactlyOnce) return null;
  return new ScheduleDeliveryLedger(store, period, clock, {
    leaseMs: options.leaseMs,
    deadline: options.deadline ?? null,
    holderWaitMs: options.holderWaitMs ?? DEFAULT_HOLDER_WAIT_MS,
  });
}

/** True when every planned batch already has a receipt: the month's pack went out. */
export async function alreadyDelivered(ledger: ScheduleDeliveryLedger | null, plan: DeliveryPlan): Promise<boolean> {
  if (!ledger) return false;
  const sent = await ledger.sentBatches();
  return plan.batches.every((batch) => sent.has(batch.index));
}

export interface SendRequest {
  messages: BatchMessage[];
  mailer: Mailer;
  allowedDomains: readonly string[];
  /** The month's ledger for an exactly-once delivery; null sends every message. */
  ledger: ScheduleDeliveryLedger | null;
  runId: string;
  clock: Clock;
  log: Logger;
  progress: (line: string) => void;
}

export interface SendResult {
  /** One record per batch this run dealt with, in order, up to and including a failed one. */
  batches: BatchRecord[];
  /** Why sending stopped (SES refused a batch, or the ledger could not be written); null when it did not. */
  error: Error | null;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}

/** Sends each batch once: claimed in the ledger first (when there is one), its receipt written after SES accepts it. */
export async function sendBatches(request: SendRequest): Promise<SendResult> {
  const { messages, ledger, runId, clock } = request;
  const batches: BatchRecord[] = [];
  // Checked again at the last moment: no path to the mailer skips the allowlist.
  const guarded = allowlistedMailer(request.mailer, request.allowedDomains);
  try {
    for (const { batch, mail, subject } of messages) {
      const recipients = mail.recipients;
      const record = { index: batch.index, recipients, subject };
      let takenOver = false;
      if (ledger) {
        const outcome = await ledger.claim(batch.index, runId, recipients);
        if (outcome === 'already-sent' || outcome === 'held-by-other') {
          batches.push({ ...record, outcome, takenOver: false, messageId: null });
          continue;
        }
        takenOver = outcome === 'taken-over';
      }
      let messageId: string;
      try {
        messageId = await guarded.send(mail);
      } catch (error) {
        // SES refused it (after its retries): give the batch up so the event's retry sends it now.
        if (ledger && !(await ledger.release(batch.index, runId).catch(() => false)))
          request.log.warn('claim-not-released', { batch: batch.index });
        batches.push({ ...record, outcome: 'failed', takenOver, messageId: null });
        throw error;
      }
      batches.push({ ...record, outcome: 'sent', takenOver, messageId });
      if (ledger)
        await ledger.markSent({ runId, sentAt: clock.now().toISOString(), batch: batch.index, messageId, recipients });
      const to = plural(recipients.length, 'recipient');
      request.progress(`sent batch ${batch.index + 1} of ${messages.length} to ${to} (${messageId})`);
    }
  } catch (error) {
    return { batches, error: error instanceof Error ? error : new Error(String(error)) };
  }
  return { batches, error: null };
}

/** A batch another run still holds is not known to be delivered: fail, so the event is retried. */
export function assertNoneHeld(batches: readonly BatchRecord[], period: Period): void {
  const held = batches.filter((b) => b.outcome === 'held-by-other');
  if (!held.length) return;
  throw new DeliveryError(
    `Batch ${held.map((b) => b.index + 1).join(', ')} of the ${period} scheduled pack is claimed by another run ` +
      'that has not finished sending it; this run did not send it and will be retried.',
  );
}

/** The status of a run whose delivery finished: stored (nothing asked), sent, or every batch already sent. */
export function deliveredStatus(plan: DeliveryPlan, batches: readonly BatchRecord[]): RunStatus {
  if (plan.kind === null) return 'stored';
  return batches.some((b) => b.outcome === 'sent') ? 'sent' : 'duplicate-skipped';
}
