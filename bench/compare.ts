/**
 * Cell-by-cell comparison of the pipeline's pack with the DuckDB baseline: numerators
 * and denominators must be equal, values equal within 1e-9 (relative to the value for
 * large values), no value on both sides or on neither.
 */
import type { Cell, Pack } from '../functions/core/pack/pack-types';
import type { BaselinePack } from './duckdb-baseline';

/** Every column of one indicator, keyed `priorYear`, `YYYY-MM` (months), `ytd`. */
export type IndicatorCells = Record<string, Cell>;

export interface Mismatch {
  code: string;
  column: string;
  field: 'value' | 'numerator' | 'denominator' | 'missing';
  pipeline: number | null | undefined;
  duckdb: number | null | undefined;
}

const TOLERANCE = 1e-9;

function cellsOf(indicator: { priorYear: Cell; months: Array<Cell & { period: string }>; ytd: Cell }): IndicatorCells {
  const cells: IndicatorCells = { priorYear: indicator.priorYear, ytd: indicator.ytd };
  for (const month of indicator.months)
    cells[month.period] = { value: month.value, numerator: month.numerator, denominator: month.denominator };
  return cells;
}

/** The pipeline pack's cells per indicator code. */
export function packCells(pack: Pack): Record<string, IndicatorCells> {
  const out: Record<string, IndicatorCells> = {};
  for (const section of pack.sections)
    for (const indicator of section.indicators) out[indicator.code] = cellsOf(indicator);
  return out;
}

/** The baseline's cells per indicator code. */
export function baselineCells(pack: Pack | BaselinePack): Record<string, IndicatorCells> {
  if ('sections' in pack) return packCells(pack);
  const out: Record<string, IndicatorCells> = {};
  for (const indicator of pack.indicators) out[indicator.code] = cellsOf(indicator);
  return out;
}

function sameNumber(a: number | null, b: number | null, tolerance: number): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

export function compareCells(
  pipeline: Record<string, IndicatorCells>,
  duckdb: Record<string, IndicatorCells>,
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const codes = new Set([...Object.keys(pipeline), ...Object.keys(duckdb)]);
  for (const code of codes) {
    const ours = pipeline[code] ?? {};
    const theirs = duckdb[code] ?? {};
    for (const column of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const a = ours[column];
      const b = theirs[column];
      if (!a || !b) {
        mismatches.push({
          code,
          column,
          field: 'missing',
          pipeline: a ? a.value : undefined,
          duckdb: b ? b.value : undefined,
        });
        continue;
      }
      for (const field of ['numerator', 'denominator'] as const) {
        if (!sameNumber(a[field], b[field], 0))
          mismatches.push({ code, column, field, pipeline: a[field], duckdb: b[field] });
      }
      if (!sameNumber(a.value, b.value, TOLERANCE))
        mismatches.push({ code, column, field: 'value', pipeline: a.value, duckdb: b.value });
    }
  }
  return mismatches;
}

export function describeMismatches(mismatches: Mismatch[]): string {
  return mismatches
    .map((m) => `  ${m.code} [${m.column}] ${m.field}: pipeline ${String(m.pipeline)} vs DuckDB ${String(m.duckdb)}`)
    .join('\n');
}
