/**
 * Creating a local output folder without Node's recursive mkdir, which never returns on
 * some pseudo-file-systems (`mkdir -p /proc/nope` loops at full CPU in Node 20: the kernel
 * answers ENOENT for the parent that exists). Here the nearest existing ancestor is found
 * first, must be a folder, and each missing level is created once; any refusal is a
 * plain UserError naming the folder and the reason.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors';

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'it cannot be created there',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
};

/** Makes `dir` (and missing parents) a folder, or throws a UsageError saying why it cannot be one. */
export async function ensureFolder(dir: string, what = 'the output folder'): Promise<void> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    const stat = await fs.stat(at).catch((error: unknown) => {
      if (codeOf(error) === 'ENOENT') return null;
      throw new UsageError(`Cannot use ${target} as ${what}: ${REASONS[codeOf(error)] ?? codeOf(error)}.`);
    });
    if (stat) {
      if (!stat.isDirectory()) throw new UsageError(`Cannot use ${target} as ${what}: ${at} is a file, not a folder.`);
      break;
    }
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) {
    try {
      await fs.mkdir(folder);
    } catch (error) {
      if (codeOf(error) === 'EEXIST') continue;
      throw new UsageError(`Cannot create ${what} ${target}: ${REASONS[codeOf(error)] ?? codeOf(error)}.`);
    }
  }
  // Writable? A folder we may not write to would otherwise fail only after the pack is computed.
  try {
    await fs.access(target, fs.constants.W_OK);
  } catch (error) {
    throw new UsageError(`Cannot write to ${what} ${target}: ${REASONS[codeOf(error)] ?? codeOf(error)}.`);
  }
}
