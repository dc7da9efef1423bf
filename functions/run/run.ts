/**
 * One run of the pack, shared by the Lambda handler, the CLI and the demo, as its steps:
 * load inputs → read and validate → compute → render → store → deliver → publish →
 * record (run-stages.ts, steps/*.ts and delivery.ts). Every message is composed and checked (recipients,
 * size) before anything is stored or sent; latest.json moves only once the outputs are
 * stored and the delivery succeeded, so a run that cannot deliver leaves it where it was.
 * A failed run tells the officers and still records its manifest.
 */
import type { Clock } from '../adapters/clock';
import type { Logger } from '../adapters/logger';
import { SES_MAX_MESSAGE_BYTES, type Mailer } from '../adapters/mailer';
import type { ObjectStore } from '../adapters/object-store';
import type { PackConfig } from '../core/config/pack-config';
import { ExtractInvalidError, UserError } from '../core/errors';
import { assertMonthEnded } from '../core/extract/period';
import { LAYOUT } from '../core/layout';
import type { ExtractSource } from '../core/extract/source';
import type { DataQuality, Period } from '../core/types';
import { assertNoneHeld, deliveredStatus, describeDelivery, type Delivery } from './delivery';
import type { RunEvent } from './events';
import type { InputLocation } from './inputs';
import type { Manifest, RunStatus } from './manifest';
import { londonDayOf, periodForSchedule } from './period';
import { makeRunId, randomSuffix, type Trigger } from './run-id';
import { RunRecorder } from './run-record';
import * as stages from './run-stages';
import { sendFailureNotice } from './steps/failure-notice';
import { recordManifest } from './steps/record';
import { stageRunner } from './steps/stage';

export type { Delivery };

export interface RunRequest {
  period: Period;
  trigger: Trigger;
  requestedBy: string | null;
  reason: string | null;
  scheduledTime: string | null;
  delivery: Delivery;
}

export interface RunDeps {
  /** Where outputs, delivery markers and (by default) comments live. */
  store: ObjectStore;
  config: InputLocation;
  /** The month's supplied comments; by default `comments/<YYYY-MM>.json` in `store`. */
  comments?: InputLocation;
  extractSource(period: Period): ExtractSource;
  /** The published figures the pack is compared with (`benchmarks/`); absent: none, every benchmark is null. */
  benchmarks?: ExtractSource;
  /** Null when this run may not send anything (the CLI without --send/--preview). */
  mailer: Mailer | null;
  clock: Clock;
  logger: Logger;
  codeVersion: string;
  runIdSuffix?: () => string;
  /** How long a delivery claim holds when the invocation's deadline is unknown. */
  leaseMs?: number;
  /** When this invocation will be stopped (Lambda's deadline): a claim holds until just after it. */
  deadline?: Date | null;
  /** How long to wait for another live run's receipt for a batch before giving up (and failing, to be retried). */
  holderWaitMs?: number;
  /** SES's raw message limit after base64; injectable so a test can prove the failure. */
  maxMessageBytes?: number;
  /**
   * The deployment's receiving address (SES email receiving): the preview's Reply-To, and
   * the sign that replies are read, so the preview says to reply and is indexed for it.
   * Null or absent: the preview's instructions name the CLI instead.
   */
  receivingAddress?: string | null;
  /** Human progress lines (the CLI prints them on stderr). */
  onProgress?: (line: string) => void;
}

export interface RunResult {
  runId: string;
  period: Period;
  status: RunStatus;
  prefix: string;
  manifest: Manifest;
  /** Why the run failed; null otherwise. */
  error: Error | null;
  /** The data-quality report, when the extract was read. */
  quality: DataQuality | null;
}

