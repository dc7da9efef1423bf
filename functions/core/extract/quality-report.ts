/**
 * The data-quality report as plain text, as the CLI prints it: a summary line, then
 * errors and warnings grouped by kind, each problem naming table, row, column and value.
 */
import { printable } from '../printable';
import type { DataQuality, InfoNote, Problem, Severity } from '../types';

function describeProblem(problem: Problem): string {
  const where = [
    problem.table ?? 'extract',
    problem.row !== null ? `row ${problem.row}` : null,
    problem.column !== null ? `column ${problem.column}` : null,
    problem.value !== null ? `value "${problem.value}"` : null,
  ].filter((part) => part !== null);
  // Table, column and value come from the extract: shown escaped, one problem per line.
  return printable(`${where.join(', ')}: ${problem.message}`);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function formatSection(
  title: string,
  severity: Severity,
  problems: readonly Problem[],
  quality: DataQuality,
): string[] {
  const kinds = Object.entries(quality.counts).filter(([, count]) => count.severity === severity);
  if (kinds.length === 0) return [];
  const lines = [`${title}:`];
  for (const [kind, count] of kinds) {
    lines.push(`  ${kind} (${count.total}):`);
    for (const problem of problems) if (problem.kind === kind) lines.push(`    ${describeProblem(problem)}`);
    if (count.total > count.listed) lines.push(`    ... and ${count.total - count.listed} more not listed`);
  }
  return lines;
}

function total(quality: DataQuality, severity: Severity): number {
  return Object.values(quality.counts).reduce(
    (sum, count) => (count.severity === severity ? sum + count.total : sum),
    0,
  );
}

function formatInfo(notes: readonly InfoNote[]): string[] {
  return notes.length === 0 ? [] : ['Information:', ...notes.map((note) => `  ${printable(note.message)}`)];
}

export function formatQualityReport(quality: DataQuality): string {
  const errors = total(quality, 'error');
  const warnings = total(quality, 'warning');
  const summary =
    errors === 0 && warnings === 0
      ? 'Data quality: no problems found.'
      : `Data quality: ${plural(errors, 'error')}, ` +
        `${plural(warnings, 'warning')}.${errors > 0 ? ' Errors stop the run.' : ''}`;
  return (
    [
      summary,
      ...formatSection('Errors', 'error', quality.errors, quality),
      ...formatSection('Warnings', 'warning', quality.warnings, quality),
      ...formatInfo(quality.info ?? []),
    ].join('\n') + '\n'
  );
}
