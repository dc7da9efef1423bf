/**
 * The index of the previews sent, which is how a reply finds the run it answers without
 * reading every manifest (docs/EMAIL-ROUND-TRIP.md). Written only when the deployment
 * receives replies, right after a preview's batches were sent:
 *   - `reports/<p>/previews/<runId>.json`: the run, when, to whom, its SES message ids,
 *     and the render facts its email was made with (to release the stored run as it was);
 *   - `inbox/sent/<SES message id>.json` per batch: the period and run, for the reply's
 *     In-Reply-To/References.
 * Both are create-only: a preview is sent once. An entry is only a pointer; the run's own
 * folder (its pack.json, pack.xlsx) is what is acted on.
 */
import * as z from 'zod';
import { CONTENT_TYPES, type ObjectStore } from '../adapters/object-store';
import { isPeriod } from '../core/calendar';
import { LAYOUT } from '../core/layout';
import type { RenderMeta } from '../core/render/render-types';
import type { Period } from '../core/types';
import { createOnce } from '../run/create-once';
import type { BatchRecord } from '../run/manifest';
import { compareRunIds } from '../run/run-id';
import type { RunToken } from './run-token';
import type { AnsweredRun, RunLookup } from './which-run';

export interface PreviewRecord {
  period: Period;
  runId: string;
  sentAt: string;
  to: string[];
  /** SES's ids of the batches sent (lower-case, as a reply's headers are matched). */
  sesMessageIds: string[];
  subject: string;
  meta: RenderMeta;
}

const period = z.custom<Period>((value) => typeof value === 'string' && isPeriod(value));

const previewSchema = z.object({
  period,
  runId: z.string(),
  sentAt: z.string(),
  to: z.array(z.string()),
  sesMessageIds: z.array(z.string()),
  subject: z.string(),
  meta: z.object({
    runId: z.string(),
    generatedAt: z.string(),
    sources: z.array(z.string()),
    codeVersion: z.string(),
    workbookName: z.string(),
  }),
});

const sentSchema = z.object({ period, runId: z.string() });

function parsed<T>(schema: z.ZodType<T>, body: Buffer): T | null {
  try {
    const result = schema.safeParse(JSON.parse(body.toString('utf8')));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

const asJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export interface SentPreview {
  period: Period;
  runId: string;
  sentAt: Date;
  /** The run's batch records: those SES accepted are indexed. */
  batches: readonly BatchRecord[];
  meta: RenderMeta;
}

/** Indexes a preview's sent batches (nothing when none was sent). */
export async function recordPreview(store: ObjectStore, preview: SentPreview): Promise<void> {
  const sent = preview.batches.filter((b) => b.outcome === 'sent' && b.messageId !== null);
  if (!sent.length) return;
  const ids = sent.flatMap((b) => (b.messageId === null ? [] : [b.messageId.toLowerCase()]));
  const { period, runId } = preview;
  const record: PreviewRecord = {
    period,
    runId,
    sentAt: preview.sentAt.toISOString(),
    to: sent.flatMap((b) => b.recipients),
    sesMessageIds: ids,
    subject: sent[0].subject,
    meta: preview.meta,
  };
  await createOnce(store, LAYOUT.previewKey(period, runId), asJson(record), CONTENT_TYPES.json);
  for (const id of ids) await createOnce(store, LAYOUT.sentIndexKey(id), asJson({ period, runId }), CONTENT_TYPES.json);
}

/** The stored previews, as the reply side looks them up. */
export class PreviewIndex implements RunLookup {
  constructor(private readonly store: ObjectStore) {}

  async findRunBySesMessageId(sesMessageId: string): Promise<AnsweredRun | null> {
    const found = await this.store.get(LAYOUT.sentIndexKey(sesMessageId.toLowerCase()));
    const pointer = found ? parsed(sentSchema, found.body) : null;
    if (!pointer) return null;
    // The pointer is checked against the preview it names: both were written by the run.
    const preview = await this.preview(pointer.period, pointer.runId);
    return preview ? { period: preview.period, runId: preview.runId } : null;
  }

  async findRunByToken(token: RunToken): Promise<AnsweredRun | null> {
    const runId = (await this.runIds(token.period)).find((id) => id.endsWith(`-${token.suffix}`));
    return runId ? { period: token.period, runId } : null;
  }

  /** The preview's record, or null when that run sent no preview. */
  async preview(period: Period, runId: string): Promise<PreviewRecord | null> {
    if (!/^[0-9A-Za-z.-]+$/.test(runId)) return null;
    const found = await this.store.get(LAYOUT.previewKey(period, runId));
    const record = found ? parsed(previewSchema, found.body) : null;
    return record && record.period === period && record.runId === runId ? record : null;
  }

  /** The month's newest preview (run ids sort by start time), or null when none was sent. */
  async newest(period: Period): Promise<PreviewRecord | null> {
    const last = (await this.runIds(period)).sort(compareRunIds).at(-1);
    return last === undefined ? null : this.preview(period, last);
  }

  private async runIds(period: Period): Promise<string[]> {
    const listed = await this.store.list(LAYOUT.previewsPrefix(period));
    return listed.map((object) => LAYOUT.previewRunId(object.key)).filter((id): id is string => id !== null);
  }
}
