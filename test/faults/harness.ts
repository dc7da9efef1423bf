/**
 * Shared set-up for the fault tests: one local stack per test file (s3rver behind the
 * conditional/fault proxy, SES-local behind the SES fault proxy), a scale-1 extract
 * generated once, and runs through the real SDK clients with retry timings shortened
 * so a "slow response" test need not wait 30 seconds.
 */
import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client, createSesClient, type ClientTuning } from '../../functions/adapters/aws-clients';
import { systemClock } from '../../functions/adapters/clock';
import { readFunctionEnv } from '../../functions/adapters/env';
import { createJsonLogger } from '../../functions/adapters/logger';
import { SesMailer } from '../../functions/adapters/mailer';
import { S3ObjectStore } from '../../functions/adapters/s3-object-store';
import { bucketRunDeps } from '../../functions/run/cloud-deps';
import { parseRunEvent } from '../../functions/run/events';
import type { Manifest } from '../../functions/run/manifest';
import { requestFromEvent, runPack, type RunDeps, type RunResult } from '../../functions/run/run';
import { startLocalStack, type LocalStack, type ReceivedEmail } from '../support/local-stack';
import { generateExtract, testConfig, uploadConfig, uploadExtract, type ConfigJson } from '../support/fixtures';

export const PERIOD = '2013-11';
export const SCHEDULE = { trigger: 'schedule', scheduledTime: '2013-12-02T07:00:00Z' } as const;
export const OFFICER = 'performance.officer@haringey.example';

/** Short timings for tests: the same retry strategy, a 1-second response timeout. */
export const TEST_TUNING: ClientTuning = { maxAttempts: 4, connectionTimeoutMs: 1_000, requestTimeoutMs: 1_000 };

export interface FaultWorld {
  stack: LocalStack;
  s3: S3Client;
  store: S3ObjectStore;
  extractDir: string;
  logLines: string[];
  /** One run of `event`, as the handler would do it, with `overrides`. */
  run(event: unknown, overrides?: Partial<RunDeps>): Promise<RunResult>;
  json<T>(key: string): Promise<T | null>;
  manifest(result: RunResult): Promise<Manifest>;
  /** Deletes everything under reports/ (each test starts from a month never run). */
  resetReports(): Promise<void>;
  setConfig(edit?: (config: ConfigJson) => void): Promise<void>;
}

export async function startFaultWorld(): Promise<FaultWorld> {
  const stack = await startLocalStack();
  const s3 = createS3Client(process.env, TEST_TUNING);
  const store = new S3ObjectStore(s3, stack.bucket);
  const extractDir = await generateExtract(PERIOD);
  await uploadExtract(store, PERIOD, extractDir);
  await uploadConfig(store, testConfig());
  const logLines: string[] = [];
  const logger = createJsonLogger((line) => void logLines.push(line));
  const world: FaultWorld = {
    stack,
    s3,
    store,
    extractDir,
    logLines,
    run(event, overrides = {}) {
      const deps = bucketRunDeps({
        env: readFunctionEnv(),
        s3,
        mailer: new SesMailer(createSesClient(TEST_TUNING)),
        clock: systemClock,
        logger,
      });
      return runPack(requestFromEvent(parseRunEvent(event)), { ...deps, holderWaitMs: 500, ...overrides });
    },
    async json<T>(key: string) {
      const found = await store.get(key);
      return found ? (JSON.parse(found.body.toString('utf8')) as T) : null;
    },
    async manifest(result) {
      const found = await world.json<Manifest>(`${result.prefix}manifest.json`);
      if (!found) throw new Error(`no manifest for ${result.runId}`);
      return found;
    },
    async resetReports() {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: stack.bucket, Prefix: 'reports/' }));
      const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key }));
      if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: stack.bucket, Delete: { Objects: keys } }));
    },
    async setConfig(edit) {
      await uploadConfig(store, testConfig(edit));
    },
  };
  return world;
}

export const recipientsOf = (email: ReceivedEmail): string[] =>
  [...email.destination.to, ...email.destination.cc].flatMap((list) => list.split(/,\s*/)).filter(Boolean);

/** How many messages each address received. */
export function perRecipient(emails: ReceivedEmail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const address of emails.flatMap(recipientsOf)) counts.set(address, (counts.get(address) ?? 0) + 1);
  return counts;
}
