/**
 * Where the run reads its configuration and comments and writes its outputs: an S3
 * bucket (the function) or a local folder (the CLI's `--out DIR`). Both implement the
 * conditional writes the run relies on for create-only outputs and delivery claims.
 */
import type { Readable } from 'node:stream';

export interface ObjectInfo {
  key: string;
  size: number;
  /** An opaque version tag for conditional writes (S3's ETag, quoted). */
  etag: string | undefined;
  versionId: string | undefined;
}

export interface StoredObject extends ObjectInfo {
  body: Buffer;
}

export interface ObjectStream extends ObjectInfo {
  stream: Readable;
}

export interface ObjectStore {
  /** e.g. `s3://bucket/` or a folder path; keys are shown after it in messages. */
  readonly description: string;
  /** The whole object, or null when there is none. For small objects only (config, markers). */
  get(key: string): Promise<StoredObject | null>;
  /** The object as a stream, or null when there is none. */
  getStream(key: string): Promise<ObjectStream | null>;
  /** Writes unconditionally (used only for objects that are meant to change). */
  put(key: string, body: Buffer | string, contentType?: string): Promise<void>;
  /** Creates the object only if no object has that key; false when one already does. */
  putIfAbsent(key: string, body: Buffer | string, contentType?: string): Promise<boolean>;
  /** Replaces the object only if its current tag is `etag`; false when it changed (or is gone). */
  putIfMatch(key: string, body: Buffer | string, etag: string, contentType?: string): Promise<boolean>;
  /** Every object whose key starts with `prefix`, in key order. */
  list(prefix: string): Promise<ObjectInfo[]>;
}

export const CONTENT_TYPES = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** `s3://bucket/key/path` → { bucket, key }; null for anything else. */
export function parseS3Url(url: string): { bucket: string; key: string } | null {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) return null;
  return { bucket: match[1], key: match[2] };
}