export function requestFromEvent(event: RunEvent): RunRequest {
  if (event.trigger === 'schedule') {
    return {
      period: periodForSchedule(new Date(event.scheduledTime)),
      trigger: 'schedule',
      requestedBy: 'schedule',
      reason: null,
      scheduledTime: event.scheduledTime,
      delivery: { mode: 'distribution', kind: 'pack', exactlyOnce: true },
    };
  }
  const delivery: Delivery =
    event.send === 'none'
      ? { mode: 'none' }
      : event.send === 'preview'
        ? { mode: 'preview', to: event.previewTo ?? null }
        : { mode: 'distribution', kind: 'revised', exactlyOnce: false };
  return {
    period: event.period,
    trigger: 'rerun',
    requestedBy: event.requestedBy,
    reason: event.reason,
    scheduledTime: null,
    delivery,
  };
}

export async function runPack(request: RunRequest, deps: RunDeps): Promise<RunResult> {
  const { clock } = deps;
  const { period } = request;
  const startedAt = clock.now();
  const runId = makeRunId(startedAt, request.trigger, (deps.runIdSuffix ?? randomSuffix)());
  const log = deps.logger.child({ runId, period, trigger: request.trigger });
  const progress = deps.onProgress ?? (() => undefined);
  const maxMessageBytes = deps.maxMessageBytes ?? SES_MAX_MESSAGE_BYTES;
  const record = new RunRecorder({
    runId,
    period,
    trigger: request.trigger,
    requestedBy: request.requestedBy,
    reason: request.reason,
    scheduledTime: request.scheduledTime,
    delivery: describeDelivery(request.delivery),
    startedAt: startedAt.toISOString(),
    codeVersion: deps.codeVersion,
  });
  const stage = stageRunner(log);
  const ctx: stages.RunContext = {
    request,
    deps,
    runId,
    period,
    startedAt,
    log,
    record,
    stage,
    progress,
    maxMessageBytes,
  };
  log.info('run-started', { delivery: describeDelivery(request.delivery), requestedBy: request.requestedBy });
  let config: PackConfig | null = null;

  try {
    assertMonthEnded(period, londonDayOf(clock.now()));
    if (request.delivery.mode !== 'none' && !deps.mailer)
      throw new UserError('This run was asked to send email but has no mailer configured.');

    config = await stages.loadConfig(ctx);
    const loaded = stages.planFor(ctx, config);
    if (await stages.skipDuplicate(ctx, loaded)) return await finish(null);
    const comments = await stages.loadComments(ctx, loaded.config);
    const { pack, sourceName } = await stages.readAndCompute(ctx, loaded.config, comments);
    const rendered = await stages.render(ctx, loaded, pack, sourceName);
    await stages.store(ctx, rendered);
    await stages.deliver(ctx, loaded, rendered);
    const batches = record.batches();
    assertNoneHeld(batches, period);
    await stages.publish(ctx);
    record.finished(deliveredStatus(loaded.plan, batches));
    return await finish(null);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    record.failed(failure, stage.failed);
    log.error('run-failed', { error: failure.name, stage: stage.failed, userError: failure instanceof UserError });
    if (failure instanceof ExtractInvalidError) record.refusedQuality(failure.quality);
    if (config && deps.mailer) {
      const notice = await sendFailureNotice({
        config,
        mailer: deps.mailer,
        period,
        runId,
        error: failure,
        quality: record.quality,
        clock,
        maxMessageBytes,
        log,
        receiving: Boolean(deps.receivingAddress),
      });
      record.failureNotice(notice);
      if (notice.messageId !== null) progress(`failure notice sent to ${notice.recipients.join(', ')}`);
    }
    return await finish(failure);
  }

  /** Record: the manifest, written last. */
  async function finish(failure: Error | null): Promise<RunResult> {
    const manifest = record.close(clock.now());
    await recordManifest(deps.store, manifest);
    const counts = record.counts();
    log.info('run-finished', { status: manifest.status, outputs: counts.outputs, batches: counts.batches });
    const prefix = LAYOUT.runPrefix(period, runId);
    return { runId, period, status: manifest.status, prefix, manifest, error: failure, quality: record.quality };
  }
}
