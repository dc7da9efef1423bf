/**
 * Which comments a reply changed: the comments file before and after, compared entry by
 * entry (whitespace differences do not count), each change named as the officer knows
 * the cell, for the revised preview's list and the "no comment changed" reply.
 */
import type { CommentsFile } from './pack-types';

type Entries = Map<string, string>;

function entries(file: CommentsFile | null): Entries {
  const found: Entries = new Map();
  for (const [id, section] of Object.entries(file?.sections ?? {})) {
    if (section.performance) found.set(`section ${id}, performance comment`, section.performance);
    if (section.service) found.set(`section ${id}, service comment`, section.service);
  }
  for (const [code, text] of Object.entries(file?.indicators ?? {})) if (text) found.set(`${code} comment`, text);
  return found;
}

const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** e.g. `OP380 comment: added`; empty when nothing changed. */
export function changedComments(before: CommentsFile | null, after: CommentsFile): string[] {
  const old = entries(before);
  const now = entries(after);
  const changes: string[] = [];
  for (const [name, text] of now) {
    const was = old.get(name);
    if (was === undefined) changes.push(`${name}: added`);
    else if (words(was) !== words(text)) changes.push(`${name}: changed`);
  }
  for (const name of old.keys()) if (!now.has(name)) changes.push(`${name}: removed`);
  return changes;
}
