/**
 * The stages of one run (run.ts), each with what it logs, records in the manifest and
 * reports as progress, so that runPack reads as the step list.
 */
import type { Logger } from '../adapters/logger';
import type { PackConfig } from '../core/config/pack-config';
import { LAYOUT } from '../core/layout';
import type { RenderMeta } from '../core/render/render-types';
import { workbookName } from '../core/render/workbook-name';
import type { Period } from '../core/types';
import { recordPreview } from '../inbound/preview-index';
import { alreadyDelivered, deliveryFor, ledgerFor, planDelivery, sendBatches } from './delivery';
import type { RunDeps, RunRequest } from './run';
import type { RunRecorder } from './run-record';
import { computePack } from './steps/compute';
import { loadBenchmarkInput } from './steps/load-benchmarks';
import { commentsLocation, loadCommentsInput, loadConfigInput } from './steps/load-inputs';
import { readAndValidate } from './steps/read-and-validate';
import { composeMessages, renderOutputs } from './steps/render';
import type { StageRunner } from './steps/stage';
import { publishLastSender, publishRun, storeOutputs } from './steps/store';

/** What every stage of a run shares. */
export interface RunContext {
  request: RunRequest;
  deps: RunDeps;
  runId: string;
  period: Period;
  startedAt: Date;
  log: Logger;
  record: RunRecorder;
  stage: StageRunner;
  progress: (line: string) => void;
  maxMessageBytes: number;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}

/** Loads the configuration. */
export async function loadConfig(ctx: RunContext): Promise<PackConfig> {
  const loaded = await ctx.stage(
    'config',
    () => loadConfigInput(ctx.deps.config),
    (r) => ({ key: r.input.key, bytes: r.input.size }),
  );
  ctx.record.configRead(loaded.input);
  ctx.progress(loaded.progress);
  return loaded.config;
}

/** The delivery the configuration implies (and the ledger of an exactly-once one). */
export function planFor(ctx: RunContext, config: PackConfig) {
  const { request, deps } = ctx;
  // With approval required, the schedule previews to the officers; the ledger still
  // tells whether an APPROVE already released the month's pack.
  const delivery = deliveryFor(request.delivery, request.trigger, config);
  const plan = planDelivery(delivery, config);
  const ledger = ledgerFor(request.delivery, deps.store, ctx.period, deps.clock, deps);
  return { config, delivery, plan, ledger };
}

export type LoadedConfig = ReturnType<typeof planFor>;

/** True (after publishing the run that sent it) when the month's exactly-once pack already went out. */
export async function skipDuplicate(ctx: RunContext, { plan, ledger }: LoadedConfig): Promise<boolean> {
  if (!ledger || !(await alreadyDelivered(ledger, plan))) return false;
  const sender = await ctx.stage('publish', () => publishLastSender(ctx.deps.store, ctx.period, ledger));
  ctx.log.info('latest-published', { runId: sender });
  ctx.record.finished('duplicate-skipped');
  ctx.log.info('duplicate-skipped', { batches: plan.batches.length });
  ctx.progress(`the ${ctx.period} scheduled pack was already sent; nothing to do`);
  return true;
}

export async function loadComments(ctx: RunContext, config: PackConfig) {
  const { deps, period } = ctx;
  const comments = await ctx.stage(
    'comments',
    () => loadCommentsInput(commentsLocation(deps.comments, deps.store, period), config),
    (r) => ({ found: r.comments !== null }),
  );
  ctx.record.inputsRead(comments.inputs);
  if (comments.progress) ctx.progress(comments.progress);
  return comments;
}

export type LoadedComments = Awaited<ReturnType<typeof loadComments>>;

/** Reads and validates the extract; a refused one throws. */
async function readAndCheckExtract(ctx: RunContext, config: PackConfig, comments: LoadedComments) {
  const source = ctx.deps.extractSource(ctx.period);
  const read = await ctx.stage(
    'read-extract',
    () =>
      readAndValidate({
        source,
        period: ctx.period,
        config,
        commentProblems: comments.problems,
        onProgress: ctx.progress,
      }),
    (r) => ({
      files: r.inputs.length,
      rows: r.tables.reduce((n, t) => n + t.rows, 0),
      errors: r.quality.errors.length,
      warnings: r.quality.warnings.length,
    }),
  );
  ctx.record.extractRead(read.inputs, read.tables, read.quality);
  if (!read.extract) throw read.refusal ?? new Error('The extract was refused');
  return { source, extract: read.extract, quality: read.quality };
}

type ReadExtract = Awaited<ReturnType<typeof readAndCheckExtract>>;

