/**
 * Exactly-once delivery of the month's scheduled pack, across any number of concurrent
 * function instances, with no reliance on process memory.
 *
 * How it holds: for each recipient batch n of month p there are two objects under
 * `reports/<p>/delivery/schedule/`:
 *   - `batch-<n>.json`, the CLAIM, created with a conditional write (S3 PutObject with
 *     `If-None-Match: *`) BEFORE the batch is sent. S3 lets exactly one such create
 *     succeed; every other invocation gets 412 and does not send that batch.
 *   - `batch-<n>.sent.json`, the RECEIPT, written after SES has accepted the batch,
 *     holding its message id.
 * A claim holds until its `expiresAt`: the owner's own deadline (the Lambda invocation's
 * end, when known, plus a margin) or else the lease after it was made. A claim with no
 * receipt whose time has passed (so its owner must be dead) may be taken over by
 * replacing it with `If-Match: <its ETag>` — again only one contender can win — so a run
 * killed part way is completed by the next invocation. An owner whose send FAILED (SES
 * refused it after retries) releases its claim at once, so the scheduler's retry of the
 * event sends that batch instead of waiting out the lease.
 * A contender that finds a batch claimed by a live owner waits a while for the receipt
 * (the usual case: two events at the same moment); if none comes, the batch is reported
 * `held-by-other` and the run fails so the event is retried later — it never counts a
 * batch it has not seen sent as delivered. Once every batch has a receipt, later schedule
 * events for that month end as `duplicate-skipped` and send nothing.
 * The one window left is an owner killed after SES accepted a batch but before its
 * receipt was written: the next invocation sends that batch again (at least once,
 * never zero times), which we prefer to a pack that silently never arrives.
 */
import type { ObjectStore } from '../adapters/object-store';
import { CONTENT_TYPES } from '../adapters/object-store';
import type { Clock } from '../adapters/clock';
import { LAYOUT } from '../core/layout';
import type { Period } from '../core/types';

/** When the owner's deadline is not known: longer than Lambda's 15-minute maximum timeout. */
export const DEFAULT_LEASE_MS = 20 * 60 * 1000;

/** Past the owner's deadline before its claim expires (clock differences between instances). */
export const DEADLINE_MARGIN_MS = 30 * 1000;

/** How long a run waits for a live owner's receipt before giving up on the batch (run.ts). */
export const DEFAULT_HOLDER_WAIT_MS = 60 * 1000;
const POLL_MS = 200;

export interface LedgerTiming {
  /** How long a claim holds when the owner's deadline is not known. */
  leaseMs?: number;
  /** When this invocation will be stopped (Lambda's deadline), if known. */
  deadline?: Date | null;
  /** How long claim() waits for a live owner's receipt; 0 (the default) answers at once. */
  holderWaitMs?: number;
}

export type ClaimOutcome = 'claimed' | 'taken-over' | 'already-sent' | 'held-by-other';

interface ClaimRecord {
  runId: string;
  claimedAt: string;
  /** After this the claim may be taken over (absent in claims written before it existed). */
  expiresAt?: string;
  /** Set when the owner gave the batch up after a failed send. */
  releasedAt?: string;
  batch: number;
  recipients: string[];
  takeoverOf?: string;
}

export interface SentRecord {
  runId: string;
  sentAt: string;
  batch: number;
  messageId: string;
  recipients: string[];
}

function parseJsonObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class ScheduleDeliveryLedger {
  readonly prefix: string;
  private readonly period: Period;
  private readonly leaseMs: number;
  private readonly deadline: Date | null;
  private readonly holderWaitMs: number;

  constructor(
    private readonly store: ObjectStore,
    period: Period,
    private readonly clock: Clock,
    /** The timing, or just the lease in milliseconds. */
    timing: LedgerTiming | number = {},
  ) {
    if (typeof timing === 'number') timing = { leaseMs: timing };
    this.period = period;
    this.prefix = LAYOUT.deliveryPrefix(period);
    this.leaseMs = timing.leaseMs ?? DEFAULT_LEASE_MS;
    this.deadline = timing.deadline ?? null;
    this.holderWaitMs = timing.holderWaitMs ?? 0;
  }

  claimKey(batch: number): string {
    return LAYOUT.claimKey(this.period, batch);
  }

  sentKey(batch: number): string {
    return LAYOUT.receiptKey(this.period, batch);
  }

  /** The batches that already have a receipt. */
  async sentBatches(): Promise<Set<number>> {
    const sent = new Set<number>();
    for (const object of await this.store.list(this.prefix)) {
      const batch = LAYOUT.receiptBatch(object.key);
      if (batch !== null) sent.add(batch);
    }
    return sent;
  }

  /** The runs that wrote the receipts: the runs that delivered the month's pack. */
  async senders(): Promise<string[]> {
    const runIds = new Set<string>();
    for (const object of await this.store.list(this.prefix)) {
      if (LAYOUT.receiptBatch(object.key) === null) continue;
      const found = await this.store.get(object.key);
      const fields = found ? parseJsonObject(found.body) : null;
      if (typeof fields?.runId === 'string') runIds.add(fields.runId);
    }
    return [...runIds];
  }

  private record(batch: number, runId: string, recipients: string[], takeoverOf?: string): string {
    const now = this.clock.now().getTime();
    const byLease = now + this.leaseMs;
    const expiresAt = this.deadline ? Math.min(byLease, this.deadline.getTime() + DEADLINE_MARGIN_MS) : byLease;
    const record: ClaimRecord = {
      runId,
      claimedAt: new Date(now).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
      batch,
      recipients,
      takeoverOf,
    };
    return JSON.stringify(record, null, 2);
  }

  /** Whether a claim no longer protects its batch: released, past its time, or unreadable. */
  private isExpired(fields: Record<string, unknown> | null): boolean {
    if (typeof fields?.releasedAt === 'string') return true;
    const now = this.clock.now().getTime();
    const expiresAt = typeof fields?.expiresAt === 'string' ? Date.parse(fields.expiresAt) : Number.NaN;
    if (!Number.isNaN(expiresAt)) return now >= expiresAt;
    const claimedAt = typeof fields?.claimedAt === 'string' ? Date.parse(fields.claimedAt) : Number.NaN;
    // An unreadable claim is treated as expired: it cannot name a live owner.
    return Number.isNaN(claimedAt) || now - claimedAt >= this.leaseMs;
  }

  /** Tries to take the right to send `batch`; only 'claimed' and 'taken-over' may send. */
  async claim(batch: number, runId: string, recipients: string[]): Promise<ClaimOutcome> {
    if (await this.store.get(this.sentKey(batch))) return 'already-sent';
    if (await this.store.putIfAbsent(this.claimKey(batch), this.record(batch, runId, recipients), CONTENT_TYPES.json))
      return 'claimed';

    const giveUpAt = Date.now() + this.holderWaitMs;
    for (;;) {
      const current = await this.store.get(this.claimKey(batch));
      if (await this.store.get(this.sentKey(batch))) return 'already-sent';
      if (current && current.etag !== undefined) {
        const fields = parseJsonObject(current.body);
        const holder = typeof fields?.runId === 'string' ? fields.runId : 'unknown';
        // Our own claim, whose create succeeded but whose answer was lost and retried into a 412.
        if (holder === runId && typeof fields?.releasedAt !== 'string') return 'claimed';
        if (this.isExpired(fields)) {
          if (
            await this.store.putIfMatch(
              this.claimKey(batch),
              this.record(batch, runId, recipients, holder),
              current.etag,
              CONTENT_TYPES.json,
            )
          )
            return 'taken-over';
          continue; // someone else replaced it first: look again
        }
      } else if (!current) {
        // The claim vanished (should not happen: claims are never deleted): claim afresh.
        if (
          await this.store.putIfAbsent(this.claimKey(batch), this.record(batch, runId, recipients), CONTENT_TYPES.json)
        )
          return 'claimed';
        continue;
      }
      if (Date.now() >= giveUpAt) return 'held-by-other';
      await sleep(POLL_MS);
    }
  }

  /**
   * Gives up our claim after a failed send, so the next invocation may send the batch at
   * once. Best effort: if this write fails too, the claim simply expires.
   */
  async release(batch: number, runId: string): Promise<boolean> {
    const current = await this.store.get(this.claimKey(batch));
    if (!current || current.etag === undefined) return false;
    const fields = parseJsonObject(current.body);
    if (fields?.runId !== runId) return false;
    const released = JSON.stringify({ ...fields, releasedAt: this.clock.now().toISOString() }, null, 2);
    return this.store.putIfMatch(this.claimKey(batch), released, current.etag, CONTENT_TYPES.json);
  }

  /** Records that SES accepted `batch`. */
  async markSent(record: SentRecord): Promise<void> {
    // Create-only: a receipt is never replaced (a second one would mean a double send, and the first is the truth).
    await this.store.putIfAbsent(this.sentKey(record.batch), JSON.stringify(record, null, 2), CONTENT_TYPES.json);
  }
}
