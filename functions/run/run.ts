/**
 * One run of the pack, shared by the Lambda handler, the CLI and the demo, as its steps:
 * load inputs → read and validate → compute → render → store → deliver → publish →
 * record (steps/*.ts and delivery.ts). Every message is composed and checked (recipients,
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
import type { RenderMeta } from '../core/render/render-types';
import { workbookName } from '../core/render/workbook-name';
import type { DataQuality, Period } from '../core/types';
import {
  alreadyDelivered,
  assertNoneHeld,
  deliveredStatus,
  deliveryFor,
  describeDelivery,
  ledgerFor,
  planDelivery,
  sendBatches,
  type Delivery,
} from './delivery';
import type { RunEvent } from './events';
import type { InputLocation } from './inputs';
import type { Manifest, RunStatus } from './manifest';
import { londonDayOf, periodForSchedule } from './period';
import { makeRunId, randomSuffix, type Trigger } from './run-id';
import { RunRecorder } from './run-record';
import { computePack } from './steps/compute';
import { loadBenchmarkInput } from './steps/load-benchmarks';
import { sendFailureNotice } from './steps/failure-notice';
import { commentsLocation, loadCommentsInput, loadConfigInput } from './steps/load-inputs';
import { readAndValidate } from './steps/read-and-validate';
import { recordManifest } from './steps/record';
import { recordPreview } from '../inbound/preview-index';
import { composeMessages, renderOutputs } from './steps/render';
import { stageRunner } from './steps/stage';
import { publishLastSender, publishRun, storeOutputs } from './steps/store';

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

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}

export async function runPack(request: RunRequest, deps: RunDeps): Promise<RunResult> {
  const { store, clock } = deps;
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
  log.info('run-started', { delivery: describeDelivery(request.delivery), requestedBy: request.requestedBy });
  let config: PackConfig | null = null;

  try {
    assertMonthEnded(period, londonDayOf(clock.now()));
    const { mailer } = deps;
    if (request.delivery.mode !== 'none' && !mailer)
      throw new UserError('This run was asked to send email but has no mailer configured.');

    // Load inputs: the configuration, the delivery it implies, then the comments.
    const loaded = await stage(
      'config',
      () => loadConfigInput(deps.config),
      (r) => ({ key: r.input.key, bytes: r.input.size }),
    );
    config = loaded.config;
    record.configRead(loaded.input);
    progress(loaded.progress);
    // With approval required, the schedule previews to the officers; the ledger still
    // tells whether an APPROVE already released the month's pack.
    const delivery = deliveryFor(request.delivery, request.trigger, loaded.config);
    const plan = planDelivery(delivery, loaded.config);
    const ledger = ledgerFor(request.delivery, store, period, clock, deps);
    if (ledger && (await alreadyDelivered(ledger, plan))) {
      const sender = await stage('publish', () => publishLastSender(store, period, ledger));
      log.info('latest-published', { runId: sender });
      record.finished('duplicate-skipped');
      log.info('duplicate-skipped', { batches: plan.batches.length });
      progress(`the ${period} scheduled pack was already sent; nothing to do`);
      return await finish(null);
    }
    const comments = await stage(
      'comments',
      () => loadCommentsInput(commentsLocation(deps.comments, store, period), loaded.config),
      (r) => ({ found: r.comments !== null }),
    );
    record.inputsRead(comments.inputs);
    if (comments.progress) progress(comments.progress);

    // Read and validate.
    const source = deps.extractSource(period);
    const read = await stage(
      'read-extract',
      () =>
        readAndValidate({
          source,
          period,
          config: loaded.config,
          commentProblems: comments.problems,
          onProgress: progress,
        }),
      (r) => ({
        files: r.inputs.length,
        rows: r.tables.reduce((n, t) => n + t.rows, 0),
        errors: r.quality.errors.length,
        warnings: r.quality.warnings.length,
      }),
    );
    record.extractRead(read.inputs, read.tables, read.quality);
    if (!read.extract) throw read.refusal ?? new Error('The extract was refused');
    const extract = read.extract;

    const benchmarks = await stage(
      'benchmarks',
      () => loadBenchmarkInput(deps.benchmarks),
      (b) => ({ files: b.files.length, found: b.benchmarks.data !== null }),
    );
    if (benchmarks.progress) progress(benchmarks.progress);

    // Compute.
    const computed = await stage(
      'compute',
      () =>
        computePack({
          extract,
          config: loaded.config,
          period,
          quality: read.quality,
          comments: comments.comments,
          benchmarks: benchmarks.benchmarks,
        }),
      (c) => ({ sections: c.pack.sections.length, indicators: c.indicators }),
    );
    const { pack } = computed;
    record.packQuality(pack.dataQuality);
    progress(`computed ${plural(computed.indicators, 'indicator')}`);

    // Render: the stored forms, then the messages.
    const meta: RenderMeta = {
      runId,
      generatedAt: startedAt.toISOString(),
      // Keys or file names only: the pack is emailed, and must not carry the officer's local paths.
      sources: [source.name, deps.config.key],
      codeVersion: deps.codeVersion,
      workbookName: workbookName(loaded.config.authority, period),
    };
    const rendered = await stage(
      'render',
      () => renderOutputs(pack, meta),
      (r) => ({ htmlBytes: Buffer.byteLength(r.html), workbookBytes: r.workbook.length }),
    );
    progress('rendered pack.html, pack.xlsx, pack.json');
    const messages = await stage(
      'compose',
      () =>
        composeMessages({
          view: rendered.view,
          config: loaded.config,
          plan,
          workbook: rendered.workbook,
          clock,
          maxMessageBytes,
          receivingAddress: deps.receivingAddress ?? null,
          changedComments: delivery.mode === 'preview' ? (delivery.changedComments ?? null) : null,
        }),
      (m) => ({ messages: m.length, largestBytes: Math.max(0, ...m.map((x) => x.mail.raw.length)) }),
    );

    // Store.
    await stage(
      'store',
      () => storeOutputs({ store, period, runId, rendered, onStored: (key) => record.outputStored(key) }),
      (keys) => ({ outputs: keys.length }),
    );
    progress(`stored ${store.description}${LAYOUT.runPrefix(period, runId)}`);

    // Deliver.
    await stage(
      'send',
      async () => {
        if (!mailer) return;
        const { allowedDomains } = loaded.config.distribution;
        const sendLedger = delivery === request.delivery ? ledger : null;
        const sent = await sendBatches({
          messages,
          mailer,
          allowedDomains,
          ledger: sendLedger,
          runId,
          clock,
          log,
          progress,
        });
        record.batchesDealt(sent.batches);
        if (sent.error !== null) throw sent.error;
        if (plan.kind === 'preview' && deps.receivingAddress)
          await recordPreview(store, { period, runId, sentAt: clock.now(), batches: sent.batches, meta });
      },
      () => ({ sent: record.counts().sent, skipped: record.counts().skipped }),
    );
    const batches = record.batches();
    assertNoneHeld(batches, period);

    // Publish: only a run whose outputs and delivery succeeded becomes the latest.
    const latestMoved = await stage(
      'publish',
      () => publishRun(store, period, runId),
      (moved) => ({ latestUpdated: moved }),
    );
    record.latestMoved(latestMoved);
    progress(latestMoved ? 'now the latest pack for the month' : 'a later run is the latest pack for the month');
    record.finished(deliveredStatus(plan, batches));
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
    await recordManifest(store, manifest);
    const counts = record.counts();
    log.info('run-finished', { status: manifest.status, outputs: counts.outputs, batches: counts.batches });
    const prefix = LAYOUT.runPrefix(period, runId);
    return { runId, period, status: manifest.status, prefix, manifest, error: failure, quality: record.quality };
  }
}
