/**
 * The size limits the extract reader enforces, and why.
 *
 * An extract arrives from outside (a council's case system, a person uploading files),
 * so the reader must end every file — however large, broken or hostile — with either
 * records or a clear problem, never by running out of memory, disk or time. Each limit
 * below is set well above what a real extract needs and well below what would hurt the
 * function (Lambda: a few GB of memory, 512 MB of /tmp by default, a timeout of 5 minutes as deployed). A file
 * that breaches one is an error (kind `limit-exceeded`) naming the table, row, column
 * and limit, and its reading stops there: its streams are destroyed, nothing more is
 * read from it.
 *
 * Scale, for reference: the sample generator's scale 1 is an authority of 57,600
 * children (2.7 MB of CSV, 71,000 rows; the largest table, visits, 1.6 MB and 39,000
 * rows). Scale 100 — all of England in one extract — is about 266 MB of CSV, its visits
 * table about 160 MB and 3.9 million rows.
 */

/**
 * Largest file read, in bytes: 2 GiB. About 13× the largest table of an all-England
 * extract (scale 100); at the measured pace (scale 100's 230 MB read and computed in
 * about 7 s, BENCHMARKS.md) that much streams and parses in a minute or two, inside the
 * deployed function's 5-minute timeout (PACK_FUNCTION_TIMEOUT, infra/pack-function.ts).
 * Anything bigger is not an extract of these seven tables.
 */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

/**
 * Most rows in one table (header excluded): 20 million, about 5× the all-England visits
 * table. Every valid row is kept as a record (visits as two 32-bit numbers, plans as
 * small objects), so this is what bounds the memory the records take.
 */
export const MAX_ROWS_PER_TABLE = 20_000_000;

/**
 * Most columns (fields) in a row, header or data: 1,000. The SSD tables have fewer
 * than 20 columns; unknown columns are allowed and ignored, so an authority may export
 * extra ones, but not a thousand. Bounds the cells a single row holds in memory.
 */
export const MAX_COLUMNS = 1_000;

/**
 * Longest cell, in characters: 32,767 — Excel's own limit for a cell, so no value that
 * came from or can go back to a spreadsheet is longer. The values the pack reads (ids,
 * dates, flags, counts) are under 100 characters. A longer cell is most often a stray
 * quote in a CSV that swallowed the rest of the file into one field.
 */
export const MAX_CELL_CHARS = 32_767;

/**
 * Longest CSV record (all its fields, quotes and commas), in characters: 1 Mi (1,048,576).
 * A row of an SSD table is under 1 KB; this caps what the CSV parser holds for one row
 * (the product of the two limits above would be 32 M characters).
 */
export const MAX_RECORD_CHARS = 1_048_576;

/**
 * Most bytes an extract.xlsx may inflate to, all zip entries together: 2 GiB. A sheet
 * holds at most 1,048,576 rows (Excel's limit) and a row of an SSD table is about 220
 * bytes of sheet XML, so seven full sheets come to about 1.6 GB. The workbook reader
 * may spill sheets to /tmp while it waits for the shared strings, so this also bounds
 * the disk one workbook can use.
 */
export const MAX_XLSX_INFLATED_BYTES = 2 * 1024 ** 3;

/**
 * Highest compression ratio (inflated ÷ compressed) of one zip entry: 200. Real sheet
 * XML compresses about 10:1 (the generator's workbook: 8.9–9.3); DEFLATE can reach
 * about 1,032:1, which is what a decompression bomb uses. Checked once an entry has
 * inflated XLSX_RATIO_FLOOR_BYTES, so small, very regular entries are not judged.
 */
export const MAX_XLSX_RATIO = 200;
export const XLSX_RATIO_FLOOR_BYTES = 1024 ** 2;

/** Most entries in the workbook's zip: 1,000. An extract workbook has about 20. */
export const MAX_XLSX_ENTRIES = 1_000;

/**
 * Longest run of an XML entry's text with no markup (`<` or `>`), in bytes: 1 MiB. That is
 * a single cell's text or a single tag: a cell of MAX_CELL_CHARS characters is at most
 * about 200 KB of XML even when every character is escaped. Without this a workbook
 * could hold one 1 GB cell, which the XML parser would try to build as one string.
 */
export const MAX_XML_TEXT_RUN_BYTES = 1024 ** 2;

