/**
 * Loading the run's small inputs — the pack configuration and the month's supplied
 * comments — with what the manifest records about them (key, size, ETag, SHA-256).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ObjectStore } from '../adapters/object-store';
import { ConfigError, UserError } from '../core/errors';
import { formatPath, parsePackConfigText, type PackConfig } from '../core/config/pack-config';
import type { CommentsFile } from '../core/pack/pack-types';
import type { InputRead } from '../core/types';

export interface InputLocation {
  store: ObjectStore;
  key: string;
}

export function describeLocation(location: InputLocation): string {
  return `${location.store.description}${location.key}`;
}

export function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

function inputRead(location: InputLocation, body: Buffer, etag: string | undefined, versionId: string | undefined): InputRead {
  return { key: describeLocation(location), size: body.length, sha256: sha256(body), etag, versionId };
}

/** Longest configuration accepted: a real one is a few kilobytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export async function loadConfig(location: InputLocation): Promise<{ config: PackConfig; input: InputRead }> {
  const found = await location.store.get(location.key);
  const where = describeLocation(location);
  if (!found) throw new ConfigError(`No pack configuration at ${where}`);
  if (found.body.length > MAX_CONFIG_BYTES) throw new ConfigError(`The pack configuration at ${where} is over ${MAX_CONFIG_BYTES} bytes`);
  const config = parsePackConfigText(found.body.toString('utf8'), where);
  return { config, input: inputRead(location, found.body, found.etag, found.versionId) };
}

/** A comment is free text, bounded so one pasted document cannot swamp the pack. */
const commentText = z.string().max(10_000);

const commentsFileSchema = z
  .object({
    sections: z.record(z.string(), z.object({ performance: commentText.optional(), service: commentText.optional() }).strict()).optional(),
    indicators: z.record(z.string(), commentText).optional(),
  })
  .strict();

const MAX_COMMENTS_BYTES = 2 * 1024 * 1024;

/** The comments file, or null when there is none; an invalid one is a UserError naming what is wrong. */
export async function loadComments(location: InputLocation): Promise<{ comments: CommentsFile; input: InputRead } | null> {
  const found = await location.store.get(location.key);
  if (!found) return null;
  const where = describeLocation(location);
  if (found.body.length > MAX_COMMENTS_BYTES) throw new UserError(`Invalid comments file ${where}: over ${MAX_COMMENTS_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(found.body.toString('utf8'));
  } catch (cause) {
    throw new UserError(`Invalid comments file ${where}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  const result = commentsFileSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 10).map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`);
    throw new UserError(`Invalid comments file ${where}:\n${lines.join('\n')}`);
  }
  return { comments: result.data, input: inputRead(location, found.body, found.etag, found.versionId) };
}
