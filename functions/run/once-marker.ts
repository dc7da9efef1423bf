/**
 * "Do this once" through S3 conditional writes, the pattern of the delivery ledger's
 * claims (delivery-ledger.ts): a marker object is CREATED (If-None-Match: *) before the
 * thing is done, so one invocation wins and every other one sees the marker. It says
 * `claimed` (with a lease) until the outcome is known, then `done` and what was done. A
 * `claimed` marker past its lease belongs to an invocation that died part way: it is taken
 * over with If-Match on its ETag (one contender wins), so the thing is not lost to a
 * crash. A failure part way gives the claim up (`release`) so the retry acts at once.
 *
 * Used for a received message (inbound/replay.ts: a message id is acted on once) and for
 * the approval reminder (monitor/approval-reminder.ts: one reminder per preview).
 */
import * as z from 'zod';
import type { Clock } from '../adapters/clock';
import { CONTENT_TYPES, type ObjectStore } from '../adapters/object-store';
import { DEFAULT_LEASE_MS } from './delivery-ledger';

export type OnceClaim = 'claimed' | 'taken-over' | 'already-done' | 'in-progress';

/** What the caller records about the thing (e.g. the message id, the preview's run). */
export type MarkerFacts = Record<string, string>;

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

export class OnceMarker {
  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly leaseMs: number = DEFAULT_LEASE_MS,
  ) {}

  private body(facts: MarkerFacts, takeoverOf?: string): string {
    const now = this.clock.now().getTime();
    const record = {
      ...facts,
      state: 'claimed',
      claimedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.leaseMs).toISOString(),
      takeoverOf,
    };
    return JSON.stringify(record, null, 2);
  }

  /** Only 'claimed' and 'taken-over' may act. */
  async claim(key: string, facts: MarkerFacts): Promise<OnceClaim> {
    if (await this.store.putIfAbsent(key, this.body(facts), CONTENT_TYPES.json)) return 'claimed';
    const current = await this.store.get(key);
    if (!current || current.etag === undefined) return 'in-progress';
    const record = readRecord(current.body);
    if (record?.state === 'done') return 'already-done';
    const expiresAt = typeof record?.expiresAt === 'string' ? Date.parse(record.expiresAt) : Number.NaN;
    // An unreadable marker cannot name a live owner: treat it as expired.
    if (!Number.isNaN(expiresAt) && this.clock.now().getTime() < expiresAt) return 'in-progress';
    const replaced = await this.store.putIfMatch(
      key,
      this.body(facts, record?.claimedAt ?? 'unreadable'),
      current.etag,
      CONTENT_TYPES.json,
    );
    return replaced ? 'taken-over' : 'in-progress';
  }

  /** Records what was done; later claims of the key end as 'already-done'. */
  async complete(key: string, facts: MarkerFacts, outcome: string): Promise<void> {
    const current = await this.store.get(key);
    const record = current ? readRecord(current.body) : null;
    const done = { ...record, ...facts, state: 'done', outcome, doneAt: this.clock.now().toISOString() };
    await this.store.put(key, JSON.stringify(done, null, 2), CONTENT_TYPES.json);
  }

  /** Gives the claim up after a failure part way: its lease ends now, so a retry takes it over at once. */
  async release(key: string, facts: MarkerFacts): Promise<void> {
    const current = await this.store.get(key);
    const record = current ? readRecord(current.body) : null;
    const released = { ...record, ...facts, state: 'claimed', expiresAt: this.clock.now().toISOString() };
    await this.store.put(key, JSON.stringify(released, null, 2), CONTENT_TYPES.json);
  }
}
