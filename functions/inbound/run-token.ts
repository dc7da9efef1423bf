/**
 * The token the preview's subject carries, e.g. `[IP-2013-11-3fa1c0]`: the period and
 * the random suffix of the run id (run-id.ts). Mail clients keep the subject when
 * replying and only put a prefix before it ("RE:", "AW:", "Fw:", "SV:", "Antw:"…), so
 * the token survives where In-Reply-To/References do not (a reply written as a new
 * message with the subject pasted, a client that drops the headers). Defined here only:
 * one function makes it, one finds it. A token found is a claim to check against the
 * stored runs (which-run.ts), never a run by itself.
 */
import { isPeriod } from '../core/calendar';
import type { Period } from '../core/types';

export interface RunToken {
  period: Period;
  /** The run id's random suffix (hex). */
  suffix: string;
}

const TOKEN = /\[IP-(\d{4}-\d{2})-([0-9a-f]{4,16})\]/gi;

/** The run id's last part: `20131202T070000.000Z-schedule-3fa1c0` → `3fa1c0`. */
export function runIdSuffix(runId: string): string {
  const suffix = runId.slice(runId.lastIndexOf('-') + 1);
  if (!/^[0-9a-f]{4,16}$/.test(suffix)) throw new Error(`run id ${runId} has no hex suffix`);
  return suffix;
}

export function makeRunToken(period: Period, runId: string): string {
  return `[IP-${period}-${runIdSuffix(runId)}]`;
}

/** Every well-formed token in a subject, in order (a forwarded thread may carry more than one). */
export function findRunTokens(subject: string): RunToken[] {
  const found: RunToken[] = [];
  for (const match of subject.matchAll(TOKEN)) {
    const period = match[1];
    if (isPeriod(period)) found.push({ period, suffix: match[2].toLowerCase() });
  }
  return found;
}
