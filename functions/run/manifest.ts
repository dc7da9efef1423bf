/**
 * `manifest.json`: what a run read, did and sent (docs/OUTPUTS.md, Outputs). Written last,
 * create-only, in the run's own folder — for failed and skipped runs too.
 */
import type { DataQuality, InputRead, Period, Severity, TableStats } from '../core/types';
import type { Trigger } from './run-id';
import type { ClaimOutcome } from './delivery-ledger';

export type RunStatus = 'sent' | 'stored' | 'failed' | 'duplicate-skipped';

export interface BatchRecord {
  index: number;
  recipients: string[];
  /** sent: SES accepted it; failed: SES refused it (after retries); the others: this run did not send it (and why). */
  outcome: 'sent' | 'failed' | Exclude<ClaimOutcome, 'claimed' | 'taken-over'>;
  /** Whether this run took the batch over from a run that stopped part way. */
  takenOver: boolean;
  messageId: string | null;
  subject: string;
}

export interface QualityCounts {
  errors: number;
  warnings: number;
  byKind: Record<string, { severity: Severity; total: number }>;
}

export interface Manifest {
  runId: string;
  period: Period;
  trigger: Trigger;
  requestedBy: string | null;
  reason: string | null;
  scheduledTime: string | null;
  /** What the run was asked to send: none, preview, pack, revised. */
  delivery: string;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  codeVersion: string;
  configSha256: string | null;
  inputs: InputRead[];
  tables: TableStats[];
  outputs: string[];
  latestUpdated: boolean;
  batches: BatchRecord[];
  failureNotice: { recipients: string[]; messageId: string | null; error: string | null } | null;
  dataQuality: QualityCounts | null;
  /**
   * Why the run failed, and in which stage (config, comments, read-extract, compute, render, compose, store, send,
   * publish).
   */
  error: { name: string; message: string; stage: string | null } | null;
}

export function qualityCounts(quality: DataQuality): QualityCounts {
  const byKind: QualityCounts['byKind'] = {};
  let errors = 0;
  let warnings = 0;
  for (const [kind, count] of Object.entries(quality.counts)) {
    byKind[kind] = { severity: count.severity, total: count.total };
    if (count.severity === 'error') errors += count.total;
    else warnings += count.total;
  }
  // Problems listed without a count entry (should not happen) still count.
  return {
    errors: Math.max(errors, quality.errors.length),
    warnings: Math.max(warnings, quality.warnings.length),
    byKind,
  };
}
