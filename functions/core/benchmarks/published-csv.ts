/**
 * Reads one of DfE's Explore Education Statistics tidy CSVs (docs/BENCHMARKS-DATA.md, "Published files"): one
 * row per reporting year × geography, columns found by name in any order (the CLA file puts `la_name` before
 * `new_la_code` and starts with a byte-order mark). Each figure the comparator table (comparators.ts) asks of
 * the file becomes one figure per area and year; a suppressed cell keeps DfE's code and is never 0.
 *
 * A problem names the file, the spreadsheet row (header = 1) and the column, as the extract's reader does.
 */
import type { Readable } from 'node:stream';
import { readCsv } from '../extract/csv-reader';
import type { Problem } from '../types';
import type { Comparator } from './comparators';
import { AREA_LEVELS, type Area, type Figure, type FileRead, type AreaLevel } from './benchmark-data';

/** DfE's codes for a value not published (EES's standard symbols: c, x, u, z and low). */
export const SUPPRESSION_CODES: ReadonlySet<string> = new Set(['c', 'x', 'u', 'z', 'low']);

const GEOGRAPHY_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
] as const;

const LEVELS: Record<string, AreaLevel> = {
  National: AREA_LEVELS.england,
  Regional: AREA_LEVELS.region,
  'Local authority': AREA_LEVELS.la,
};

const NUMBER = /^-?\d+(\.\d+)?$/;

function problem(file: string, kind: string, row: number | null, column: string | null, value: string | null) {
  return (message: string): Problem => ({ kind, table: file, row, column, value, message: `${file}: ${message}` });
}

interface RowCells {
  get(column: string): string;
}

/** The area a row is about, or a message saying why it names none. */
function areaOf(cells: RowCells, level: AreaLevel): Area | string {
  if (level === 'england') {
    const code = cells.get('country_code');
    return code ? { code, name: 'England', level, oldCode: null, region: null } : 'country_code is empty';
  }
  if (level === 'region') {
    const code = cells.get('region_code');
    return code ? { code, name: cells.get('region_name'), level, oldCode: null, region: null } : 'region_code is empty';
  }
  const code = cells.get('new_la_code');
  if (!/^E(0[6-9]|10)\d{6}$/.test(code)) return `new_la_code ${JSON.stringify(code)} is not a 9-character LA code`;
  const oldCode = cells.get('old_la_code');
  return {
    code,
    name: cells.get('la_name'),
    level,
    oldCode: oldCode || null,
    region: cells.get('region_code') || null,
  };
}

/**
 * Reads the file's rows for the given comparators. Only a failure of the stream itself rejects: bad rows and a
 * file that is not CSV come back as problems, and the rows that are good are still read.
 */
export async function readPublishedCsv(
  file: string,
  stream: Readable,
  comparators: readonly Comparator[],
): Promise<FileRead> {
  const problems: Problem[] = [];
  const figures: Figure[] = [];
  const areas = new Map<string, Area>();
  const seen = new Map<string, number>();
  let index: Map<string, number> | null = null;
  let usable = true;
  const read = await readCsv(stream, {
    malformed(row, message) {
      problems.push(problem(file, 'benchmark-malformed-row', row, null, null)(`row ${row} ${message}`));
    },
    row(cells, rowNumber) {
      if (index === null) {
        index = new Map(cells.map((name, i) => [name.trim(), i]));
        const needed = [
          ...GEOGRAPHY_COLUMNS,
          ...comparators.flatMap((c) => [c.column, ...(c.filter ? [c.filter.column] : [])]),
        ];
        for (const column of new Set(needed))
          if (!index.has(column)) {
            usable = false;
            problems.push(problem(file, 'benchmark-missing-column', 1, column, null)(`has no column ${column}`));
          }
        return;
      }
      if (!usable) return;
      const at = index;
      const cells_: RowCells = { get: (column) => (cells[at.get(column) ?? -1] ?? '').trim() };
      const bad = (column: string, value: string, message: string) =>
        problems.push(
          problem(file, 'benchmark-bad-value', rowNumber, column, value)(`row ${rowNumber}, ${column}: ${message}`),
        );
      const period = cells_.get('time_period');
      if (!/^\d{4}$/.test(period))
        return bad('time_period', period, `${JSON.stringify(period)} is not a reporting year such as 2013`);
      const identifier = cells_.get('time_identifier');
      if (identifier !== 'Reporting year')
        return bad(
          'time_identifier',
          identifier,
          `${JSON.stringify(identifier)} is not "Reporting year", the only period read`,
        );
      const levelText = cells_.get('geographic_level');
      const level = LEVELS[levelText];
      if (level === undefined)
        return bad(
          'geographic_level',
          levelText,
          `${JSON.stringify(levelText)} is not National, Regional or Local authority`,
        );
      const area = areaOf(cells_, level);
      if (typeof area === 'string')
        return bad(level === 'la' ? 'new_la_code' : `${level === 'england' ? 'country' : 'region'}_code`, '', area);
      const year = Number(period);
      for (const comparator of comparators) {
        if (comparator.filter && cells_.get(comparator.filter.column) !== comparator.filter.value) continue;
        const text = cells_.get(comparator.column);
        if (text === '') continue; // nothing published for this area and year: no figure, not a zero
        const suppressed = SUPPRESSION_CODES.has(text.toLowerCase()) ? text.toLowerCase() : null;
        if (suppressed === null && !NUMBER.test(text)) {
          bad(
            comparator.column,
            text,
            `${JSON.stringify(text)} is neither a number nor one of DfE's codes ${[...SUPPRESSION_CODES].join(', ')}`,
          );
          continue;
        }
        const key = `${comparator.id}|${area.code}|${year}`;
        const first = seen.get(key);
        if (first !== undefined) {
          bad(
            comparator.column,
            text,
            `a second figure for ${area.name} (${area.code}) in ${year} (the first is in row ${first})`,
          );
          continue;
        }
        seen.set(key, rowNumber);
        figures.push({
          comparator: comparator.id,
          area: area.code,
          year,
          value: suppressed ? null : Number(text),
          suppressed,
          source: file,
        });
      }
      areas.set(area.code, area);
    },
  });
  if (read.failure)
    problems.push(problem(file, 'benchmark-unreadable', read.failure.row, null, null)(read.failure.message));
  return { file, figures, areas: [...areas.values()], models: [], problems };
}
