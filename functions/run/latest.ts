/**
 * `reports/<YYYY-MM>/latest.json`, the one object that changes: it points at the newest
 * run whose outputs are complete. It only ever moves forward (to a later runId), by a
 * compare-and-swap on its ETag, so two runs finishing together cannot move it back.
 */
import type { ObjectStore } from '../adapters/object-store';
import { CONTENT_TYPES } from '../adapters/object-store';
import { LAYOUT } from '../core/layout';
import type { Period } from '../core/types';
import { compareRunIds } from './run-id';

function currentRunId(body: Buffer): string | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null && 'runId' in value && typeof value.runId === 'string')
      return value.runId;
  } catch {
    // An unreadable pointer is replaced.
  }
  return null;
}

const MAX_ATTEMPTS = 10;

/** Points latest.json at `runId` unless a later run is already there; true when it moved. */
export async function publishLatest(store: ObjectStore, period: Period, runId: string): Promise<boolean> {
  const key = LAYOUT.latestKey(period);
  const body = `${JSON.stringify({ runId, prefix: LAYOUT.runPrefix(period, runId) }, null, 2)}\n`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await store.get(key);
    if (!current) {
      if (await store.putIfAbsent(key, body, CONTENT_TYPES.json)) return true;
      continue;
    }
    const existing = currentRunId(current.body);
    // Already ours: an earlier attempt whose answer was lost did move it.
    if (existing === runId) return true;
    if (existing !== null && compareRunIds(existing, runId) > 0) return false;
    if (current.etag !== undefined && (await store.putIfMatch(key, body, current.etag, CONTENT_TYPES.json)))
      return true;
  }
  throw new Error(`Could not update ${key}: it kept changing under ${MAX_ATTEMPTS} attempts`);
}
