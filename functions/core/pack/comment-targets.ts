/**
 * Comments addressed to a section id or an indicator code the configuration does not have: a misspelt key would
 * otherwise drop the officer's text silently. Each is a warning naming the key and the closest known one.
 */
import type { PackConfig } from '../config/pack-config';
import type { Problem } from '../types';
import type { CommentsFile } from './pack-types';

/** Levenshtein distance, case-insensitive (codes are typed as "op388a" as often as "OP388a"). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length];
}

/** The known key closest to `key` (the first in configuration order on a tie); null when there are none. */
export function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function unknown(kind: 'section' | 'indicator', key: string, known: readonly string[], file: string): Problem {
  const [what, path] = kind === 'section' ? ['section id', 'sections'] : ['indicator code', 'indicators'];
  const near = closest(key, known);
  return {
    kind: `unknown-comment-${kind}`,
    table: file,
    row: null,
    column: `${path}.${key}`,
    value: key,
    message:
      `The comments file has a comment for the ${what} "${key}", which the pack configuration does not have; ` +
      `it is not shown.${near === null ? '' : ` Did you mean "${near}"?`}`,
  };
}

/** One warning per section id and indicator code in `comments` that `config` does not have. */
export function unknownCommentTargets(comments: CommentsFile, config: PackConfig, file: string): Problem[] {
  const sectionIds = config.sections.map((s) => s.id);
  const codes = config.sections.flatMap((s) => s.indicators.map((i) => i.code));
  return [
    ...Object.keys(comments.sections ?? {})
      .filter((id) => !sectionIds.includes(id))
      .map((id) => unknown('section', id, sectionIds, file)),
    ...Object.keys(comments.indicators ?? {})
      .filter((code) => !codes.includes(code))
      .map((code) => unknown('indicator', code, codes, file)),
  ];
}
