/**
 * Storing the run's outputs in its own folder, create-only; and, once its delivery has
 * succeeded (or none was asked for), publishing it as the month's latest.json.
 */
import { CONTENT_TYPES, type ObjectStore } from '../../adapters/object-store';
import { LAYOUT, type RUN_FILES } from '../../core/layout';
import type { Period } from '../../core/types';
import { createOnce } from '../create-once';
import type { ScheduleDeliveryLedger } from '../delivery-ledger';
import { publishLatest } from '../latest';
import { compareRunIds } from '../run-id';
import type { RenderedPack } from '../pack-steps';

export interface StoreRequest {
  store: ObjectStore;
  period: Period;
  runId: string;
  /** The stored forms; the view model is not stored. */
  rendered: Omit<RenderedPack, 'view'>;
  /** Called with each key once it is stored, so a failure part way still records what was. */
  onStored: (key: string) => void;
}

/** Stored in this order: pack.json first, so a folder with a page always has its data. */
export function outputsOf(
  rendered: Omit<RenderedPack, 'view'>,
): Array<[keyof typeof RUN_FILES, string | Buffer, string]> {
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

/** True when latest.json now points at this run (false: a later run is already there). */
export function publishRun(store: ObjectStore, period: Period, runId: string): Promise<boolean> {
  return publishLatest(store, period, runId);
}

/**
 * For a month whose scheduled pack was already delivered: points latest.json at the last
 * run that delivered it, in case that run stopped before publishing (a failed or killed
 * write of latest.json after the send). The run whose receipts these are stored its
 * outputs before it sent. Returns that run's id, or null when no receipt names one.
 */
export async function publishLastSender(
  store: ObjectStore,
  period: Period,
  ledger: ScheduleDeliveryLedger,
): Promise<string | null> {
  const senders = (await ledger.senders()).sort(compareRunIds);
  const last = senders.at(-1) ?? null;
  if (last !== null) await publishLatest(store, period, last);
  return last;
}
