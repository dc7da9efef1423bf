/**
 * Collects data-quality problems as the extract is read. Every problem is counted, but
 * only the first 50 of each kind are kept (docs/EXTRACT.md, "Validation"), so a badly broken
 * national extract cannot flood memory or the report.
 */
import type { DataQuality, Problem, Severity } from '../types';

export const MAX_LISTED_PER_KIND = 50;

export class ProblemCollector {
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private readonly counts: DataQuality['counts'] = {};

  error(problem: Problem): void {
    this.add('error', problem);
  }

  warning(problem: Problem): void {
    this.add('warning', problem);
  }

  get errorCount(): number {
    let total = 0;
    for (const kind of Object.keys(this.counts))
      if (this.counts[kind].severity === 'error') total += this.counts[kind].total;
    return total;
  }

  /** The problems as reported; a snapshot, safe to keep after more are added. */
  result(): DataQuality {
    const counts: DataQuality['counts'] = {};
    for (const [kind, count] of Object.entries(this.counts)) counts[kind] = { ...count };
    return { errors: [...this.errors], warnings: [...this.warnings], counts };
  }

  private add(severity: Severity, problem: Problem): void {
    let count = this.counts[problem.kind];
    if (!count) {
      count = { severity, total: 0, listed: 0 };
      this.counts[problem.kind] = count;
    } else if (count.severity !== severity) {
      // A kind has one severity; mixing them would make the counts lie.
      throw new Error(`problem kind ${problem.kind} used as both ${count.severity} and ${severity}`);
    }
    count.total += 1;
    if (count.listed >= MAX_LISTED_PER_KIND) return;
    count.listed += 1;
    (severity === 'error' ? this.errors : this.warnings).push(problem);
  }
}

/**
 * A data-quality report with warnings found after the read added (the comments', the
 * computation's): listed and counted under their kinds. A new object; `quality` is left
 * as it was.
 */
export function withWarnings(quality: DataQuality, added: readonly Problem[]): DataQuality {
  const counts = { ...quality.counts };
  for (const problem of added) {
    const entry = counts[problem.kind] ?? { severity: 'warning' as const, total: 0, listed: 0 };
    counts[problem.kind] = { severity: entry.severity, total: entry.total + 1, listed: entry.listed + 1 };
  }
  return { errors: [...quality.errors], warnings: [...quality.warnings, ...added], counts };
}
