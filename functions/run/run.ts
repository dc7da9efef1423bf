/**
 * One run of the pack, shared by the Lambda handler, the CLI and the demo:
 * config → extract → compute → render → store → latest.json → email → manifest.
 * Every message is composed and checked (recipients, size) before anything is stored or
 * sent, so a run that cannot deliver fails without moving latest.json.
 */
import type { Clock } from '../adapters/clock';
import type { Logger, LogFields } from '../adapters/logger';
import {
  assertFitsLimit,
  composeMail,
  SES_MAX_MESSAGE_BYTES,
  type ComposedMail,
  type Mailer,
} from '../adapters/mailer';
import { CONTENT_TYPES, type ObjectStore } from '../adapters/object-store';
import { neededTables, type PackConfig } from '../core/config/pack-config';
import { DeliveryError, ExtractInvalidError, UserError } from '../core/errors';
import { assertMonthEnded } from '../core/extract/period';
import { withWarnings } from '../core/extract/problems';
import { checkInputs } from '../core/input-checks';
import { readExtract } from '../core/extract/read-extract';
import { buildPack } from '../core/pack/build-pack';
import { renderEmail, renderFailureNotice } from '../core/render/email';
import type { ExtractSource } from '../core/extract/source';
import type { EmailKind, RenderMeta } from '../core/render/render-types';
import type { DataQuality, Period } from '../core/types';
import { createOnce } from './create-once';
import { DEFAULT_HOLDER_WAIT_MS, ScheduleDeliveryLedger } from './delivery-ledger';
import type { RunEvent } from './events';
import { commentsKey, describeLocation, loadComments, loadConfig, type InputLocation } from './inputs';
import { publishLatest, runPrefix } from './latest';
import { qualityCounts, type Manifest, type RunStatus } from './manifest';
import { renderPack } from './pack-steps';
import { londonDayOf, periodForSchedule } from './period';
import { allowlistedMailer, assertRecipientsAllowed, batchRecipients, type RecipientBatch } from './recipients';
import { makeRunId, randomSuffix, type Trigger } from './run-id';

/** Who gets this run's email. */
export type Delivery =
  | { mode: 'none' }
  /** To `to`, or the officers when null; marked [Preview]. */
  | { mode: 'preview'; to: string[] | null }
  /** To the distribution list; `exactlyOnce` for the month's scheduled pack. */
  | { mode: 'distribution'; kind: 'pack' | 'revised'; exactlyOnce: boolean };

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

interface DeliveryPlan {
  kind: EmailKind | null;
  batches: RecipientBatch[];
}

/** Works out the batches and checks every address against allowedDomains (nothing is sent otherwise). */
function planDelivery(delivery: Delivery, config: PackConfig): DeliveryPlan {
  const { distribution } = config;
  if (delivery.mode === 'none') return { kind: null, batches: [] };
  if (delivery.mode === 'preview') {
    const to = delivery.to ?? distribution.officers;
    assertRecipientsAllowed(to, distribution.allowedDomains, delivery.to ? 'previewTo' : 'distribution.officers');
    return { kind: 'preview', batches: batchRecipients(to, []) };
  }
  assertRecipientsAllowed(
    [...distribution.to, ...distribution.cc],
    distribution.allowedDomains,
    'the distribution list',
  );
  return { kind: delivery.kind, batches: batchRecipients(distribution.to, distribution.cc) };
}

function describeDelivery(delivery: Delivery): string {
  return delivery.mode === 'distribution' ? delivery.kind : delivery.mode;
}

