/**
 * Loading the run's small inputs — the pack configuration and the month's supplied
 * comments — with what the manifest records about them (key, size, ETag, SHA-256).
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { ObjectStore } from '../adapters/object-store';
import { ConfigError, UserError } from '../core/errors';
import { parsePackConfigText, type PackConfig } from '../core/config/pack-config';
import { issueLines } from '../core/config/zod-helpers';
import type { CommentsFile } from '../core/pack/pack-types';
import type { InputRead, Problem } from '../core/types';
import { MAX_COMMENT_LENGTH } from '../core/render/import-comments';

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

function inputRead(
  location: InputLocation,
  body: Buffer,
  etag: string | undefined,
  versionId: string | undefined,
): InputRead {
  return { key: describeLocation(location), size: body.length, sha256: sha256(body), etag, versionId };
}

/** Longest configuration accepted: a real one is a few kilobytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export async function loadConfig(location: InputLocation): Promise<{ config: PackConfig; input: InputRead }> {
  const found = await location.store.get(location.key);
  const where = describeLocation(location);
  if (!found) throw new ConfigError(`No pack configuration at ${where}`);
  if (found.body.length > MAX_CONFIG_BYTES)
    throw new ConfigError(`The pack configuration at ${where} is over ${MAX_CONFIG_BYTES} bytes`);
  const config = parsePackConfigText(found.body.toString('utf8'), where);
  return { config, input: inputRead(location, found.body, found.etag, found.versionId) };
}

/**
 * A comment is free text, bounded as the workbook import bounds it (5,000 characters) so
 * one pasted document cannot swamp the pack; a longer one refuses the file, naming the
 * key, rather than being cut where the officer did not choose.
 */
const commentText = z
  .string()
  .max(
    MAX_COMMENT_LENGTH,
    `is longer than the ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')}-character limit for a comment; shorten it`,
  );

const commentsFileSchema = z
  .object({
    sections: z
      .record(z.string(), z.object({ performance: commentText.optional(), service: commentText.optional() }).strict())
      .optional(),
    indicators: z.record(z.string(), commentText).optional(),
  })
  .strict();

const MAX_COMMENTS_BYTES = 2 * 1024 * 1024;

/**
 * Characters removed from comments:
 *   - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 *     which make text display in a different order from the one it is stored in (a
 *     "Trojan Source" comment could show a figure reversed); the plain left-to-right and
 *     right-to-left marks stay, as real right-to-left text needs them;
 *   - control characters other than tab and line breaks (C0, DEL, C1), which XML 1.0 —
 *     and so the workbook — cannot hold and which no reader can see.
 * Removal is noted as a data-quality warning naming the comment, so it is never silent.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The comment without unsafe characters, and a warning when any were removed. */
function neutralise(text: string, where: string, file: string): { text: string; problem: Problem | null } {
  const removed = text.match(UNSAFE_CHARACTERS);
  if (!removed) return { text, problem: null };
  const kinds = [...new Set(removed.map(codePoint))];
  return {
    text: text.replace(UNSAFE_CHARACTERS, ''),
    problem: {
      kind: 'comment-control-characters',
      table: file,
      row: null,
      column: where,
      value: kinds.join(' '),
      message:
        `Removed ${removed.length} invisible control or text-direction character${removed.length === 1 ? '' : 's'} ` +
        `(${kinds.join(', ')}) from the comment ${where}: they can make text display ` +
        'in a misleading order or break the workbook.',
    },
  };
}

function neutraliseAll(comments: CommentsFile, file: string): { comments: CommentsFile; problems: Problem[] } {
  const problems: Problem[] = [];
  const clean = (text: string, where: string): string => {
    const result = neutralise(text, where, file);
    if (result.problem) problems.push(result.problem);
    return result.text;
  };
  // Built on null-prototype objects: a key such as "__proto__" stays an ordinary key.
  const out: CommentsFile = {};
  if (comments.sections) {
    const sections = Object.create(null) as NonNullable<CommentsFile['sections']>;
    for (const [id, section] of Object.entries(comments.sections)) {
      sections[id] = {
        ...(section.performance !== undefined
          ? { performance: clean(section.performance, `sections.${id}.performance`) }
          : {}),
        ...(section.service !== undefined ? { service: clean(section.service, `sections.${id}.service`) } : {}),
      };
    }
    out.sections = sections;
  }
  if (comments.indicators) {
    const indicators = Object.create(null) as NonNullable<CommentsFile['indicators']>;
    for (const [code, text] of Object.entries(comments.indicators))
      indicators[code] = clean(text, `indicators.${code}`);
    out.indicators = indicators;
  }
  return { comments: out, problems };
}

export interface LoadedComments {
  comments: CommentsFile;
  input: InputRead;
  /** Warnings about what was removed from the comments (unsafe characters). */
  problems: Problem[];
}

/** The comments file, or null when there is none; an invalid one is a UserError naming what is wrong. */
export async function loadComments(location: InputLocation): Promise<LoadedComments | null> {
  const found = await location.store.get(location.key);
  if (!found) return null;
  const where = describeLocation(location);
  if (found.body.length > MAX_COMMENTS_BYTES)
    throw new UserError(`Invalid comments file ${where}: over ${MAX_COMMENTS_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(found.body.toString('utf8'));
  } catch (cause) {
    throw new UserError(`Invalid comments file ${where}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  const result = commentsFileSchema.safeParse(json);
  if (!result.success) {
    throw new UserError(`Invalid comments file ${where}:\n${issueLines(result.error.issues, { max: 10 }).join('\n')}`);
  }
  const { comments, problems } = neutraliseAll(result.data, location.key);
  return { comments, problems, input: inputRead(location, found.body, found.etag, found.versionId) };
}
