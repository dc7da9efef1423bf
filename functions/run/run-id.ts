/**
 * Run identifiers: the UTC start time (ISO 8601 basic format, to the millisecond), the
 * trigger, and a short random suffix — e.g. `20131202T070000.000Z-schedule-3fa1c0`.
 * Fixed-width time first, so plain string order is time order; the suffix keeps two runs
 * started in the same millisecond (two instances handling one event) apart, so neither
 * can overwrite the other's folder.
 */
import { randomBytes } from 'node:crypto';

export type Trigger = 'schedule' | 'rerun' | 'cli';

export function randomSuffix(): string {
  return randomBytes(3).toString('hex');
}

export function makeRunId(startedAt: Date, trigger: Trigger, suffix: string = randomSuffix()): string {
  const iso = startedAt.toISOString(); // 2013-12-02T07:00:00.000Z
  const date = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
  const time = `${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 23)}`;
  const compact = `${date}T${time}Z`;
  return `${compact}-${trigger}-${suffix}`;
}

const RUN_ID = /^\d{8}T\d{6}\.\d{3}Z-(schedule|rerun|cli)-[0-9a-f]{4,}$/;

export function isRunId(text: string): boolean {
  return RUN_ID.test(text);
}

/** Negative when `a` started before `b`. */
export function compareRunIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
