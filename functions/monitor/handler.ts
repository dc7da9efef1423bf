/**
 * The missing-run monitor (scheduled daily from day N of each month): records whether
 * last month's pack has been published, as a metric the stack alarms on.
 *
 * It only lists one key, so its role needs s3:ListBucket for that key's prefix and no
 * read access to any object or to the data key.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { sharedS3Client } from '../adapters/aws-clients';
import { systemClock, type Clock } from '../adapters/clock';
import { readFunctionEnv } from '../adapters/env';
import type { Period } from '../core/types';
import { dueReportPeriod, latestPointerKey, packPublishedRecord } from './pack-check';

export interface MonitorResult {
  period: Period;
  published: boolean;
}

/** True when the object exists, found by listing (which needs no read permission). */
export async function objectExists(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }));
  return (listed.Contents ?? []).some((object) => object.Key === key);
}

export async function checkMonthlyPack(
  s3: S3Client,
  dataBucket: string,
  clock: Clock,
  log: (line: string) => void,
): Promise<MonitorResult> {
  const now = clock.now();
  const period = dueReportPeriod(now);
  const published = await objectExists(s3, dataBucket, latestPointerKey(period));
  log(JSON.stringify(packPublishedRecord(dataBucket, period, published, now)));
  return { period, published };
}

export async function handler(): Promise<MonitorResult> {
  const { dataBucket } = readFunctionEnv();
  return checkMonthlyPack(sharedS3Client(), dataBucket, systemClock, (line) => console.log(line));
}
