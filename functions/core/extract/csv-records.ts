/** Whole CSV records parsed by papaparse, in the shape the CSV reader passes on (csv-text-guard.ts). */
import Papa from 'papaparse';

/** Records in file order, as papaparse gives them: `errors[].row` indexes `records`. */
export interface CsvBatch {
  records: string[][];
  errors: Papa.ParseError[];
}

const PARSE_CONFIG = { delimiter: ',', newline: '\n' } as const;

/**
 * The records of `text`: whole records, each ending in an LF (or, at the end of the file,
 * the last without one). The LF stays on the last record — a closing quote followed by
 * spaces is a closing quote only before a line end — and papaparse then reports an empty
 * record after it, which is not in the file.
 */
export function parseRecords(text: string): CsvBatch {
  const parsed = Papa.parse<string[]>(text, PARSE_CONFIG);
  const records = parsed.data;
  const last = records.length - 1;
  if (text.endsWith('\n') && last >= 0 && records[last].length === 1 && records[last][0] === '') records.pop();
  return { records, errors: parsed.errors };
}

/** The cells of the first record of `text` (none when it is empty). */
export function firstRecordCells(text: string): string[] {
  const parsed = Papa.parse<string[]>(text, PARSE_CONFIG);
  return parsed.data[0] ?? [];
}
