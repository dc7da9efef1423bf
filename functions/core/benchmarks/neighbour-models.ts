/**
 * DfE's statistical-neighbour models (docs/BENCHMARKS-DATA.md, "Neighbour models"), in the two shapes DfE
 * publishes them:
 *   - the CSV (`sn_model_2025_wide.csv`: `old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,…,SN_10,SN_10P`;
 *     `New_Statistical_Neighbour_Groupings_April_2021.csv`: `LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,…`);
 *   - LAIT's workbook (`sn_may_2025.xlsx`, `sn_april_2021.xlsx`): sheet `LA SN Groups`, two leading rows
 *     (column letters, column numbers), then the 2021 CSV's header.
 * (dfe-analytical-services/CSC_outcomes_and_enablers `data-raw/`, commit 2f5d11a4; local-authority-interactive-tool
 * `01_data/02_prod/`, commit 2e30e395.) Neighbours are listed by old 3-digit LA code, closest first; the closeness
 * words (`SN_1P`, `SNP`) are not used.
 */
import type { Readable } from 'node:stream';
import { readCsv } from '../extract/csv-reader';
import { readWorkbook } from '../extract/xlsx-reader';
import type { Problem } from '../types';
import type { FileRead, NeighbourModel } from './benchmark-data';

/** The file names of neighbour models: DfE's and LAIT's. */
export const NEIGHBOUR_FILE = /^(sn_.*|New_Statistical_Neighbour_Groupings.*)\.(csv|xlsx)$/i;
export const LAIT_SHEET = 'LA SN Groups';
const CODE_COLUMNS = ['old_la_code', 'LA num'];
const NEIGHBOUR_COLUMN = /^SN_?(\d{1,2})$/;
const OLD_CODE = /^\d{3}$/;
/** LAIT's mark for no neighbours given (April 2021's Cumberland and Westmorland and Furness, new in 2023). */
const NONE = '-';
/** How far down the workbook's sheet the header may be (LAIT's has two rows above it). */
const HEADER_SEARCH_ROWS = 5;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * The model's year and name from its file name, e.g. `sn_may_2025.xlsx` → "2025", "DfE statistical neighbours
 * (May 2025)".
 */
export function modelName(file: string): { id: string; name: string } | null {
  const year = /(20\d\d)/.exec(file)?.[1];
  if (!year) return null;
  const month = MONTHS.find((m) => file.toLowerCase().includes(m));
  const when = month ? `${month[0].toUpperCase()}${month.slice(1)} ${year}` : year;
  return { id: year, name: `DfE statistical neighbours (${when})` };
}

/** Builds the model from rows of text cells, the header among the first rows. */
export class NeighbourRows {
  private header: { code: number; neighbours: number[] } | null = null;
  private readonly groups: Record<string, string[]> = {};
  readonly problems: Problem[] = [];

  constructor(private readonly file: string) {}

  row(cells: readonly string[], rowNumber: number): void {
    const at = (kind: string, column: string | null, value: string | null, message: string) =>
      this.problems.push({
        kind,
        table: this.file,
        row: rowNumber,
        column,
        value,
        message: `${this.file}: ${message}`,
      });
    if (this.header === null) {
      const names = cells.map((c) => c.trim());
      const code = names.findIndex((n) => CODE_COLUMNS.includes(n));
      const neighbours = names.flatMap((n, i) => (NEIGHBOUR_COLUMN.test(n) ? [i] : []));
      if (code >= 0 && neighbours.length > 0) this.header = { code, neighbours };
      else if (rowNumber >= HEADER_SEARCH_ROWS)
        at(
          'benchmark-missing-column',
          CODE_COLUMNS.join(' or '),
          null,
          `no header with ${CODE_COLUMNS.join(' or ')} and SN_1…SN_10 in the first ${HEADER_SEARCH_ROWS} rows`,
        );
      return;
    }
    const codeText = (cells[this.header.code] ?? '').trim();
    if (codeText === '') return;
    if (!OLD_CODE.test(codeText))
      return void at(
        'benchmark-bad-value',
        'LA code',
        codeText,
        `row ${rowNumber}: ${JSON.stringify(codeText)} is not a 3-digit LA code`,
      );
    if (this.groups[codeText])
      return void at('benchmark-bad-value', 'LA code', codeText, `row ${rowNumber}: LA ${codeText} is listed twice`);
    const neighbours: string[] = [];
    for (const i of this.header.neighbours) {
      const n = (cells[i] ?? '').trim();
      if (n === '' || n === NONE) continue;
      if (!OLD_CODE.test(n))
        return void at(
          'benchmark-bad-value',
          `SN column ${i + 1}`,
          n,
          `row ${rowNumber}: neighbour ${JSON.stringify(n)} is not a 3-digit LA code`,
        );
      neighbours.push(n);
    }
    this.groups[codeText] = neighbours;
  }

  /** The file's result: its model, or none with the problems saying why. */
  result(): FileRead {
    const named = modelName(this.file);
    const problems = [...this.problems];
    if (!named)
      problems.push({
        kind: 'benchmark-unnamed-model',
        table: this.file,
        row: null,
        column: null,
        value: null,
        message: `${this.file}: the file name gives no year (e.g. sn_may_2025.xlsx), so the model cannot be named`,
      });
    if (this.header === null && this.problems.length === 0)
      problems.push({
        kind: 'benchmark-missing-column',
        table: this.file,
        row: null,
        column: null,
        value: null,
        message: `${this.file}: no header row with old_la_code or LA num and SN_1…SN_10`,
      });
    const model: NeighbourModel[] =
      named && Object.keys(this.groups).length > 0 ? [{ ...named, source: this.file, groups: this.groups }] : [];
    return { file: this.file, figures: [], areas: [], models: model, problems };
  }
}

const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

export async function readNeighbourModel(file: string, stream: Readable): Promise<FileRead> {
  const rows = new NeighbourRows(file);
  const failure = (message: string): Problem => ({
    kind: 'benchmark-unreadable',
    table: file,
    row: null,
    column: null,
    value: null,
    message: `${file}: ${message}`,
  });
  if (file.toLowerCase().endsWith('.csv')) {
    const read = await readCsv(stream, {
      row: (cells, n) => rows.row(cells, n),
      malformed: (n, m) => rows.problems.push({ ...failure(`row ${n} ${m}`), row: n }),
    });
    const result = rows.result();
    return read.failure ? { ...result, problems: [...result.problems, failure(read.failure.message)] } : result;
  }
  let sawSheet = false;
  const read = await readWorkbook(stream, {
    sheet(name) {
      if (name !== LAIT_SHEET) return null;
      sawSheet = true;
      return { row: (cells, n) => rows.row(cells.map(cellText), n), end: () => undefined };
    },
  });
  const result = rows.result();
  const extra: Problem[] = [];
  if (read.failure) extra.push(failure(read.failure.message));
  else if (!sawSheet) extra.push(failure(`the workbook has no sheet named "${LAIT_SHEET}"`));
  return extra.length > 0 ? { ...result, models: [], problems: [...extra] } : result;
}
