/**
 * AWS SDK clients, created once per process (a Lambda instance reuses them across
 * invocations). Region, endpoints and credentials come only from the SDK's standard
 * settings (AWS_REGION, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_SES and
 * the usual credential chain): this module adds no settings of its own.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { hasS3EndpointOverride } from './env';

/**
 * A local S3 server (s3rver) cannot serve virtual-hosted buckets, and s3rver 3.7.1 stores
 * stream uploads sent with the SDK's default CRC checksums (aws-chunked) corrupted, so
 * against an endpoint override we use path-style and checksums only when required.
 */
export function createS3Client(env: Record<string, string | undefined> = process.env): S3Client {
  if (!hasS3EndpointOverride(env)) return new S3Client({});
  return new S3Client({
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
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
  ses ??= new SESClient({});
  return ses;
}

/** The process's Lambda client (for the CLI's `rerun`). */
export function sharedLambdaClient(): LambdaClient {
  lambda ??= new LambdaClient({});
  return lambda;
}
