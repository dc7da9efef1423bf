/**
 * The zod pieces every input schema shares (the pack configuration, events, the
 * function's environment, the deployment settings, comments files): the one rule for an
 * email address, and the one way a zod error becomes the lines of a user's message.
 */
import * as z from 'zod';
import { printable } from '../printable';

/**
 * One plain mailbox (`name@domain.tld`), trimmed and lower-cased: no display name, no
 * second address after a comma or semicolon. The rule for every address the project
 * accepts: configuration, events and deployment settings.
 */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/, 'is not an email address');

/**
 * Formats a zod path as `sections[0].indicators[2].code`, quoting keys that are not plain names
 * (`targets["2013/14"]`).
 */
export function formatPath(path: ReadonlyArray<PropertyKey>, root = '(root)'): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || root;
}

/**
 * An issue's message; a bad record key says what is wrong with the key rather than zod's bare
 * "Invalid key in record".
 */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key' && issue.issues.length > 0)
    return `invalid key: ${issue.issues.map((inner) => printable(inner.message)).join('; ')}`;
  // Messages may quote the input; a hostile value must not make the message itself huge.
  const message = printable(issue.message);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

export interface IssueLinesOptions {
  /** Most issues listed; the rest are counted in a last line. */
  max?: number;
  /** What an issue about the whole value is said to be about (e.g. `trigger` for an event). */
  root?: string;
}

/** One line per zod issue, `  - path: message`, for the error messages of the schemas that validate input. */
export function issueLines(issues: readonly z.core.$ZodIssue[], options: IssueLinesOptions = {}): string[] {
  const { max = 20, root } = options;
  const lines = issues.slice(0, max).map((issue) => {
    const line = `  - ${formatPath(issue.path, root)}: ${issueMessage(issue)}`;
    return line.length > 600 ? `${line.slice(0, 600)}…` : line; // a path can quote a hostile key
  });
  return issues.length > max ? [...lines, `  - … and ${issues.length - max} more`] : lines;
}
