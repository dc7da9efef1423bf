/** Storing the run's outputs in its own folder, create-only. */
import { CONTENT_TYPES, type ObjectStore } from '../../adapters/object-store';
import { LAYOUT, type RUN_FILES } from '../../core/layout';
import type { Period } from '../../core/types';
import { createOnce } from '../create-once';
import type { RenderedPack } from '../pack-steps';

export interface StoreRequest {
  store: ObjectStore;
  period: Period;
  runId: string;
  rendered: RenderedPack;
  /** Called with each key once it is stored, so a failure part way still records what was. */
  onStored: (key: string) => void;
}

/** Stored in this order: pack.json first, so a folder with a page always has its data. */
export function outputsOf(rendered: RenderedPack): Array<[keyof typeof RUN_FILES, string | Buffer, string]> {
  return [
    ['json', rendered.json, CONTENT_TYPES.json],
    ['workbook', rendered.workbook, CONTENT_TYPES.xlsx],
    ['html', rendered.html, CONTENT_TYPES.html],
  ];
}

export async function storeOutputs(request: StoreRequest): Promise<string[]> {
  const { store, period, runId } = request;
  const stored: string[] = [];
  for (const [file, body, type] of outputsOf(request.rendered)) {
    const key = LAYOUT.runFileKey(period, runId, file);
    // Create-only: a run never replaces anything, its own folder included.
    await createOnce(store, key, body, type);
    stored.push(key);
    request.onStored(key);
  }
  return stored;
}
