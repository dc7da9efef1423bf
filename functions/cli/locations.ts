/**
 * Where a CLI run reads and writes: a local path or an `s3://bucket/key` URL, resolved to
 * the same ObjectStore and ExtractSource adapters the function uses.
 */
import * as path from 'node:path';
import { sharedS3Client } from '../adapters/aws-clients';
import type { CliEnv } from '../adapters/env';
import { localFolderSource } from '../adapters/local-folder-source';
import { LocalObjectStore } from '../adapters/local-object-store';
import { parseS3Url, type ObjectStore } from '../adapters/object-store';
import { s3ExtractSource } from '../adapters/s3-extract-source';
import { S3ObjectStore } from '../adapters/s3-object-store';
import { UsageError } from '../core/errors';
import { LAYOUT } from '../core/layout';
import type { ExtractSource } from '../core/extract/source';
import type { Period } from '../core/types';
import type { InputLocation } from '../run/inputs';

/** The repository's default configuration, used when there is neither --config nor a data bucket. */
export const DEFAULT_CONFIG_FILE = path.join(__dirname, '..', 'core', 'config', 'default-pack.json');

function bucketStore(bucket: string): S3ObjectStore {
  return new S3ObjectStore(sharedS3Client(), bucket);
}

/** A single file (configuration, comments): `s3://bucket/key` or a local path. */
export function fileLocation(where: string): InputLocation {
  const s3 = parseS3Url(where);
  if (s3) {
    if (!s3.key) throw new UsageError(`${where} names a bucket but no object key`);
    return { store: bucketStore(s3.bucket), key: s3.key };
  }
  const file = path.resolve(where);
  return { store: new LocalObjectStore(path.dirname(file)), key: path.basename(file) };
}

export function extractSource(where: string | undefined, period: Period, env: CliEnv): ExtractSource {
  if (where === undefined) {
    if (!env.dataBucket)
      throw new UsageError(
        `--extract DIR|s3://… is required (or set DATA_BUCKET to read ${LAYOUT.extractPrefix('<YYYY-MM>')} from it)`,
      );
    return s3ExtractSource(bucketStore(env.dataBucket), LAYOUT.extractPrefix(period));
  }
  const s3 = parseS3Url(where);
  if (s3) return s3ExtractSource(bucketStore(s3.bucket), s3.key);
  return localFolderSource(where);
}

export function configLocation(where: string | undefined, env: CliEnv): InputLocation {
  if (where !== undefined) return fileLocation(where);
  if (env.dataBucket) return { store: bucketStore(env.dataBucket), key: env.configKey };
  return fileLocation(DEFAULT_CONFIG_FILE);
}

/** Where a CLI run's outputs go: --out DIR, else the data bucket. */
export function outputStore(out: string | undefined, env: CliEnv): ObjectStore {
  if (out !== undefined) return new LocalObjectStore(out);
  if (env.dataBucket) return bucketStore(env.dataBucket);
  throw new UsageError('--out DIR is required (or set DATA_BUCKET to store the run in the data bucket)');
}

/**
 * Where a CLI run reads benchmark data: --benchmarks DIR|s3://…, else the data bucket's `benchmarks/`, else none
 * (every indicator's benchmark is null).
 */
export function benchmarkSource(where: string | undefined, env: CliEnv): ExtractSource | undefined {
  if (where === undefined)
    return env.dataBucket ? s3ExtractSource(bucketStore(env.dataBucket), LAYOUT.folder('benchmarks')) : undefined;
  const s3 = parseS3Url(where);
  if (s3) return s3ExtractSource(bucketStore(s3.bucket), s3.key);
  return localFolderSource(where);
}
