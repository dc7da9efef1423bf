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
 * A claim with no receipt that is older than the lease (longer than the function's
 * timeout, so its owner must be dead) may be taken over by replacing it with
 * `If-Match: <its ETag>` — again only one contender can win — so a run killed part way
 * is completed by the next invocation. Once every batch has a receipt, later schedule
 * events for that month end as `duplicate-skipped` and send nothing.
 * The one window left is an owner killed after SES accepted a batch but before its
 * receipt was written: the next invocation sends that batch again (at least once,
 * never zero times), which we prefer to a pack that silently never arrives.
 */
import type { ObjectStore } from '../adapters/object-store';
import { CONTENT_TYPES } from '../adapters/object-store';
import type { Clock } from '../adapters/clock';
import type { Period } from '../core/types';

/** Longer than the function's 15-minute maximum timeout. */
export const DEFAULT_LEASE_MS = 20 * 60 * 1000;

export type ClaimOutcome = 'claimed' | 'taken-over' | 'already-sent' | 'held-by-other';

interface ClaimRecord {
  runId: string;
  claimedAt: string;
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
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export class ScheduleDeliveryLedger {
  readonly prefix: string;

  constructor(
    private readonly store: ObjectStore,
    period: Period,
    private readonly clock: Clock,
    private readonly leaseMs: number = DEFAULT_LEASE_MS,
  ) {
    this.prefix = `reports/${period}/delivery/schedule/`;
  }

  claimKey(batch: number): string {
    return `${this.prefix}batch-${batch}.json`;
  }

  sentKey(batch: number): string {
    return `${this.prefix}batch-${batch}.sent.json`;
  }

  /** The batches that already have a receipt. */
  async sentBatches(): Promise<Set<number>> {
    const sent = new Set<number>();
    for (const object of await this.store.list(this.prefix)) {
      const match = /batch-(\d+)\.sent\.json$/.exec(object.key);
      if (match) sent.add(Number(match[1]));
    }
    return sent;
  }

  /** Tries to take the right to send `batch`; only 'claimed' and 'taken-over' may send. */
  async claim(batch: number, runId: string, recipients: string[]): Promise<ClaimOutcome> {
    if (await this.store.get(this.sentKey(batch))) return 'already-sent';
    const record = (takeoverOf?: string): string =>
      JSON.stringify({ runId, claimedAt: this.clock.now().toISOString(), batch, recipients, takeoverOf } satisfies ClaimRecord, null, 2);
    if (await this.store.putIfAbsent(this.claimKey(batch), record(), CONTENT_TYPES.json)) return 'claimed';

    const current = await this.store.get(this.claimKey(batch));
    if (await this.store.get(this.sentKey(batch))) return 'already-sent';
    if (!current || current.etag === undefined) return 'held-by-other';
    const fields = parseJsonObject(current.body);
    const claimedAt = typeof fields?.claimedAt === 'string' ? Date.parse(fields.claimedAt) : Number.NaN;
    const holder = typeof fields?.runId === 'string' ? fields.runId : 'unknown';
    // An unreadable claim is treated as expired: it cannot name a live owner.
    const expired = Number.isNaN(claimedAt) || this.clock.now().getTime() - claimedAt >= this.leaseMs;
    if (!expired) return 'held-by-other';
    return (await this.store.putIfMatch(this.claimKey(batch), record(holder), current.etag, CONTENT_TYPES.json)) ? 'taken-over' : 'held-by-other';
  }

  /** Records that SES accepted `batch`. */
  async markSent(record: SentRecord): Promise<void> {
    // Create-only: a receipt is never replaced (a second one would mean a double send, and the first is the truth).
    await this.store.putIfAbsent(this.sentKey(record.batch), JSON.stringify(record, null, 2), CONTENT_TYPES.json);
  }
}