/** Computes the pack, with the published figures in `benchmarks/` it is compared with (none: null benchmarks). */
async function compute(ctx: RunContext, config: PackConfig, read: ReadExtract, comments: LoadedComments) {
  const benchmarks = await ctx.stage(
    'benchmarks',
    () => loadBenchmarkInput(ctx.deps.benchmarks),
    (b) => ({ files: b.files.length, found: b.benchmarks.data !== null }),
  );
  if (benchmarks.progress) ctx.progress(benchmarks.progress);
  const computed = await ctx.stage(
    'compute',
    () =>
      computePack({
        extract: read.extract,
        config,
        period: ctx.period,
        quality: read.quality,
        comments: comments.comments,
        benchmarks: benchmarks.benchmarks,
      }),
    (c) => ({ sections: c.pack.sections.length, indicators: c.indicators }),
  );
  ctx.record.packQuality(computed.pack.dataQuality);
  ctx.progress(`computed ${plural(computed.indicators, 'indicator')}`);
  return computed.pack;
}

type Pack = Awaited<ReturnType<typeof compute>>;

/**
 * Reads the extract and computes the pack. Only the pack and the source's name leave it, so the extract (nationally
 * hundreds of MB) is garbage before rendering starts and the renderers' memory does not stack on it.
 */
export async function readAndCompute(ctx: RunContext, config: PackConfig, comments: LoadedComments) {
  const read = await readAndCheckExtract(ctx, config, comments);
  return { pack: await compute(ctx, config, read, comments), sourceName: read.source.name };
}

/** Renders the stored forms, then composes the messages. */
export async function render(ctx: RunContext, loaded: LoadedConfig, pack: Pack, sourceName: string) {
  const { deps } = ctx;
  const { config, delivery, plan } = loaded;
  const meta: RenderMeta = {
    runId: ctx.runId,
    generatedAt: ctx.startedAt.toISOString(),
    // Keys or file names only: the pack is emailed, and must not carry the officer's local paths.
    sources: [sourceName, deps.config.key],
    codeVersion: deps.codeVersion,
    workbookName: workbookName(config.authority, ctx.period),
  };
  const rendered = await ctx.stage(
    'render',
    () => renderOutputs(pack, meta),
    (r) => ({ htmlBytes: Buffer.byteLength(r.html), workbookBytes: r.workbook.length }),
  );
  ctx.progress('rendered pack.html, pack.xlsx, pack.json');
  const messages = await ctx.stage(
    'compose',
    () =>
      composeMessages({
        view: rendered.view,
        config,
        plan,
        workbook: rendered.workbook,
        clock: deps.clock,
        maxMessageBytes: ctx.maxMessageBytes,
        receivingAddress: deps.receivingAddress ?? null,
        changedComments: delivery.mode === 'preview' ? (delivery.changedComments ?? null) : null,
      }),
    (m) => ({ messages: m.length, largestBytes: Math.max(0, ...m.map((x) => x.mail.raw.length)) }),
  );
  return { meta, rendered, messages };
}

type Rendered = Awaited<ReturnType<typeof render>>;

export async function store(ctx: RunContext, { rendered }: Rendered): Promise<void> {
  const { store: objects } = ctx.deps;
  const { period, runId, record } = ctx;
  await ctx.stage(
    'store',
    () => storeOutputs({ store: objects, period, runId, rendered, onStored: (key) => record.outputStored(key) }),
    (keys) => ({ outputs: keys.length }),
  );
  ctx.progress(`stored ${objects.description}${LAYOUT.runPrefix(period, runId)}`);
}

export async function deliver(ctx: RunContext, loaded: LoadedConfig, { meta, messages }: Rendered): Promise<void> {
  const { deps, record, period, runId } = ctx;
  const { config, delivery, plan, ledger } = loaded;
  await ctx.stage(
    'send',
    async () => {
      const { mailer } = deps;
      if (!mailer) return;
      const sent = await sendBatches({
        messages,
        mailer,
        allowedDomains: config.distribution.allowedDomains,
        ledger: delivery === ctx.request.delivery ? ledger : null,
        runId,
        clock: deps.clock,
        log: ctx.log,
        progress: ctx.progress,
      });
      record.batchesDealt(sent.batches);
      if (sent.error !== null) throw sent.error;
      if (plan.kind === 'preview' && deps.receivingAddress)
        await recordPreview(deps.store, { period, runId, sentAt: deps.clock.now(), batches: sent.batches, meta });
    },
    () => ({ sent: record.counts().sent, skipped: record.counts().skipped }),
  );
}

/** Only a run whose outputs and delivery succeeded becomes the latest. */
export async function publish(ctx: RunContext): Promise<void> {
  const latestMoved = await ctx.stage(
    'publish',
    () => publishRun(ctx.deps.store, ctx.period, ctx.runId),
    (moved) => ({ latestUpdated: moved }),
  );
  ctx.record.latestMoved(latestMoved);
  ctx.progress(latestMoved ? 'now the latest pack for the month' : 'a later run is the latest pack for the month');
}
