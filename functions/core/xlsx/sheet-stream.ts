/**
 * Streams a workbook's worksheets, each under the name `xl/workbook.xml` gives it, whatever
 * order the writer put the zip's parts in.
 *
 * Why not exceljs's own iteration: its streaming reader names a sheet by looking for a
 * relationship whose target is exactly `worksheets/sheetN.xml`, so a workbook whose
 * relationships give absolute targets (`/xl/worksheets/sheet1.xml`, as openpyxl writes
 * them, with `xl/workbook.xml` after the sheets) comes out as Sheet1…SheetN (exceljs issue
 * 2663, open; lib/stream/xlsx/workbook-reader.js, `_parseWorksheet`). It also parses a
 * sheet that arrives before `xl/workbook.xml` or `xl/styles.xml` as soon as it has the
 * shared strings, when the sheet's name and its cells' date formats cannot be known yet.
 *
 * So the zip is followed here, one pass, as exceljs does it (unzipper's Parse), reusing
 * exceljs's parsers for each part: the workbook, its relationships, the shared strings and
 * the styles are parsed as they pass. A worksheet part is read straight from the zip when
 * all four are known (Excel, LibreOffice and exceljs write them first); one that comes
 * earlier (openpyxl, pandas) is spooled, inflated, to a temporary file and read from there
 * once the zip has been read through — what exceljs already did for any sheet before the
 * shared strings. No sheet is held in memory whole; the temporary files are removed however
 * the reading ends. Sheets are found through the relationships, targets resolved relative
 * to `xl/` or from the package root when absolute, and are given in the workbook's order.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type * as ExcelJS from 'exceljs';
import { parseZip, WorksheetReader, type ZipPart } from './exceljs-parts';

export interface NamedSheet {
  name: string;
  rows: AsyncIterable<ExcelJS.Row>;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** A worksheet part by its place, for one that comes before the relationships that name it. */
const WORKSHEET_PLACE = /^xl\/worksheets\/[^/]+\.xml$/;
const WORKSHEET_TYPE = /\/relationships\/worksheet$/;

interface SheetListing {
  name: string;
  rId: string;
}

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

/** The steps of exceljs's streaming reader reused here, and the state they leave on it. */
interface ReaderSteps {
  options: object;
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  workbookRels?: unknown;
  model?: unknown;
}

function hasSteps(reader: object): reader is ReaderSteps {
  const steps = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'];
  return 'options' in reader && steps.every((step) => typeof Reflect.get(reader, step) === 'function');
}

function isPart(value: unknown): value is ZipPart {
  return typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string';
}

function records(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

function relationships(value: unknown): Relationship[] {
  return records(value).flatMap((rel) =>
    typeof rel.Id === 'string' && typeof rel.Type === 'string' && typeof rel.Target === 'string'
      ? [{ Id: rel.Id, Type: rel.Type, Target: rel.Target }]
      : [],
  );
}

function listings(model: unknown): SheetListing[] {
  const sheets = typeof model === 'object' && model !== null && 'sheets' in model ? model.sheets : [];
  return records(sheets).flatMap((sheet) =>
    typeof sheet.name === 'string' && typeof sheet.rId === 'string' ? [{ name: sheet.name, rId: sheet.rId }] : [],
  );
}

/** A relationship target as a zip path: absolute from the package root, else relative to `xl/`. */
export function partPath(target: string): string {
  return target.startsWith('/')
    ? path.posix.normalize(target).slice(1)
    : path.posix.normalize(path.posix.join('xl', target));
}

/** Each worksheet part's path, with its sheet's name and place in the workbook. */
function sheetParts(reader: ReaderSteps): Map<string, { name: string; order: number }> {
  const targets = new Map(
    relationships(reader.workbookRels)
      .filter((rel) => WORKSHEET_TYPE.test(rel.Type))
      .map((rel) => [rel.Id, partPath(rel.Target)]),
  );
  const parts = new Map<string, { name: string; order: number }>();
  listings(reader.model).forEach((sheet, order) => {
    const part = targets.get(sheet.rId);
    if (part !== undefined && !parts.has(part)) parts.set(part, { name: sheet.name, order });
  });
  return parts;
}

/**
 * The worksheets of the workbook streamed by `input`, in the workbook's order for those read
 * after the zip. `reader` is an exceljs streaming reader made with the options to use (it
 * holds the shared strings and styles the worksheet readers look up).
 */
export async function* worksheets(reader: object, input: Readable): AsyncGenerator<NamedSheet> {
  if (!hasSteps(reader)) throw new Error('internal: the exceljs streaming reader lacks the steps this module uses');
  const zip = parseZip({ forceStream: true });
  input.pipe(zip);
  const seen = new Set<string>();
  let parts: Map<string, { name: string; order: number }> | null = null;
  const spooled: { part: string; file: string }[] = [];
  let spool: string | null = null;
  const sheet = (name: string, bytes: AsyncIterable<Buffer | string>): NamedSheet => ({
    name,
    rows: new WorksheetReader({ workbook: reader, id: 0, iterator: bytes, options: reader.options }),
  });
  try {
    for await (const part of zip) {
      if (!isPart(part)) throw new Error('internal: unzipper gave an entry with no path');
      const name = part.path;
      if (name === WORKBOOK) await reader._parseWorkbook(part);
      else if (name === WORKBOOK_RELS) await reader._parseRels(part);
      else if (name === STYLES) await reader._parseStyles(part);
      else if (name === SHARED_STRINGS) for await (const _ of reader._parseSharedStrings(part));
      seen.add(name);
      if (parts === null && seen.has(WORKBOOK) && seen.has(WORKBOOK_RELS)) parts = sheetParts(reader);
      const listed = parts?.get(name);
      const complete = parts !== null && seen.has(STYLES) && seen.has(SHARED_STRINGS);
      if (listed && complete) yield sheet(listed.name, part);
      else if (listed || (parts === null && WORKSHEET_PLACE.test(name))) {
        spool ??= await mkdtemp(path.join(tmpdir(), 'xlsx-sheets-'));
        const file = path.join(spool, `${spooled.length}.xml`);
        await pipeline(part, createWriteStream(file));
        spooled.push({ part: name, file });
      }
      part.autodrain();
    }
    if (spooled.length === 0) return;
    if (parts === null)
      throw new Error(`it has no ${seen.has(WORKBOOK) ? WORKBOOK_RELS : WORKBOOK}, which names its sheets`);
    const known = parts;
    const ordered = spooled.flatMap(({ part, file }) => {
      const listed = known.get(part);
      return listed ? [{ ...listed, file }] : []; // a part the workbook does not list is no sheet of it
    });
    for (const { name, file } of ordered.sort((a, b) => a.order - b.order)) yield sheet(name, createReadStream(file));
  } finally {
    if (spool !== null) await rm(spool, { recursive: true, force: true });
  }
}
