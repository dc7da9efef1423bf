/**
 * Replays: SES invokes the function asynchronously (at least once), Lambda retries a
 * failed invocation, and an officer may forward the same message again — so a message
 * id must be acted on once. The marker `inbox/processed/<message id>.json` is CREATED
 * with a conditional write (If-None-Match: *, the pattern of the delivery ledger's
 * claims) before anything is done: S3 lets one create succeed, and every other
 * invocation for that id sees the marker. The marker first says `claimed` (with a
 * lease); once the outcome is known it says `done` and what was done. A `claimed` marker
 * past its lease belongs to an invocation that died part way: it is taken over with
 * If-Match on its ETag (one contender wins), so a message is not lost to a crash. What
 * the message asks is itself safe to redo — APPROVE goes through the schedule's
 * exactly-once ledger, and comments are stored as a new version with the same words —
 * so the takeover after a crash can at worst send a revised preview twice.
 */
import * as z from 'zod';
import type { Clock } from '../adapters/clock';
import { CONTENT_TYPES, type ObjectStore } from '../adapters/object-store';
import { DEFAULT_LEASE_MS } from '../run/delivery-ledger';
import { LAYOUT } from '../core/layout';

export type MessageClaim = 'claimed' | 'taken-over' | 'already-done' | 'in-progress';

interface ProcessedRecord {
  messageId: string;
  state: 'claimed' | 'done';
  claimedAt: string;
  expiresAt: string;
  /** What was done (set with state `done`): e.g. `approved 2013-11 …`, `ignored: not-an-officer`. */
  outcome?: string;
  takeoverOf?: string;
}

/** What is read back from a marker: every field optional, since it may be unreadable or older. */
const storedRecord = z
  .object({ state: z.string(), claimedAt: z.string(), expiresAt: z.string() })
  .partial()
  .passthrough();

function readRecord(body: Buffer): z.infer<typeof storedRecord> | null {
  try {
    const result = storedRecord.safeParse(JSON.parse(body.toString('utf8')));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export class InboxReplayGuard {
  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly leaseMs: number = DEFAULT_LEASE_MS,
  ) {}

  private body(messageId: string, takeoverOf?: string): string {
    const now = this.clock.now().getTime();
    const record: ProcessedRecord = {
      messageId,
      state: 'claimed',
      claimedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.leaseMs).toISOString(),
      takeoverOf,
    };
    return JSON.stringify(record, null, 2);
  }

  /** Only 'claimed' and 'taken-over' may act on the message. */
  async claim(messageId: string): Promise<MessageClaim> {
    const key = LAYOUT.processedKey(messageId);
    if (await this.store.putIfAbsent(key, this.body(messageId), CONTENT_TYPES.json)) return 'claimed';
    const current = await this.store.get(key);
    if (!current || current.etag === undefined) return 'in-progress';
    const record = readRecord(current.body);
    if (record?.state === 'done') return 'already-done';
    const expiresAt = typeof record?.expiresAt === 'string' ? Date.parse(record.expiresAt) : Number.NaN;
    // An unreadable marker cannot name a live owner: treat it as expired.
    if (!Number.isNaN(expiresAt) && this.clock.now().getTime() < expiresAt) return 'in-progress';
    const replaced = await this.store.putIfMatch(
      key,
      this.body(messageId, record?.claimedAt ?? 'unreadable'),
      current.etag,
      CONTENT_TYPES.json,
    );
    return replaced ? 'taken-over' : 'in-progress';
  }

  /** Records what was done; later deliveries of the id end as 'already-done'. */
  async complete(messageId: string, outcome: string): Promise<void> {
    const key = LAYOUT.processedKey(messageId);
    const current = await this.store.get(key);
    const record = current ? readRecord(current.body) : null;
    const done = { ...record, messageId, state: 'done', outcome, doneAt: this.clock.now().toISOString() };
    await this.store.put(key, JSON.stringify(done, null, 2), CONTENT_TYPES.json);
  }

  /**
   * Gives the message up after a failure part way (storage, mail): the marker's lease ends
   * now, so Lambda's retry of the event takes it over instead of waiting out the lease.
   */
  async release(messageId: string): Promise<void> {
    const key = LAYOUT.processedKey(messageId);
    const current = await this.store.get(key);
    const record = current ? readRecord(current.body) : null;
    const released = { ...record, messageId, state: 'claimed', expiresAt: this.clock.now().toISOString() };
    await this.store.put(key, JSON.stringify(released, null, 2), CONTENT_TYPES.json);
  }

  /**
   * The right to send the one notice about a refused message claiming an officer's
   * address: create-only, so at most one notice per message id, even across a takeover.
   */
  async claimSpoofNotice(messageId: string): Promise<boolean> {
    const body = JSON.stringify({ messageId, noticeAt: this.clock.now().toISOString() }, null, 2);
    return this.store.putIfAbsent(LAYOUT.spoofNoticeKey(messageId), body, CONTENT_TYPES.json);
  }
}
