/**
 * The monitor's two scheduled checks, told apart by the schedule's input `check`:
 *   - `missing-run` (the default; daily from day N of each month): records whether last
 *     month's pack has been published, as a metric the stack alarms on. It only lists one
 *     key, so it needs s3:ListBucket for that key's prefix and no read of any object;
 *   - `approval-reminder` (working days, only when the deployment receives replies): one
 *     reminder to the officers about last month's unapproved preview (approval-reminder.ts).
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { sharedS3Client, sharedSesClient } from '../adapters/aws-clients';
import { systemClock, type Clock } from '../adapters/clock';
import { readFunctionEnv } from '../adapters/env';
import { createJsonLogger } from '../adapters/logger';
import { SesMailer } from '../adapters/mailer';
import { S3ObjectStore } from '../adapters/s3-object-store';
import { ConfigError } from '../core/errors';
import { issueLines } from '../core/config/zod-helpers';
import type { Period } from '../core/types';
import { remindIfUnapproved, type ReminderResult } from './approval-reminder';
import { dueReportPeriod, latestPointerKey, packPublishedRecord } from './pack-check';

/** The schedules' inputs (infra/missing-run-monitor.ts); no input is the missing-run check. */
export const MONITOR_CHECKS = ['missing-run', 'approval-reminder'] as const;
export type MonitorCheck = (typeof MONITOR_CHECKS)[number];

const monitorEvent = z.object({ check: z.enum(MONITOR_CHECKS).default('missing-run') }).passthrough();

/** Which check an event asks for; an event that is not an object (or has no `check`) is the missing-run check. */
export function monitorCheckOf(event: unknown): MonitorCheck {
  if (typeof event !== 'object' || event === null) return 'missing-run';
  const parsed = monitorEvent.safeParse(event);
  if (!parsed.success) throw new ConfigError(`Invalid monitor event:\n${issueLines(parsed.error.issues).join('\n')}`);
  return parsed.data.check;
}

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

export async function handler(event?: unknown): Promise<MonitorResult | ReminderResult> {
  const env = readFunctionEnv();
  if (monitorCheckOf(event) === 'missing-run')
    return checkMonthlyPack(sharedS3Client(), env.dataBucket, systemClock, (line) => console.log(line));
  if (env.receivingAddress === null)
    throw new ConfigError('The approval reminder needs RECEIVING_ADDRESS: without receiving, no preview is indexed');
  const store = new S3ObjectStore(sharedS3Client(), env.dataBucket);
  return remindIfUnapproved(dueReportPeriod(systemClock.now()), {
    store,
    config: { store, key: env.configKey },
    mailer: new SesMailer(sharedSesClient(), env.sesConfigurationSet),
    clock: systemClock,
    logger: createJsonLogger(),
    receivingAddress: env.receivingAddress,
  });
}
