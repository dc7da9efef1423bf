/**
 * AWS SDK clients, created once per process (a Lambda instance reuses them across
 * invocations). Region, endpoints and credentials come only from the SDK's standard
 * settings (AWS_REGION, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_SES and
 * the usual credential chain): this module adds no settings of its own.
 *
 * Retries are set deliberately rather than left to the defaults:
 *   - the SDK's "standard" retry mode retries throttling (503 SlowDown, 429, SES
 *     `Throttling`), 500/502/503/504, connection resets and timeouts, with exponential
 *     backoff and full jitter; `maxAttempts` bounds how many tries one call makes;
 *   - `connectionTimeout` abandons a connection that does not open;
 *   - `requestTimeout` with `throwOnRequestTimeout` abandons a request whose response has
 *     not arrived in time, and the retry strategy tries it again (without
 *     `throwOnRequestTimeout` the SDK would only log a warning and keep waiting, so a hung
 *     S3 connection would hold the run until the function's timeout).
 * A fault that outlasts the attempts reaches the run, which fails cleanly (manifest,
 * failure notice) and the handler rethrows it so Lambda retries the event later.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { hasS3EndpointOverride } from './env';

export interface ClientTuning {
  /** Tries per call, the first included. */
  maxAttempts: number;
  /** How long a connection may take to open. */
  connectionTimeoutMs: number;
  /** How long a request may wait for its response (headers) before it is abandoned and retried. */
  requestTimeoutMs: number;
}

/**
 * S3: 5 tries (about 0.1 + 0.2 + 0.4 + 0.8 s of jittered backoff between them, far inside
 * the function's 5-minute timeout); 30 s for a response — our objects are small or
 * streamed, so a response that has not started in 30 s is a stuck connection.
 */
export const S3_TUNING: ClientTuning = { maxAttempts: 5, connectionTimeoutMs: 3_000, requestTimeoutMs: 30_000 };

/**
 * SES: throttling is the usual transient fault (the account's send rate), so as many
 * tries as S3. A timed-out send is retried too, which can deliver one batch twice if SES
 * had in fact accepted it — the at-least-once window delivery-ledger.ts describes.
 */
export const SES_TUNING: ClientTuning = { maxAttempts: 5, connectionTimeoutMs: 3_000, requestTimeoutMs: 30_000 };

function clientSettings(tuning: ClientTuning): {
  maxAttempts: number;
  retryMode: string;
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: boolean };
} {
  return {
    maxAttempts: tuning.maxAttempts,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: tuning.connectionTimeoutMs,
      requestTimeout: tuning.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  };
}

/**
 * A local S3 server (s3rver) cannot serve virtual-hosted buckets, and s3rver 3.7.1 stores
 * stream uploads sent with the SDK's default CRC checksums (aws-chunked) corrupted, so
 * against an endpoint override we use path-style and checksums only when required.
 */
export function createS3Client(
  env: Record<string, string | undefined> = process.env,
  tuning: ClientTuning = S3_TUNING,
): S3Client {
  if (!hasS3EndpointOverride(env)) return new S3Client(clientSettings(tuning));
  return new S3Client({
    ...clientSettings(tuning),
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export function createSesClient(tuning: ClientTuning = SES_TUNING): SESClient {
  return new SESClient(clientSettings(tuning));
}

let s3: S3Client | undefined;
let ses: SESClient | undefined;
let lambda: LambdaClient | undefined;

/** The process's S3 client. */
export function sharedS3Client(): S3Client {
  s3 ??= createS3Client();
  return s3;
}

/** The process's SES client. */
export function sharedSesClient(): SESClient {
  ses ??= createSesClient();
  return ses;
}

/** The process's Lambda client (for the CLI's `rerun`). */
export function sharedLambdaClient(): LambdaClient {
  lambda ??= new LambdaClient({});
  return lambda;
}
