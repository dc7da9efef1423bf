/**
 * Replays: SES invokes the function asynchronously (at least once), Lambda retries a
 * failed invocation, and an officer may forward the same message again — so a message
 * id must be acted on once. The marker `inbox/processed/<message id>.json` is a
 * OnceMarker (run/once-marker.ts: created with If-None-Match before anything is done,
 * `claimed` with a lease, then `done` with what was done, taken over after a crash). What
 * the message asks is itself safe to redo — APPROVE goes through the schedule's
 * exactly-once ledger, and comments are stored as a new version with the same words —
 * so the takeover after a crash can at worst send a revised preview twice.
 */
import type { Clock } from '../adapters/clock';
import { CONTENT_TYPES, type ObjectStore } from '../adapters/object-store';
import { LAYOUT } from '../core/layout';
import { OnceMarker, type OnceClaim } from '../run/once-marker';

export type MessageClaim = OnceClaim;

export class InboxReplayGuard {
  private readonly marker: OnceMarker;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    leaseMs?: number,
  ) {
    this.marker = new OnceMarker(store, clock, leaseMs);
  }

  /** Only 'claimed' and 'taken-over' may act on the message. */
  claim(messageId: string): Promise<MessageClaim> {
    return this.marker.claim(LAYOUT.processedKey(messageId), { messageId });
  }

  /** Records what was done (e.g. `ignored: not-an-officer`); later deliveries of the id end as 'already-done'. */
  complete(messageId: string, outcome: string): Promise<void> {
    return this.marker.complete(LAYOUT.processedKey(messageId), { messageId }, outcome);
  }

  /**
   * Gives the message up after a failure part way (storage, mail): the marker's lease ends
   * now, so Lambda's retry of the event takes it over instead of waiting out the lease.
   */
  release(messageId: string): Promise<void> {
    return this.marker.release(LAYOUT.processedKey(messageId), { messageId });
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
