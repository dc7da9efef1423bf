/**
 * Reads and validates one extract (docs/EXTRACT.md): finds its files, streams each table
 * through validation into typed records, then checks across tables. Data problems
 * become the data-quality report; only a failing source (network, disk) throws.
 *
 * A table that no configured indicator needs may be absent; when it is present it is
 * read and validated all the same, and its errors stop the run: a broken file is a sign
 * the export itself went wrong, and a pack must not go out built on such an export.
 */
import type { DataQuality, Extract, InputRead, Period, TableName, TableReach, TableStats } from '../types';
import { TABLE_NAMES } from '../types';
import { readCsv } from './csv-reader';
import { ExtractBuilder } from './extract-builder';
import { type ExtractLayout, layoutOf, noteLayout, TABLE_BY_NAME, WORKBOOK_NAME } from './extract-layout';
import { linkRecords } from './links';
import type { FileDigest } from './file-digest';
import { DEFAULT_LIMITS, describeBytes, type FileFailure, type ReaderLimits } from './limits';
import { periodEnd } from './period';
import { ProblemCollector } from './problems';
import { prunedTables } from './pruning';
import { TABLE_SCHEMAS } from './schemas';
import type { ExtractFile, ExtractSource } from './source';
import { TableReader, type TableReadContext } from './table-reader';
import { type CellValue, describeCell } from './values';
import { readWorkbook } from './xlsx-reader';

export interface ReadExtractOptions {
  /** The reporting month: records dated after it are warned about. */
  period: Period;
  /** Tables the configured indicators need: these must be present. */
  neededTables: Set<TableName>;
  /** Called as each table has been read (for progress on a terminal). */
  onTable?: (stats: TableStats) => void;
  /** The size limits (limits.ts); tests lower some to reach them quickly. */
  limits?: Partial<ReaderLimits>;
  /**
   * Per table, the first day of its rows the pack can count (pack/reach.ts tableReach): rows dated before it are read
   * and validated but not kept (pruning.ts). Absent: every row is kept, and the extract serves any pack.
   */
  reach?: TableReach;
}

export interface ReadExtractResult {
  /** The typed records; null when there were errors. */
  extract: Extract | null;
  quality: DataQuality;
  inputs: InputRead[];
  tables: TableStats[];
}

/**
 * A column named from the file's own header for a message, or by its position when the header has no usable name there.
 */
function columnName(header: readonly CellValue[], index: number): string {
  const text = (describeCell(header[index]) ?? '').trim();
  return text !== '' && text.length <= 100 ? text : `column ${index + 1}`;
}

class ExtractRead {
  readonly problems = new ProblemCollector();
  readonly out: ExtractBuilder;
  readonly inputs: InputRead[] = [];
  readonly tables: TableStats[] = [];
  /** Tables whose header could be read (so their records are complete unless rows had errors). */
  readonly readable = new Set<TableName>();
  private readonly context: TableReadContext;
  private readonly limits: ReaderLimits;

  constructor(private readonly options: ReadExtractOptions) {
    this.out = new ExtractBuilder(options.reach);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.context = { problems: this.problems, out: this.out, periodEnd: periodEnd(options.period) };
  }

  async readCsvTable(table: TableName, file: ExtractFile): Promise<void> {
    const reader = new TableReader(TABLE_SCHEMAS[table], this.context, file.name);
    this.out.present.add(table);
    if (this.tooLarge(table, file)) return;
    let header: readonly string[] | null = null;
    const result = await readCsv(
      await file.open(),
      {
        row: (cells, rowNumber) => {
          if (header === null) {
            header = cells;
            if (reader.header(cells)) this.readable.add(table);
          } else reader.addRow(cells, rowNumber);
        },
        malformed: (rowNumber, message) =>
          this.problems.error({
            kind: 'malformed-row',
            table,
            row: rowNumber,
            column: null,
            value: null,
            message: `not valid CSV: this record ${message}`,
          }),
      },
      this.limits,
    );
    this.recordInput(file, result);
    if (result.failure !== null) this.fileFailed(table, file, result.failure, header ?? result.header);
    else if (header === null)
      this.fileFailed(
        table,
        file,
        { kind: 'invalid-file', row: null, columnIndex: null, message: 'the file has no header row' },
        [],
      );
    this.tableDone(reader);
  }

