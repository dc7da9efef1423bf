/** Writing the run's manifest.json, last, create-only, in its own folder — for failed and skipped runs too. */
import { CONTENT_TYPES, type ObjectStore } from '../../adapters/object-store';
import { LAYOUT } from '../../core/layout';
import type { Manifest } from '../manifest';
import { createOnce } from '../create-once';

export async function recordManifest(store: ObjectStore, manifest: Manifest): Promise<string> {
  const key = LAYOUT.runFileKey(manifest.period, manifest.runId, 'manifest');
  await createOnce(store, key, `${JSON.stringify(manifest, null, 2)}\n`, CONTENT_TYPES.json);
  return key;
}