function workbookName(config: PackConfig, period: Period): string {
  const slug = config.authority
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'indicator'}-pack-${period}.xlsx`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}

export async function runPack(request: RunRequest, deps: RunDeps): Promise<RunResult> {
  const { store, clock } = deps;
  const { period } = request;
  const startedAt = clock.now();
  const runId = makeRunId(startedAt, request.trigger, (deps.runIdSuffix ?? randomSuffix)());
  const prefix = runPrefix(period, runId);
  const log = deps.logger.child({ runId, period, trigger: request.trigger });
  const progress = deps.onProgress ?? (() => undefined);
  const maxBytes = deps.maxMessageBytes ?? SES_MAX_MESSAGE_BYTES;

  const manifest: Manifest = {
    runId,
    period,
    trigger: request.trigger,
    requestedBy: request.requestedBy,
    reason: request.reason,
    scheduledTime: request.scheduledTime,
    delivery: describeDelivery(request.delivery),
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    status: 'failed',
    codeVersion: deps.codeVersion,
    configSha256: null,
    inputs: [],
    tables: [],
    outputs: [],
    latestUpdated: false,
    batches: [],
    failureNotice: null,
    dataQuality: null,
    error: null,
  };

  /** Runs one stage, logging one line with its time and counts. */
  async function stage<T>(
    name: string,
    work: () => Promise<T> | T,
    fields: (result: T) => LogFields = () => ({}),
  ): Promise<T> {
    const began = Date.now();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      failedStage ??= name;
      throw error;
    }
    log.info('stage', { stage: name, ms: Date.now() - began, ...fields(result) });
    return result;
  }

  log.info('run-started', { delivery: manifest.delivery, requestedBy: request.requestedBy });
  let config: PackConfig | null = null;
  let quality: DataQuality | null = null;
  let failure: Error | null = null;
  /** The stage that threw, for the manifest. */
  let failedStage: string | null = null;

  try {
    assertMonthEnded(period, londonDayOf(clock.now()));
    const mailer = deps.mailer;
    if (request.delivery.mode !== 'none' && !mailer)
      throw new UserError('This run was asked to send email but has no mailer configured.');

    const loaded = await stage(
      'config',
      () => loadConfig(deps.config),
      (r) => ({ key: r.input.key, bytes: r.input.size }),
    );
    const packConfig = loaded.config;
    config = packConfig;
    manifest.inputs.push(loaded.input);
    manifest.configSha256 = loaded.input.sha256;
    progress(`configuration read: ${describeLocation(deps.config)}`);

    const plan = planDelivery(request.delivery, packConfig);
    const ledger =
      request.delivery.mode === 'distribution' && request.delivery.exactlyOnce
        ? new ScheduleDeliveryLedger(store, period, clock, {
            leaseMs: deps.leaseMs,
            deadline: deps.deadline ?? null,
            holderWaitMs: deps.holderWaitMs ?? DEFAULT_HOLDER_WAIT_MS,
          })
        : null;

    if (ledger) {
      const sent = await ledger.sentBatches();
      if (plan.batches.every((batch) => sent.has(batch.index))) {
        manifest.status = 'duplicate-skipped';
        log.info('duplicate-skipped', { batches: plan.batches.length });
        progress(`the ${period} scheduled pack was already sent; nothing to do`);
        return await finish();
      }
    }

    const commentsLocation = deps.comments ?? { store, key: commentsKey(period) };
    const comments = await stage(
      'comments',
      () => loadComments(commentsLocation),
      (r) => ({ found: r !== null }),
    );
    if (comments) {
      manifest.inputs.push(comments.input);
      progress(`comments read: ${describeLocation(commentsLocation)}`);
    }

    const source = deps.extractSource(period);
    const commentProblems = comments?.problems ?? [];
    const read = await stage(
      'read-extract',
      () =>
        readExtract(source, {
          period,
          neededTables: neededTables(packConfig),
          onTable: (table) => progress(`read ${table.file}: ${plural(table.rows, 'row')}`),
        }),
      (r) => ({
        files: r.inputs.length,
        rows: r.tables.reduce((n, t) => n + t.rows, 0),
        errors: r.quality.errors.length,
        warnings: r.quality.warnings.length,
      }),
    );
    quality = await stage('check-inputs', () =>
      checkInputs(withWarnings(read.quality, commentProblems), { config: packConfig, period, extract: read.extract }),
    );
    manifest.inputs.push(...read.inputs);
    manifest.tables = read.tables;
    const readQuality = quality;
    manifest.dataQuality = qualityCounts(readQuality);
    if (!read.extract || manifest.dataQuality.errors > 0) {
      throw new ExtractInvalidError(
        `The extract at ${source.description} has ` +
          `${plural(manifest.dataQuality.errors, 'error')}; the pack was not produced.`,
        readQuality,
      );
    }
    const extract = read.extract;

    const indicatorCount = packConfig.sections.reduce((n, s) => n + s.indicators.length, 0);
    const pack = await stage(
      'compute',
      () =>
        buildPack({ extract, config: packConfig, period, quality: readQuality, comments: comments?.comments ?? null }),
      (p) => ({
        sections: p.sections.length,
        indicators: indicatorCount,
      }),
    );
    manifest.dataQuality = qualityCounts(pack.dataQuality);
    progress(`computed ${plural(indicatorCount, 'indicator')}`);

    const meta: RenderMeta = {
      runId,
      generatedAt: startedAt.toISOString(),
      sources: [source.description, describeLocation(deps.config)],
      codeVersion: deps.codeVersion,
    };
    const rendered = await stage(
      'render',
      () => renderPack(pack, meta),
      (r) => ({ htmlBytes: Buffer.byteLength(r.html), workbookBytes: r.workbook.length }),
    );
    progress('rendered pack.html, pack.xlsx, pack.json');

    const messages = await stage(
      'compose',
      async () => {
        if (!plan.kind) return [];
        const email = renderEmail(pack, meta, plan.kind);
        const attachment = {
          filename: workbookName(packConfig, period),
          content: rendered.workbook,
          contentType: CONTENT_TYPES.xlsx,
        };
        const composed: Array<{ batch: RecipientBatch; mail: ComposedMail; subject: string }> = [];
        for (const batch of plan.batches) {
          const mail = await composeMail(
            {
              from: packConfig.distribution.from,
              to: batch.to,
              cc: batch.cc,
              subject: email.subject,
              html: email.html,
              text: email.text,
              attachments: [attachment],
            },
            clock.now(),
          );
          assertFitsLimit(mail, maxBytes, 'email');
          composed.push({ batch, mail, subject: email.subject });
        }
        return composed;
      },
      (m) => ({ messages: m.length, largestBytes: Math.max(0, ...m.map((x) => x.mail.raw.length)) }),
    );

    await stage(
      'store',
      async () => {
        const outputs: Array<[string, string | Buffer, string]> = [
          ['pack.json', rendered.json, CONTENT_TYPES.json],
          ['pack.xlsx', rendered.workbook, CONTENT_TYPES.xlsx],
          ['pack.html', rendered.html, CONTENT_TYPES.html],
        ];
        for (const [name, body, type] of outputs) {
          const key = `${prefix}${name}`;
          // Create-only: a run never replaces anything, its own folder included.
          await createOnce(store, key, body, type);
          manifest.outputs.push(key);
        }
        manifest.latestUpdated = await publishLatest(store, period, runId);
      },
      () => ({ outputs: manifest.outputs.length, latestUpdated: manifest.latestUpdated }),
    );
    const latest = manifest.latestUpdated ? 'now the latest' : 'a later run is the latest';
    progress(`stored ${store.description}${prefix} (${latest})`);

    await stage(
      'send',
      async () => {
        if (!mailer) return;
        // Checked again at the last moment: no path to the mailer skips the allowlist.
        const guarded = allowlistedMailer(mailer, packConfig.distribution.allowedDomains);
        for (const { batch, mail, subject } of messages) {
          const recipients = mail.recipients;
          let takenOver = false;
          if (ledger) {
            const outcome = await ledger.claim(batch.index, runId, recipients);
            if (outcome === 'already-sent' || outcome === 'held-by-other') {
              manifest.batches.push({
                index: batch.index,
                recipients,
                outcome,
                takenOver: false,
                messageId: null,
                subject,
              });
              continue;
            }
            takenOver = outcome === 'taken-over';
          }
          let messageId: string;
          try {
            messageId = await guarded.send(mail);
          } catch (error) {
            // SES refused it (after its retries): give the batch up so the event's retry sends it now.
            if (ledger && !(await ledger.release(batch.index, runId).catch(() => false)))
              log.warn('claim-not-released', { batch: batch.index });
            manifest.batches.push({
              index: batch.index,
              recipients,
              outcome: 'failed',
              takenOver,
              messageId: null,
              subject,
            });
            throw error;
          }
          manifest.batches.push({ index: batch.index, recipients, outcome: 'sent', takenOver, messageId, subject });
          if (ledger)
            await ledger.markSent({
              runId,
              sentAt: clock.now().toISOString(),
              batch: batch.index,
              messageId,
              recipients,
            });
          progress(
            `sent batch ${batch.index + 1} of ${messages.length} to ` +
              `${plural(recipients.length, 'recipient')} (${messageId})`,
          );
        }
      },
      () => ({
        sent: manifest.batches.filter((b) => b.outcome === 'sent').length,
        skipped: manifest.batches.filter((b) => b.outcome !== 'sent').length,
      }),
    );

    // A batch another run still holds is not known to be delivered: fail, so the event is retried.
    const held = manifest.batches.filter((b) => b.outcome === 'held-by-other');
    if (held.length) {
      throw new DeliveryError(
        `Batch ${held.map((b) => b.index + 1).join(', ')} of the ${period} ` +
          'scheduled pack is claimed by another run that has not finished sending it; ' +
          'this run did not send it and will be retried.',
      );
    }

    const sentCount = manifest.batches.filter((b) => b.outcome === 'sent').length;
    manifest.status = plan.kind === null ? 'stored' : sentCount > 0 ? 'sent' : 'duplicate-skipped';
    return await finish();
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    manifest.status = 'failed';
    manifest.error = { name: failure.name, message: failure.message, stage: failedStage };
    log.error('run-failed', { error: failure.name, stage: failedStage, userError: failure instanceof UserError });
    if (failure instanceof ExtractInvalidError) quality = failure.quality;
    await sendFailureNotice(failure);
    return await finish();
  }

  /** Tells the officers what failed (never the distribution list). Best effort: the manifest records the outcome. */
  async function sendFailureNotice(error: Error): Promise<void> {
    if (!config || !deps.mailer) return;
    const officers = config.distribution.officers;
    manifest.failureNotice = { recipients: officers, messageId: null, error: null };
    try {
      assertRecipientsAllowed(officers, config.distribution.allowedDomains, 'distribution.officers');
      const notice = renderFailureNotice({ title: config.title, period, runId, reason: error.message, quality });
      const mail = await composeMail(
        {
          from: config.distribution.from,
          to: officers,
          cc: [],
          subject: notice.subject,
          html: notice.html,
          text: notice.text,
          attachments: [],
        },
        clock.now(),
      );
      assertFitsLimit(mail, maxBytes, 'failure notice');
      manifest.failureNotice.messageId = await deps.mailer.send(mail);
      progress(`failure notice sent to ${officers.join(', ')}`);
    } catch (noticeError) {
      manifest.failureNotice.error = noticeError instanceof Error ? noticeError.message : String(noticeError);
      log.error('failure-notice-failed', { error: noticeError instanceof Error ? noticeError.name : 'unknown' });
    }
  }

  async function finish(): Promise<RunResult> {
    manifest.finishedAt = clock.now().toISOString();
    const key = `${prefix}manifest.json`;
    await createOnce(store, key, `${JSON.stringify(manifest, null, 2)}\n`, CONTENT_TYPES.json);
    log.info('run-finished', {
      status: manifest.status,
      outputs: manifest.outputs.length,
      batches: manifest.batches.length,
    });
    return { runId, period, status: manifest.status, prefix, manifest, error: failure, quality };
  }
}
