/**
 * The run's dependencies when it works against the data bucket (the Lambda, `invoke`,
 * the demo): outputs, configuration, comments and the extract all in one bucket.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Clock } from '../adapters/clock';
import type { FunctionEnv } from '../adapters/env';
import type { Logger } from '../adapters/logger';
import type { Mailer } from '../adapters/mailer';
import { s3ExtractSource } from '../adapters/s3-extract-source';
import { LAYOUT } from '../core/layout';
import { S3ObjectStore } from '../adapters/s3-object-store';
import { codeVersion } from './code-version';
import type { RunDeps } from './run';

export function bucketRunDeps(options: {
  env: FunctionEnv;
  s3: S3Client;
  mailer: Mailer | null;
  clock: Clock;
  logger: Logger;
}): RunDeps {
  const store = new S3ObjectStore(options.s3, options.env.dataBucket);
  return {
    store,
    config: { store, key: options.env.configKey },
    extractSource: (period) => s3ExtractSource(store, LAYOUT.extractPrefix(period)),
    benchmarks: s3ExtractSource(store, LAYOUT.folder('benchmarks')),
    mailer: options.mailer,
    clock: options.clock,
    logger: options.logger,
    codeVersion: codeVersion(),
    receivingAddress: options.env.receivingAddress,
  };
}
