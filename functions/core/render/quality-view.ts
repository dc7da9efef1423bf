/** The data-quality report as shown: the problems listed and the counts per kind. */
import { MAX_LISTED_PER_KIND } from '../extract/problems';
import { formatValue } from '../pack/format';
import type { DataQuality, Problem } from '../types';

export interface ProblemView {
  severity: string;
  kind: string;
  table: string;
  row: string;
  column: string;
  value: string;
  message: string;
}

export interface KindCountView {
  kind: string;
  severity: string;
  total: string;
  listed: string;
  unlisted: string;
  hasUnlisted: boolean;
}

export interface QualityView {
  errors: ProblemView[];
  warnings: ProblemView[];
  counts: KindCountView[];
  errorTotal: number;
  warningTotal: number;
  /** How many problems of each kind the report lists (the reader's cap). */
  listedPerKind: number;
  isClean: boolean;
}

function problemView(problem: Problem, severity: string): ProblemView {
  return {
    severity,
    kind: problem.kind,
    table: problem.table ?? '',
    row: problem.row === null ? '' : formatValue(problem.row, 'count', 0),
    column: problem.column ?? '',
    value: problem.value ?? '',
    message: problem.message,
  };
}

export function qualityView(quality: DataQuality): QualityView {
  const counts = Object.entries(quality.counts)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, c]) => {
      const unlisted = Math.max(0, c.total - c.listed);
      return {
        kind,
        severity: c.severity === 'error' ? 'Error' : 'Warning',
        total: formatValue(c.total, 'count', 0),
        listed: formatValue(c.listed, 'count', 0),
        unlisted: formatValue(unlisted, 'count', 0),
        hasUnlisted: unlisted > 0,
      };
    });
  const totalOf = (severity: 'error' | 'warning') =>
    Object.values(quality.counts)
      .filter((c) => c.severity === severity)
      .reduce((sum, c) => sum + c.total, 0);
  const errorTotal = Math.max(totalOf('error'), quality.errors.length);
  const warningTotal = Math.max(totalOf('warning'), quality.warnings.length);
  return {
    errors: quality.errors.map((p) => problemView(p, 'Error')),
    warnings: quality.warnings.map((p) => problemView(p, 'Warning')),
    counts,
    errorTotal,
    warningTotal,
    listedPerKind: MAX_LISTED_PER_KIND,
    isClean: errorTotal === 0 && warningTotal === 0,
  };
}
