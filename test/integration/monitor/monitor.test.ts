/**
 * The missing-run monitor against a real local S3 server (s3rver): it lists the month's
 * latest.json and reports 1 or 0 in an Embedded Metric Format log line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { fixedClock } from '../../../functions/adapters/clock';
import { checkMonthlyPack } from '../../../functions/monitor/handler';

const BUCKET = 'monitor-test-bucket';
let server: S3rver;
let directory: string;
let s3: S3Client;

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'monitor-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const address: AddressInfo = await server.run();
  s3 = new S3Client({
    endpoint: `http://127.0.0.1:${address.port}`,
    region: 'eu-west-2',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
});

afterAll(async () => {
  s3.destroy();
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

function metricValue(line: string): unknown {
  const record: unknown = JSON.parse(line);
  return typeof record === 'object' && record !== null && 'MonthlyPackPublished' in record
    ? record.MonthlyPackPublished
    : undefined;
}

test('reports 0 while last month has no latest.json, and 1 once it has', async () => {
  const clock = fixedClock(new Date('2013-12-05T09:00:00Z'));
  // A run folder without latest.json (e.g. a failed run) does not count as published.
  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: 'reports/2013-11/20131202T070000Z-schedule/manifest.json',
      Body: '{}',
    }),
  );
  // Neither does a later month's pointer.
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'reports/2013-12/latest.json', Body: '{}' }));

  const before: string[] = [];
  expect(await checkMonthlyPack(s3, BUCKET, clock, (line) => before.push(line))).toEqual({
    period: '2013-11',
    published: false,
  });
  expect(before.map(metricValue)).toEqual([0]);

  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: 'reports/2013-11/latest.json',
      Body: JSON.stringify({ runId: '20131203T090000Z-rerun', prefix: 'reports/2013-11/20131203T090000Z-rerun/' }),
    }),
  );
  const after: string[] = [];
  expect(await checkMonthlyPack(s3, BUCKET, clock, (line) => after.push(line))).toEqual({
    period: '2013-11',
    published: true,
  });
  expect(after.map(metricValue)).toEqual([1]);
});