/**
 * What one id table (id-table.ts: the ids of a unique column, or every person id of the
 * extract) can hold. These are limits of its arrays, not choices: an id's end in the arena is
 * 31 bits (the 32nd marks a wide id), so its ids' characters take at most 2^31 − 1 bytes (one
 * per Latin-1 character, two per other UTF-16 unit), counting the few bytes left at the end
 * of an arena chunk that the next id did not fit in (under 1 in 16 when ids are cells);
 * a hash slot keeps an ordinal in 26 bits beside a 6-bit tag, so it holds at most
 * 2^26 − 1 = 67,108,863 ids; and an id is kept in one arena chunk, so it is at most
 * MAX_ID_BYTES (1 MiB) long. None is reached by a unique column: its ids are cut from one
 * file of at most MAX_FILE_BYTES (2 GiB; each character takes at least as many bytes in
 * UTF-8 as in the arena) and MAX_ROWS_PER_TABLE (20 million) rows, and a cell is at most
 * MAX_CELL_CHARS characters (65,534 bytes). All-England person ids are about 3 million of
 * 10 characters (22 times fewer), so only person ids from several files near their row
 * limits could reach one. An id beyond a limit throws a `limit-exceeded` FileFailureError
 * from the row being read, never a wrong ordinal; the CSV reader does not catch a row
 * handler's throw, so there it ends the read with that exception, not a problem.
 */
export interface IdTableLimits {
  ids: number;
  bytes: number;
}

export const MAX_ID_TABLE_IDS = 2 ** 26 - 1;
export const MAX_ID_TABLE_BYTES = 2 ** 31 - 1;
export const MAX_ID_BYTES = 2 ** 20;
export const DEFAULT_ID_TABLE_LIMITS: Readonly<IdTableLimits> = Object.freeze({
  ids: MAX_ID_TABLE_IDS,
  bytes: MAX_ID_TABLE_BYTES,
});

/** The limits as one value, so a test can lower one (a 20-million-row table is slow to build). */
export interface ReaderLimits {
  fileBytes: number;
  rowsPerTable: number;
  columns: number;
  cellChars: number;
  recordChars: number;
  xlsxInflatedBytes: number;
  xlsxRatio: number;
  xlsxRatioFloorBytes: number;
  xlsxEntries: number;
  xmlTextRunBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ReaderLimits> = Object.freeze({
  fileBytes: MAX_FILE_BYTES,
  rowsPerTable: MAX_ROWS_PER_TABLE,
  columns: MAX_COLUMNS,
  cellChars: MAX_CELL_CHARS,
  recordChars: MAX_RECORD_CHARS,
  xlsxInflatedBytes: MAX_XLSX_INFLATED_BYTES,
  xlsxRatio: MAX_XLSX_RATIO,
  xlsxRatioFloorBytes: XLSX_RATIO_FLOOR_BYTES,
  xlsxEntries: MAX_XLSX_ENTRIES,
  xmlTextRunBytes: MAX_XML_TEXT_RUN_BYTES,
});

/** `2,147,483,648 bytes (2 GiB)`-style text for messages. */
export function describeBytes(bytes: number): string {
  const units: Array<[number, string]> = [
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units)
    if (bytes >= size && bytes % size === 0) return `${bytes.toLocaleString('en-GB')} bytes (${bytes / size} ${unit})`;
  return `${bytes.toLocaleString('en-GB')} bytes`;
}

/** Where in a file a limit was breached or the bytes stopped being readable. */
export interface FileFailure {
  /** `invalid-file`: not CSV/XLSX at all; `limit-exceeded`: a size limit above was breached. */
  kind: 'invalid-file' | 'limit-exceeded';
  /** Spreadsheet row (header = 1), when known. */
  row: number | null;
  /** Zero-based position of the column in the row, when known (the reader names it from the header). */
  columnIndex: number | null;
  /** The zip entry, for workbook failures found below the sheet level. */
  entry?: string;
  /** The workbook sheet the failure is in, when known. */
  sheet?: string;
  message: string;
}

/** Raised inside a reader's streams to stop reading a file; becomes a problem, not an exception. */
export class FileFailureError extends Error {
  constructor(readonly failure: FileFailure) {
    super(failure.message);
    this.name = 'FileFailureError';
  }
}

export function limitExceeded(
  message: string,
  row: number | null = null,
  columnIndex: number | null = null,
): FileFailureError {
  return new FileFailureError({ kind: 'limit-exceeded', row, columnIndex, message });
}

export function invalidFile(
  message: string,
  row: number | null = null,
  columnIndex: number | null = null,
): FileFailureError {
  return new FileFailureError({ kind: 'invalid-file', row, columnIndex, message });
}

/**
 * Why a data row has more fields than the header, said plainly: the SSD is database
 * tables, and an export that does not quote text splits a text field holding a comma
 * (a JSON column such as cine_referral_outcome_json) into several fields.
 */
export const UNQUOTED_EXPORT_HINT =
  'a text field probably contains the delimiter (a comma): the file was probably exported without quoting; ' +
  'export it as CSV with standard quoting (text fields in double quotes)';
