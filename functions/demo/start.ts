/**
 * `npm start`: the embedded demo. Starts a local S3 (s3rver) and a local SES
 * (aws-ses-v2-local) on loopback, uploads a generated sample extract and the default
 * configuration, invokes the Lambda handler in this process with a schedule event (the
 * same code path as in the cloud), and shows where to open what it produced.
 * Writes only under ./demo-out/ and the system temp folder.
 *   npm start                 run once, then stop the servers
 *   npm start -- --serve      keep the servers up (browse the inbox) until Ctrl+C
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createS3Client } from '../adapters/aws-clients';
import { quietNodeVersionWarning } from '../cli/aws-setup';
import { S3ObjectStore } from '../adapters/s3-object-store';
import { LAYOUT, RUN_FILES } from '../core/layout';
import { CONTENT_TYPES } from '../adapters/object-store';
import { writeExtract } from '../generate/write-extract';
import type { Pack } from '../core/pack/pack-types';
import { startLocalS3, startLocalSes, useLocalAwsEndpoints } from './local-servers';

const BUCKET = 'indicator-pack-demo';
/** The seed report's month; the default configuration's populations cover 2012 and 2013. */
const PERIOD = '2013-11';
const SCHEDULED_TIME = '2013-12-02T07:00:00Z';
const DEFAULT_PORTS = { s3: 4568, ses: 8005 };
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(PROJECT_ROOT, 'demo-out');
const DEFAULT_CONFIG = path.join(PROJECT_ROOT, 'functions', 'core', 'config', 'default-pack.json');

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function ragCounts(pack: Pack): string {
  const counts = new Map<string, number>();
  for (const section of pack.sections)
    for (const indicator of section.indicators) counts.set(indicator.rag, (counts.get(indicator.rag) ?? 0) + 1);
  return ['red', 'amber', 'green', 'data-only', 'no-data', 'none']
    .filter((rag) => counts.has(rag))
    .map((rag) => `${rag} ${counts.get(rag)}`)
    .join(', ');
}

async function main(): Promise<void> {
  quietNodeVersionWarning();
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { serve: { type: 'boolean' }, exit: { type: 'boolean' } },
    strict: true,
  });
  const began = Date.now();
  const scratch = mkdtempSync(path.join(tmpdir(), 'indicator-pack-demo-'));

  const s3 = await startLocalS3({ port: DEFAULT_PORTS.s3, directory: path.join(scratch, 's3'), bucket: BUCKET });
  const ses = await startLocalSes({ port: DEFAULT_PORTS.ses });
  const stop = async (): Promise<void> => {
    await ses.close();
    await s3.close();
    rmSync(scratch, { recursive: true, force: true });
  };
  say(`Local S3 (s3rver)           ${s3.endpoint}  bucket ${BUCKET}`);
  say(`Local SES (aws-ses-v2-local) ${ses.endpoint}`);

  useLocalAwsEndpoints({ s3: s3.endpoint, ses: ses.endpoint, bucket: BUCKET });

  try {
    const store = new S3ObjectStore(createS3Client(), BUCKET);
    const extractDir = path.join(scratch, 'extract');
    const written = await writeExtract({ period: PERIOD, scale: 1, seed: 1, out: extractDir, format: 'csv' });
    for (const file of written.files) {
      await store.put(
        `${LAYOUT.extractPrefix(PERIOD)}${path.basename(file)}`,
        await readFile(path.resolve(extractDir, file)),
      );
    }
    await store.put(LAYOUT.configKey, await readFile(DEFAULT_CONFIG), CONTENT_TYPES.json);
    const rows = Object.values(written.rows).reduce((sum, n) => sum + n, 0);
    say(
      `Uploaded a generated extract for ${PERIOD} (${written.files.length} tables, ` +
        `${rows.toLocaleString('en-GB')} rows) and the default configuration.`,
    );
    say();
    say(
      `Invoking the function's handler with {"trigger":"schedule",` +
        `"scheduledTime":"${SCHEDULED_TIME}"}; its JSON log follows:`,
    );

    const { handler } = await import('../handler');
    const result = await handler({ trigger: 'schedule', scheduledTime: SCHEDULED_TIME });
    say();
    say(`Run ${result.runId}: ${result.status}${result.error ? ` — ${result.error}` : ''}`);

    const runDir = path.join(OUT_DIR, PERIOD, result.runId);
    await mkdir(runDir, { recursive: true });
    for (const object of await store.list(result.prefix)) {
      const found = await store.get(object.key);
      if (found) await writeFile(path.join(runDir, object.key.slice(result.prefix.length)), found.body);
    }
    const packFile = await store.get(`${result.prefix}${RUN_FILES.json}`);
    if (packFile) {
      const pack = JSON.parse(packFile.body.toString('utf8')) as Pack;
      say(`RAG: ${ragCounts(pack)}`);
    }
    const relative = (file: string): string => path.relative(process.cwd(), file) || '.';
    say();
    say(`Report:    ${relative(path.join(runDir, RUN_FILES.html))}`);
    say(`Workbook:  ${relative(path.join(runDir, RUN_FILES.workbook))}`);
    say(`Manifest:  ${relative(path.join(runDir, RUN_FILES.manifest))}`);
    say(
      `Email:     ${ses.endpoint}/ (the local SES inbox` +
        `${values.serve ? '' : '; run `npm start -- --serve` to keep it open'})`,
    );
    say(`Finished in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
    if (result.status === 'failed') process.exitCode = 1;
  } catch (error) {
    await stop();
    throw error;
  }

  if (values.serve && !values.exit) {
    say('Servers running; Ctrl+C to stop.');
    process.once('SIGINT', () => {
      void stop().then(() => process.exit(0));
    });
    return;
  }
  await stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
