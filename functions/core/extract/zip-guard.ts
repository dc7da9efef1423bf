/**
 * A pass-through stage in front of the workbook reader that follows the zip archive's
 * entries as the bytes stream by and inflates each one itself — counting the output and
 * throwing it away — so a decompression bomb is stopped by the limits (limits.ts) before
 * the workbook reader sees the bytes that would inflate past them. That reader cannot be
 * bounded from outside: it spills sheets to /tmp until it has the shared strings, and
 * builds each XML text (a cell) as one string. Each chunk is passed on only once checked.
 *
 * The inflating costs a second pass of zlib over the workbook (fast: a few hundred MB/s);
 * the XML parsing, which is the slow part, is still done once.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { invalidFile, limitExceeded, type ReaderLimits } from './limits';
import {
  CENTRAL_HEADER,
  DATA_DESCRIPTOR,
  DEFLATED,
  END_OF_DIRECTORY,
  entryFailure,
  hexSignature,
  LOCAL_HEADER,
  LOCAL_HEADER_BYTES,
  localHeaderLength,
  OLE_SIGNATURE,
  type LocalHeader,
  readLocalHeader,
  STORED,
  ZIP64_END_OF_DIRECTORY,
} from './zip-format';
import { closeInflater, type Entry, ZipInflation } from './zip-inflation';

type Phase = 'header' | 'data' | 'descriptor' | 'directory';

export class ZipGuard extends Transform {
  private phase: Phase = 'header';
  /** Bytes of a header or descriptor being gathered across chunks. */
  private pending: Buffer = Buffer.alloc(0);
  private entry: Entry | null = null;
  private entries = 0;
  private readonly inflation: ZipInflation;
  /** File offset of the first byte not yet examined. */
  private offset = 0;

  constructor(private readonly limits: ReaderLimits) {
    super();
    this.inflation = new ZipInflation(limits);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.examine(chunk).then(
      () => callback(null, chunk),
      (error: unknown) => {
        closeInflater(this.entry);
        callback(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  override _flush(callback: TransformCallback): void {
    const inside = this.entry ? ` inside zip entry ${this.entry.name}` : '';
    if (this.offset > 0 && this.phase !== 'directory') {
      callback(
        invalidFile(
          `the workbook is cut short: the zip archive ends${inside} before its directory (a truncated upload?)`,
        ),
      );
    } else callback();
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    closeInflater(this.entry);
    callback(error);
  }

  private async examine(chunk: Buffer): Promise<void> {
    let at = 0;
    while (at < chunk.length && this.phase !== 'directory') {
      const from = at;
      const phase = this.phase;
      if (this.phase === 'header') at = this.header(chunk, at);
      else if (this.phase === 'descriptor') at = this.descriptor(chunk, at);
      else at = await this.data(chunk, at);
      // Every step reads bytes or moves on; a step that does neither would loop for ever.
      if (at === from && this.phase === phase)
        throw invalidFile(`the zip archive cannot be followed at byte ${this.offset + at}`);
    }
    this.offset += chunk.length;
  }

  /** Appends bytes from `chunk` to `pending` until it holds `length`; returns where reading stopped. */
  private gather(chunk: Buffer, at: number, length: number): number {
    const take = Math.min(length - this.pending.length, chunk.length - at);
    if (take > 0) this.pending = Buffer.concat([this.pending, chunk.subarray(at, at + take)]);
    return at + Math.max(take, 0);
  }

  private header(chunk: Buffer, at: number): number {
    at = this.gather(chunk, at, 4);
    if (this.pending.length < 4) return at;
    const signature = this.pending.readUInt32LE(0);
    if (signature === CENTRAL_HEADER || signature === END_OF_DIRECTORY || signature === ZIP64_END_OF_DIRECTORY) {
      this.phase = 'directory'; // the entries are done; the directory only repeats what they said
      return chunk.length;
    }
    if (signature !== LOCAL_HEADER) {
      const start = this.offset + at - this.pending.length;
      if (start === 0 && signature === OLE_SIGNATURE)
        throw invalidFile(
          'it is an old-format .xls workbook or a password-protected one: save it as .xlsx without a password',
        );
      throw invalidFile(
        start === 0
          ? 'it is not a zip archive (an xlsx workbook is one)'
          : `the zip archive is broken: ${hexSignature(signature)} at byte ${start} where an entry should start`,
      );
    }
    at = this.gather(chunk, at, LOCAL_HEADER_BYTES);
    if (this.pending.length < LOCAL_HEADER_BYTES) return at;
    const length = localHeaderLength(this.pending);
    at = this.gather(chunk, at, length);
    if (this.pending.length < length) return at;
    this.startEntry(readLocalHeader(this.pending));
    this.pending = Buffer.alloc(0);
    return at;
  }

  private startEntry(header: LocalHeader): void {
    this.entries += 1;
    if (this.entries > this.limits.xlsxEntries) {
      throw limitExceeded(
        `the workbook has more than ${this.limits.xlsxEntries.toLocaleString('en-GB')} ` +
          'zip entries (the limit); reading stopped',
      );
    }
    const { name, method } = header;
    if (header.encrypted) throw entryFailure(name, 'is encrypted: save the workbook without a password');
    if (method !== STORED && method !== DEFLATED)
      throw entryFailure(name, `uses compression method ${method}, which xlsx does not use (only stored or deflated)`);
    const sizeKnown = !header.descriptor || header.compressedSize > 0;
    if (!sizeKnown && method === STORED)
      throw entryFailure(name, 'is stored with no size before its data, which cannot be read as a stream');
    const entry = this.inflation.open(header, sizeKnown);
    this.entry = entry;
    this.phase = 'data';
    if (entry.compressedSize === 0) this.endEntry();
  }

  private async data(chunk: Buffer, at: number): Promise<number> {
    const entry = this.entry;
    if (!entry) throw new Error('internal: zip data with no entry');
    const available = chunk.length - at;
    const take = entry.compressedSize === null ? available : Math.min(entry.remaining, available);
    const bytes = chunk.subarray(at, at + take);
    let used: number;
    if (entry.method === STORED) {
      this.inflation.stored(entry, bytes);
      used = take;
    } else {
      used = await this.inflation.inflate(entry, bytes);
    }
    if (entry.compressedSize !== null) {
      entry.remaining -= used;
      if (entry.remaining === 0) {
        await this.inflation.finish(entry);
        this.endEntry();
      } else if (used < take)
        throw entryFailure(
          entry.name,
          `has compressed data that ends ${entry.remaining} bytes before the size its header states`,
        );
    } else if (used < take || entry.inflaterEnded) {
      this.endEntry(); // the deflate data ended inside this chunk: the descriptor follows
    }
    return at + used;
  }

  private descriptor(chunk: Buffer, at: number): number {
    const entry = this.entry;
    at = this.gather(chunk, at, 4);
    if (this.pending.length < 4 || !entry) return at;
    const signed = this.pending.readUInt32LE(0) === DATA_DESCRIPTOR;
    const length = (signed ? 4 : 0) + 4 + (entry.zip64 ? 16 : 8);
    at = this.gather(chunk, at, length);
    if (this.pending.length < length) return at;
    this.pending = Buffer.alloc(0);
    this.entry = null;
    this.phase = 'header';
    return at;
  }

  private endEntry(): void {
    const entry = this.entry;
    closeInflater(this.entry);
    if (entry && entry.compressedSize === null) this.phase = 'descriptor';
    else {
      this.entry = entry?.descriptor ? entry : null;
      this.phase = entry?.descriptor ? 'descriptor' : 'header';
    }
  }
}
