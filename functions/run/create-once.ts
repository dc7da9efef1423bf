/**
 * Writing one of a run's own objects (its outputs, its manifest) exactly once.
 * The write is create-only, so nothing already stored is ever replaced. When the create
 * is refused because the key exists, there are two cases: our own earlier attempt
 * succeeded but its answer was lost (a reset or a timeout after S3 stored it, and the
 * SDK's retry then met the object) — the bytes are ours, so the write is done; or
 * something else is there, which is a real clash and fails the run.
 */
import type { ObjectStore } from '../adapters/object-store';

export async function createOnce(
  store: ObjectStore,
  key: string,
  body: string | Buffer,
  contentType: string,
): Promise<void> {
  if (await store.putIfAbsent(key, body, contentType)) return;
  const existing = await store.get(key);
  if (existing && existing.body.equals(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)) return;
  throw new Error(`${store.description}${key} already exists with other content; refusing to overwrite it`);
}
