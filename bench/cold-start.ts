/**
 * Cold start of the function at scale 1: the bundle (as the CDK stack builds it) run by
 * a new node process (with the function's NODE_OPTIONS: none) against local s3rver +
 * aws-ses-v2-local, timed from the moment the process is spawned to the handler's first
 * result. Each run gets a fresh local stack (an empty bucket), so every run is a real
 * first scheduled run that stores and sends.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createS3Client } from '../functions/adapters/aws-clients';
import { S3ObjectStore } from '../functions/adapters/s3-object-store';
import { addPeriods, previousPeriod } from '../functions/core/calendar';
import type { HandlerResult } from '../functions/handler';
import { startLocalStack } from '../test/support/local-stack';
import { testConfig, uploadConfig, uploadExtract } from '../test/support/fixtures';
import { PACK_FUNCTION_PROCESS_ENV } from '../infra/pack-function';
import type { BuiltBench } from './build';
import { summarise, type Summary } from './stats';

const run = promisify(execFile);

export interface ColdStartResult {
  runs: number;
  /** Spawn to the first handler result. */
  coldMs: Summary;
  /** Node starting up, before the first line of the driver runs. */
  bootMs: Summary;
  /** Requiring the bundle (after node itself has started). */
  loadMs: Summary;
  /** The first handler call: read, compute, render, store, send. */
  handlerMs: Summary;
  /** A second scheduled run (the month before) in the same process. */
  warmMs: Summary;
}

interface DriverOutput {
  started: number;
  loaded: number;
  firstAt: number;
  secondAt: number;
  first: HandlerResult;
  second: HandlerResult;
}

/** A schedule event whose run reports on `period` (the scheduler fires early in the next month). */
function scheduleEventFor(period: string): { trigger: 'schedule'; scheduledTime: string } {
  return { trigger: 'schedule', scheduledTime: `${addPeriods(period, 1)}-02T07:00:00Z` };
}

async function oneColdRun(
  built: BuiltBench,
  extractDir: string,
  period: string,
): Promise<DriverOutput & { spawnedAt: number }> {
  const stack = await startLocalStack('bench-cold-start');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-cold-'));
  try {
    const store = new S3ObjectStore(createS3Client(), stack.bucket);
    const warmPeriod = previousPeriod(period);
    await uploadExtract(store, period, extractDir);
    await uploadExtract(store, warmPeriod, extractDir);
    await uploadConfig(store, testConfig());
    const out = path.join(tmp, 'result.json');
    const driver = path.join(__dirname, 'cold-start-driver.cjs');
    const args = [
      driver,
      built.handlerBundle,
      out,
      JSON.stringify(scheduleEventFor(period)),
      JSON.stringify(scheduleEventFor(warmPeriod)),
    ];
    // As deployed: the stack sets no NODE_OPTIONS on the function (no --enable-source-maps;
    // see PACK_FUNCTION_BUNDLING in infra/pack-function.ts), so none is passed on from here;
    // its process environment (PACK_FUNCTION_PROCESS_ENV) is.
    const env: NodeJS.ProcessEnv = { ...process.env, ...PACK_FUNCTION_PROCESS_ENV };
    delete env.NODE_OPTIONS;
    const spawnedAt = Date.now();
    await run(process.execPath, args, { env, maxBuffer: 64 * 2 ** 20 });
    const output = JSON.parse(readFileSync(out, 'utf8')) as DriverOutput;
    if (output.first.status !== 'sent' || output.second.status !== 'sent') {
      throw new Error(
        `cold start: expected two sent runs, got ${output.first.status} (${output.first.error}) ` +
          `and ${output.second.status} (${output.second.error})`,
      );
    }
    const emails = await stack.emails();
    if (emails.length < 2)
      throw new Error(`cold start: the local SES received ${emails.length} emails, expected the two packs`);
    return { ...output, spawnedAt };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await stack.stop();
  }
}

export async function measureColdStart(
  built: BuiltBench,
  extractDir: string,
  period: string,
  runs: number,
): Promise<ColdStartResult> {
  const outputs: Array<DriverOutput & { spawnedAt: number }> = [];
  for (let i = 0; i < runs; i++) outputs.push(await oneColdRun(built, extractDir, period));
  return {
    runs,
    coldMs: summarise(outputs.map((o) => o.firstAt - o.spawnedAt)),
    bootMs: summarise(outputs.map((o) => o.started - o.spawnedAt)),
    loadMs: summarise(outputs.map((o) => o.loaded - o.started)),
    handlerMs: summarise(outputs.map((o) => o.firstAt - o.loaded)),
    warmMs: summarise(outputs.map((o) => o.secondAt - o.firstAt)),
  };
}
