/** The ObjectStore over one S3 bucket. */
import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DeliveryError } from '../core/errors';
import type { ObjectInfo, ObjectStore, ObjectStream, StoredObject } from './object-store';

function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('$metadata' in error)) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return metadata?.httpStatusCode;
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function isMissing(error: unknown): boolean {
  return errorName(error) === 'NoSuchKey' || httpStatus(error) === 404;
}

/** S3 answers a failed If-None-Match / If-Match with 412 Precondition Failed. */
function isPreconditionFailed(error: unknown): boolean {
  return errorName(error) === 'PreconditionFailed' || httpStatus(error) === 412;
}

/**
 * S3 answers 409 ConditionalRequestConflict when another conditional write to the same
 * key is in flight; the documented remedy is to retry, after which one of them sees 412.
 */
function isConditionalConflict(error: unknown): boolean {
  return errorName(error) === 'ConditionalRequestConflict' || httpStatus(error) === 409;
}

const CONFLICT_RETRIES = 5;

/**
 * A fault that outlasted the SDK's retries, said in terms of what we were doing: S3's own
 * errors name neither the operation nor the key, and the manifest and the officers'
 * notice must say what failed.
 */
function storageFault(operation: string, where: string, error: unknown): DeliveryError {
  const attempts =
    typeof error === 'object' && error !== null && '$metadata' in error
      ? (error as { $metadata?: { attempts?: number } }).$metadata?.attempts
      : undefined;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DeliveryError(
    `S3 ${operation} ${where} failed${attempts ? ` after ${attempts} attempts` : ''}: ${detail}`,
    { cause: error },
  );
}

function toReadable(body: unknown, key: string): Readable {
  if (body instanceof Readable) return body;
  throw new Error(`S3 returned no readable body for ${key}`);
}

export class S3ObjectStore implements ObjectStore {
  readonly description: string;

  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {
    this.description = `s3://${bucket}/`;
  }

  async getStream(key: string, ifMatch?: string): Promise<ObjectStream | null> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, IfMatch: ifMatch }),
      );
      return {
        key,
        size: response.ContentLength ?? 0,
        etag: response.ETag,
        versionId: response.VersionId,
        stream: toReadable(response.Body, key),
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw storageFault('GET', `${this.description}${key}`, error);
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const found = await this.getStream(key);
    if (!found) return null;
    const chunks: Buffer[] = [];
    // A byte stream (not object mode): its chunks are Buffers, or strings if an encoding was set.
    for await (const chunk of found.stream as AsyncIterable<Buffer | string>) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    }
    const body = Buffer.concat(chunks);
    return { key, size: body.length, etag: found.etag, versionId: found.versionId, body };
  }

  async put(key: string, body: Buffer | string, contentType?: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
      );
    } catch (error) {
      throw storageFault('PUT', `${this.description}${key}`, error);
    }
  }

  putIfAbsent(key: string, body: Buffer | string, contentType?: string): Promise<boolean> {
    return this.conditionalPut({
      Bucket: this.bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      IfNoneMatch: '*',
    });
  }

  putIfMatch(key: string, body: Buffer | string, etag: string, contentType?: string): Promise<boolean> {
    return this.conditionalPut({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, IfMatch: etag });
  }

  private async conditionalPut(input: ConstructorParameters<typeof PutObjectCommand>[0]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.send(new PutObjectCommand(input));
        return true;
      } catch (error) {
        if (isPreconditionFailed(error)) return false;
        // If-Match on a key that has gone is a lost race too.
        if (input.IfMatch !== undefined && isMissing(error)) return false;
        if (isConditionalConflict(error) && attempt < CONFLICT_RETRIES) {
          await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
          continue;
        }
        throw storageFault('PUT', `${this.description}${input.Key ?? ''}`, error);
      }
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const found: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
        );
      } catch (error) {
        throw storageFault('LIST', `${this.description}${prefix}`, error);
      }
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined) continue;
        found.push({ key: item.Key, size: item.Size ?? 0, etag: item.ETag, versionId: undefined });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