  async readWorkbookTables(file: ExtractFile): Promise<void> {
    if (this.tooLarge(null, file)) return;
    /** Each table's sheet name and header, to name where a failure happened. */
    const sheets = new Map<string, { table: TableName; header: readonly CellValue[] | null }>();
    const result = await readWorkbook(
      await file.open(),
      {
        sheet: (name) => {
          const table = TABLE_BY_NAME.get(name.trim().toLowerCase());
          if (!table || this.out.present.has(table)) return null; // other sheets (notes, lookups) are ignored
          this.out.present.add(table);
          const reader = new TableReader(TABLE_SCHEMAS[table], this.context, `${file.name}, sheet ${name}`);
          const sheet: { table: TableName; header: readonly CellValue[] | null } = { table, header: null };
          sheets.set(name, sheet);
          return {
            row: (cells, rowNumber) => {
              if (sheet.header === null) {
                sheet.header = cells;
                if (reader.header(cells)) this.readable.add(table);
              } else reader.addRow(cells, rowNumber);
            },
            end: () => this.tableDone(reader),
          };
        },
      },
      this.limits,
    );
    this.recordInput(file, result);
    if (result.failure !== null) {
      const sheet = result.failure.sheet === undefined ? undefined : sheets.get(result.failure.sheet);
      this.fileFailed(sheet?.table ?? null, file, result.failure, sheet?.header ?? []);
    }
  }

  missingTables(): void {
    for (const table of TABLE_NAMES) {
      if (!this.options.neededTables.has(table) || this.out.present.has(table)) continue;
      this.problems.error({
        kind: 'missing-table',
        table,
        row: null,
        column: null,
        value: null,
        message:
          `table ${table} is missing (no ${table}.csv, nor a sheet ` +
          `${table} in ${WORKBOOK_NAME}); a configured indicator needs it`,
      });
    }
  }

  bothForms(layout: ExtractLayout): void {
    const csvNames = [...layout.csv.values()].map((file) => file.name).join(', ');
    this.problems.error({
      kind: 'ambiguous-extract',
      table: null,
      row: null,
      column: null,
      value: null,
      message:
        `the extract has both CSV files (${csvNames}) and ` +
        `${WORKBOOK_NAME}: it is ambiguous which to read; remove one form`,
    });
  }

  /** A file that could not be read through: one problem saying where it stopped and why. */
  private fileFailed(
    table: TableName | null,
    file: ExtractFile,
    failure: FileFailure,
    header: readonly CellValue[],
  ): void {
    const column = failure.columnIndex === null ? null : columnName(header, failure.columnIndex);
    this.problems.error({
      kind: failure.kind,
      table,
      row: failure.row,
      column,
      value: failure.entry ?? file.name,
      message: `${file.key}: ${failure.message}`,
    });
  }

  /** A file bigger than the limit by its listed size is refused before any of it is read. */
  private tooLarge(table: TableName | null, file: ExtractFile): boolean {
    if (file.size <= this.limits.fileBytes) return false;
    this.problems.error({
      kind: 'limit-exceeded',
      table,
      row: null,
      column: null,
      value: file.name,
      message:
        `${file.key}: the file is ${file.size.toLocaleString('en-GB')} bytes, larger ` +
        `than the limit of ${describeBytes(this.limits.fileBytes)}; it was not read`,
    });
    return true;
  }

  private recordInput(file: ExtractFile, digest: FileDigest): void {
    const input: InputRead = { key: file.key, size: digest.size, sha256: digest.sha256 };
    if (file.etag !== undefined) input.etag = file.etag;
    if (file.versionId !== undefined) input.versionId = file.versionId;
    this.inputs.push(input);
  }

  private tableDone(reader: TableReader): void {
    this.out.tableRead(reader.table);
    const stats = reader.stats();
    this.tables.push(stats);
    this.options.onTable?.(stats);
  }
}

export async function readExtract(source: ExtractSource, options: ReadExtractOptions): Promise<ReadExtractResult> {
  const read = new ExtractRead(options);
  const layout = layoutOf(await source.list(), read.problems);
  if (layout.workbook && layout.csv.size > 0) {
    read.bothForms(layout);
  } else if (layout.workbook) {
    await read.readWorkbookTables(layout.workbook);
    read.missingTables();
  } else {
    for (const table of TABLE_NAMES) {
      const file = layout.csv.get(table);
      if (file) await read.readCsvTable(table, file);
    }
    read.missingTables();
  }
  noteLayout(layout, read.problems, read.out.aliases);
  const plansRead = read.readable.has('ssd_cp_plans');
  const raw = read.out.build();
  const pruned = prunedTables(read.out.pruners, read.problems);
  const linked = linkRecords(raw, read.problems, plansRead);
  // The reach it was read with goes with the extract, so no measure is prepared from rows it lacks.
  const extract = options.reach === undefined ? linked : { ...linked, pruned };
  return {
    extract: read.problems.errorCount > 0 ? null : extract,
    quality: read.problems.result(),
    inputs: read.inputs,
    tables: read.tables,
  };
}
