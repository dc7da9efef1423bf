/** What each CLI command does. Each returns the exit status. */
import * as path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { sharedLambdaClient, sharedS3Client, sharedSesClient } from '../adapters/aws-clients';
import { systemClock } from '../adapters/clock';
import { readCliEnv } from '../adapters/env';
import { silentLogger } from '../adapters/logger';
import { SesMailer } from '../adapters/mailer';
import { CONTENT_TYPES } from '../adapters/object-store';
import { S3ObjectStore } from '../adapters/s3-object-store';
import { UsageError, UserError } from '../core/errors';
import { neededTables } from '../core/config/pack-config';
import { formatQualityReport } from '../core/extract/quality-report';
import { assertMonthEnded } from '../core/extract/period';
import { readExtract } from '../core/extract/read-extract';
import { checkInputs } from '../core/input-checks';
import { tableReach } from '../core/pack/reach';
import { importCommentsFromWorkbook } from '../core/render/import-comments';
import { codeVersion } from '../run/code-version';
import { parseRunEvent } from '../run/events';
import { londonDayOf } from '../run/period';
import { loadConfig } from '../run/inputs';
import { LAYOUT } from '../core/layout';
import { ensureFolder } from '../adapters/local-folder';
import { runPack, type Delivery, type RunResult } from '../run/run';
import type { Command } from './args';
import { buildBenchmarks } from './benchmarks-build';
import { benchmarkSource, configLocation, extractSource, fileLocation, outputStore } from './locations';

export interface Terminal {
  /** Progress and diagnostics (stderr). */
  progress: (line: string) => void;
  /** The command's result (stdout). */
  out: (line: string) => void;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function reportRun(result: RunResult, terminal: Terminal): number {
  const { manifest } = result;
  if (result.status === 'failed') {
    terminal.out(`Run ${result.runId} failed: ${result.error?.message ?? 'unknown error'}`);
    if (result.quality && result.quality.errors.length > 0) terminal.out(formatQualityReport(result.quality));
    if (manifest.failureNotice?.messageId)
      terminal.out(`A failure notice went to ${manifest.failureNotice.recipients.join(', ')}.`);
    // A refusal of the command line itself (a month that has not ended) keeps its exit status 2.
    return result.error instanceof UserError ? result.error.exitCode : 1;
  }
  terminal.out(`Run ${result.runId}: ${result.status}`);
  for (const key of manifest.outputs) terminal.out(`  ${key}`);
  for (const batch of manifest.batches)
    terminal.out(
      `  ${batch.outcome} to ${batch.recipients.length} recipient(s)${batch.messageId ? ` (${batch.messageId})` : ''}`,
    );
  return 0;
}

async function run(command: Extract<Command, { name: 'run' }>, terminal: Terminal): Promise<number> {
  const env = readCliEnv();
  // Checked before anything is read or computed, so a wrong --out is said at once.
  if (command.out !== undefined) await ensureFolder(command.out);
  const store = outputStore(command.out, env);
  const delivery: Delivery =
    command.preview !== undefined
      ? { mode: 'preview', to: [command.preview.trim().toLowerCase()] }
      : command.send
        ? { mode: 'distribution', kind: 'pack', exactlyOnce: false }
        : { mode: 'none' };
  const result = await runPack(
    {
      period: command.period,
      trigger: 'cli',
      requestedBy: osUser(),
      reason: command.reason ?? null,
      scheduledTime: null,
      delivery,
    },
    {
      store,
      config: configLocation(command.config, env),
      comments: command.comments !== undefined ? fileLocation(command.comments) : undefined,
      extractSource: (period) => extractSource(command.extract, period, env),
      benchmarks: benchmarkSource(command.benchmarks, env),
      mailer: delivery.mode === 'none' ? null : new SesMailer(sharedSesClient(), env.sesConfigurationSet),
      clock: systemClock,
      logger: silentLogger,
      codeVersion: codeVersion(),
      onProgress: terminal.progress,
    },
  );
  return reportRun(result, terminal);
}

async function validate(command: Extract<Command, { name: 'validate' }>, terminal: Terminal): Promise<number> {
  // What the run checks, in the order it checks it (run.ts), so a clean report means the run will not fail on these.
  assertMonthEnded(command.period, londonDayOf(systemClock.now()));
  const env = readCliEnv();
  const { config } = await loadConfig(configLocation(command.config, env));
  const source = extractSource(command.extract, command.period, env);
  const read = await readExtract(source, {
    period: command.period,
    neededTables: neededTables(config),
    // As the run reads it, so the report is the one the run would give.
    reach: tableReach(config, command.period),
    onTable: (table) => terminal.progress(`read ${table.file}: ${table.rows.toLocaleString('en-GB')} rows`),
  });
  const quality = checkInputs(read.quality, { config, period: command.period, extract: read.extract });
  terminal.out(formatQualityReport(quality));
  return quality.errors.length > 0 || !read.extract ? 1 : 0;
}

async function rerun(command: Extract<Command, { name: 'rerun' }>, terminal: Terminal): Promise<number> {
  const env = readCliEnv();
  const functionName = command.functionName ?? env.functionName;
  if (!functionName)
    throw new UsageError('rerun: give --function NAME or set INDICATOR_PACK_FUNCTION to the deployed function');
  // Validated here as the function will, so a mistake is reported before anything is asked of it.
  assertMonthEnded(command.period, londonDayOf(systemClock.now()));
  const event = parseRunEvent({
    trigger: 'rerun',
    period: command.period,
    requestedBy: command.requestedBy ?? osUser(),
    reason: command.reason,
    send: command.preview !== undefined ? 'preview' : command.send ? 'all' : 'none',
    previewTo: command.preview !== undefined ? [command.preview] : undefined,
  });
  terminal.progress(
    `asking ${functionName} to rerun ${command.period} (send: ${event.trigger === 'rerun' ? event.send : ''})…`,
  );
  const response = await sharedLambdaClient().send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      Payload: Buffer.from(JSON.stringify(event)),
    }),
  );
  const payload = response.Payload ? Buffer.from(response.Payload).toString('utf8') : '';
  if (response.FunctionError) {
    terminal.out(`The function failed (${response.FunctionError}): ${payload}`);
    return 1;
  }
  terminal.out(payload);
  const status: unknown = JSON.parse(payload || '{}');
  return typeof status === 'object' && status !== null && 'status' in status && status.status === 'failed' ? 1 : 0;
}

