/** Helpers for the hostile-input tests: lazily generated files, and a minimal zip writer. */
import { readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import {
  readExtract,
  type ReadExtractOptions,
  type ReadExtractResult,
} from '../../functions/core/extract/read-extract';
import type { ExtractSource } from '../../functions/core/extract/source';
import type { TableName } from '../../functions/core/types';

/** A file produced chunk by chunk as it is read; `pulled` tells how much the reader asked for. */
export interface LazyFile {
  name: string;
  /** Listed size (what S3 would report). */
  size: number;
  chunks: () => Iterable<Buffer>;
}

export interface LazyRead {
  result: ReadExtractResult;
  /** Bytes the reader pulled from each file, by name. */
  pulled: Map<string, number>;
  /** Whether each file's stream was destroyed or ended (not left open). */
  closed: Map<string, boolean>;
}

/** Reads files produced lazily, never held whole: for inputs of many megabytes. */
export async function readLazy(
  files: LazyFile[],
  options: Partial<ReadExtractOptions> & { needed?: Set<TableName> } = {},
): Promise<LazyRead> {
  const pulled = new Map<string, number>();
  const closed = new Map<string, boolean>();
  const streams: Array<[string, Readable]> = [];
  const source: ExtractSource = {
    description: 'lazy:',
    name: 'lazy:',
    list: () =>
      Promise.resolve(
        files.map((file) => ({
          name: file.name,
          key: `lazy:${file.name}`,
          size: file.size,
          open: () => {
            pulled.set(file.name, 0);
            const iterator = file.chunks()[Symbol.iterator]();
            const stream = new Readable({
              read() {
                const next = iterator.next();
                if (next.done) this.push(null);
                else {
                  pulled.set(file.name, (pulled.get(file.name) ?? 0) + next.value.length);
                  this.push(next.value);
                }
              },
            });
            streams.push([file.name, stream]);
            return Promise.resolve(stream);
          },
        })),
      ),
  };
  const result = await readExtract(source, {
    period: '2013-11',
    neededTables: options.needed ?? new Set(),
    ...options,
  });
  await new Promise((resolve) => setImmediate(resolve));
  for (const [name, stream] of streams) closed.set(name, stream.destroyed || stream.readableEnded);
  return { result, pulled, closed };
}

/** `count` chunks of `chunk`, lazily. */
export function* repeat(chunk: Buffer, count: number): Iterable<Buffer> {
  for (let i = 0; i < count; i++) yield chunk;
}

/** Open file descriptors of this process (Linux), to show a failed read leaks none. */
export function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

export interface ZipEntry {
  name: string;
  /** The entry's content (deflated by the writer), or already deflated data with its inflated size. */
  content: Buffer | { deflated: Buffer; size: number };
  /** Write sizes and CRC after the data (flag bit 3), as streaming writers do. */
  descriptor?: boolean;
}

/**
 * A minimal zip writer (deflate only), enough to build workbooks whose entries say what
 * a test needs — including a bomb: data that inflates to gigabytes from megabytes.
 * The CRC of pre-deflated data is written as 0: a reader that checks it would only
 * find out at the end of the entry, which a bomb must never let it reach.
 */
export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const content = entry.content;
    const { data, size, crc } = Buffer.isBuffer(content)
      ? { data: deflateRawSync(content), size: content.length, crc: crc32(content) }
      : { data: content.deflated, size: content.size, crc: 0 };
    const flags = entry.descriptor ? 0x8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.descriptor ? 0 : crc, 14);
    local.writeUInt32LE(entry.descriptor ? 0 : data.length, 18);
    local.writeUInt32LE(entry.descriptor ? 0 : size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, data);
    let length = local.length + name.length + data.length;
    if (entry.descriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(size, 12);
      parts.push(descriptor);
      length += descriptor.length;
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * Deflated data for prefix + unit × repeats + suffix, built without ever inflating it:
 * each part is compressed on its own and flushed to a byte boundary with a fresh
 * dictionary (a full flush), so copies of the unit's compressed bytes can simply be
 * laid end to end — the way parallel compressors join their pieces.
 */
export function deflatedRepeat(
  prefix: string,
  unit: Buffer,
  repeats: number,
  suffix: string,
): { deflated: Buffer; size: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const head = deflateRawSync(Buffer.from(prefix), flush);
  const body = deflateRawSync(unit, flush);
  const tail = deflateRawSync(Buffer.from(suffix), { level: 9 });
  const deflated = Buffer.concat([head, ...Array.from({ length: repeats }, () => body), tail]);
  return { deflated, size: Buffer.byteLength(prefix) + unit.length * repeats + Buffer.byteLength(suffix) };
}

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The entries of a one-sheet workbook (inline strings, no shared strings), around a given sheet XML entry. */
export function workbookEntries(sheetName: string, sheet: ZipEntry['content'], descriptor = false): ZipEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types ' +
          'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ' +
          'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default ' +
          'Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ' +
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ' +
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships ' +
          'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship ' +
          `Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      content: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets><sheet ` +
          `name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships ' +
          'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship ' +
          `Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', content: sheet, descriptor },
  ];
}

export const SHEET_PREFIX = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>`;
export const SHEET_SUFFIX = '</sheetData></worksheet>';

/** Sheet XML for rows of inline-string cells. */
export function sheetXml(rows: string[][]): Buffer {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cellXml = (cell: string, c: number, r: number): string =>
    `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`;
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((cell, c) => cellXml(cell, c, r)).join('')}</row>`)
    .join('');
  return Buffer.from(SHEET_PREFIX + body + SHEET_SUFFIX);
}