async function invoke(command: Extract<Command, { name: 'invoke' }>, terminal: Terminal): Promise<number> {
  let event: unknown;
  try {
    event = JSON.parse(await readFile(command.event, 'utf8'));
  } catch (error) {
    throw new UserError(
      `Cannot read the event file ${command.event}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // Loaded only now: the handler validates the function environment when it loads.
  const { handler } = await import('../handler');
  const result = await handler(event);
  terminal.out(JSON.stringify(result, null, 2));
  return result.status === 'failed' ? 1 : 0;
}

async function importComments(
  command: Extract<Command, { name: 'comments-import' }>,
  terminal: Terminal,
): Promise<number> {
  let workbook: Buffer;
  try {
    workbook = await readFile(command.from);
  } catch (error) {
    throw new UserError(`Cannot read ${command.from}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const comments = await importCommentsFromWorkbook(workbook, { period: command.period, onNotice: terminal.out });
  const body = `${JSON.stringify(comments, null, 2)}\n`;
  if (command.out !== undefined) {
    await ensureFolder(path.dirname(path.resolve(command.out)), 'the folder of --out');
    await writeFile(command.out, body).catch((error: unknown) => {
      throw new UserError(`Cannot write ${command.out}: ${error instanceof Error ? error.message : String(error)}`);
    });
    terminal.out(`Wrote ${command.out}`);
    return 0;
  }
  const env = readCliEnv();
  if (!env.dataBucket) throw new UsageError('comments import: give --out FILE or set DATA_BUCKET');
  const key = LAYOUT.commentsKey(command.period);
  await new S3ObjectStore(sharedS3Client(), env.dataBucket).put(key, body, CONTENT_TYPES.json);
  terminal.out(`Wrote s3://${env.dataBucket}/${key}`);
  return 0;
}

export async function execute(command: Command, terminal: Terminal, usage: string): Promise<number> {
  switch (command.name) {
    case 'help':
      terminal.out(usage);
      return 0;
    case 'run':
      return run(command, terminal);
    case 'validate':
      return validate(command, terminal);
    case 'rerun':
      return rerun(command, terminal);
    case 'invoke':
      return invoke(command, terminal);
    case 'comments-import':
      return importComments(command, terminal);
    case 'benchmarks-build':
      return buildBenchmarks(command, terminal);
  }
}
