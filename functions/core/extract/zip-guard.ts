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
import { createInflateRaw, type InflateRaw } from 'node:zlib';
import { describeBytes, FileFailureError, invalidFile, limitExceeded, type ReaderLimits } from './limits';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DATA_DESCRIPTOR = 0x08074b50;
/** An OLE compound file: an old .xls, or an .xlsx saved with a password (encrypted). */
const OLE_SIGNATURE = 0xe011cfd0;
const LOCAL_HEADER_BYTES = 30;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const UNKNOWN_32 = 0xffffffff;
/**
 * Compressed bytes handed to zlib at a time: the limits are checked between slices, so
 * at most one slice's worth (16 KiB × 1,032 = 16.5 MiB) is inflated past a limit.
 */
const SLICE_BYTES = 16 * 1024;
const LT = 0x3c;
const GT = 0x3e;

interface Entry {
  name: string;
  method: number;
  /** Compressed size, or null when only a data descriptor after the data gives it. */
  compressedSize: number | null;
  descriptor: boolean;
  zip64: boolean;
  xml: boolean;
  inflater: InflateRaw | null;
  inflaterError: Error | null;
  inflaterEnded: boolean;
  inflated: number;
  /** Compressed bytes left to read when the size is known. */
  remaining: number;
  /** Bytes since the last `<` or `>` (XML entries). */
  textRun: number;
}

type Phase = 'header' | 'data' | 'descriptor' | 'directory';

function hexSignature(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

export class ZipGuard extends Transform {
  private phase: Phase = 'header';
  /** Bytes of a header or descriptor being gathered across chunks. */
  private pending: Buffer = Buffer.alloc(0);
  private entry: Entry | null = null;
  private entries = 0;
  private inflatedTotal = 0;
  /** File offset of the first byte not yet examined. */
  private offset = 0;
  private failure: FileFailureError | null = null;

  constructor(private readonly limits: ReaderLimits) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.examine(chunk).then(
      () => callback(null, chunk),
      (error: unknown) => {
        this.closeEntry();
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
    this.closeEntry();
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
    const nameLength = this.pending.readUInt16LE(26);
    const extraLength = this.pending.readUInt16LE(28);
    at = this.gather(chunk, at, LOCAL_HEADER_BYTES + nameLength + extraLength);
    if (this.pending.length < LOCAL_HEADER_BYTES + nameLength + extraLength) return at;
    this.startEntry(this.pending);
    this.pending = Buffer.alloc(0);
    return at;
  }

  private startEntry(header: Buffer): void {
    this.entries += 1;
    if (this.entries > this.limits.xlsxEntries) {
      throw limitExceeded(
        `the workbook has more than ${this.limits.xlsxEntries.toLocaleString('en-GB')} ` +
          'zip entries (the limit); reading stopped',
      );
    }
    const flags = header.readUInt16LE(6);
    const method = header.readUInt16LE(8);
    const nameLength = header.readUInt16LE(26);
    const name = header.toString('utf8', LOCAL_HEADER_BYTES, LOCAL_HEADER_BYTES + nameLength);
    let compressedSize = header.readUInt32LE(18);
    const extra = header.subarray(LOCAL_HEADER_BYTES + nameLength);
    const zip64 = this.zip64Sizes(extra, header.readUInt32LE(22) === UNKNOWN_32, compressedSize === UNKNOWN_32);
    if (zip64.compressedSize !== null) compressedSize = zip64.compressedSize;
    const descriptor = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
    if ((flags & FLAG_ENCRYPTED) !== 0)
      throw this.entryFailure(name, 'is encrypted: save the workbook without a password');
    if (method !== STORED && method !== DEFLATED)
      throw this.entryFailure(
        name,
        `uses compression method ${method}, which xlsx does not use (only stored or deflated)`,
      );
    const sizeKnown = !descriptor || compressedSize > 0;
    if (!sizeKnown && method === STORED)
      throw this.entryFailure(name, 'is stored with no size before its data, which cannot be read as a stream');
    const entry: Entry = {
      name,
      method,
      compressedSize: sizeKnown ? compressedSize : null,
      descriptor,
      zip64: zip64.present,
      xml: /\.(xml|rels)$/i.test(name),
      inflater: null,
      inflaterError: null,
      inflaterEnded: false,
      inflated: 0,
      remaining: sizeKnown ? compressedSize : 0,
      textRun: 0,
    };
    if (method === DEFLATED) {
      const inflater = createInflateRaw();
      inflater.on('data', (out: Buffer) => this.count(entry, out, inflater.bytesWritten));
      inflater.on('error', (error: Error) => {
        entry.inflaterError = error;
      });
      inflater.on('end', () => {
        entry.inflaterEnded = true;
      });
      entry.inflater = inflater;
    }
    this.entry = entry;
    this.phase = 'data';
    if (entry.compressedSize === 0) this.endEntry();
  }

  /** The sizes in a zip64 extra field (id 0x0001), present only for the fields the header marks unknown. */
  private zip64Sizes(
    extra: Buffer,
    uncompressedUnknown: boolean,
    compressedUnknown: boolean,
  ): { present: boolean; compressedSize: number | null } {
    for (let at = 0; at + 4 <= extra.length;) {
      const id = extra.readUInt16LE(at);
      const size = extra.readUInt16LE(at + 2);
      if (id === 0x0001) {
        let field = at + 4;
        if (uncompressedUnknown) field += 8;
        const compressedSize =
          compressedUnknown && field + 8 <= extra.length ? Number(extra.readBigUInt64LE(field)) : null;
        return { present: true, compressedSize };
      }
      at += 4 + size;
    }
    return { present: false, compressedSize: null };
  }

  private async data(chunk: Buffer, at: number): Promise<number> {
    const entry = this.entry;
    if (!entry) throw new Error('internal: zip data with no entry');
    const available = chunk.length - at;
    const take = entry.compressedSize === null ? available : Math.min(entry.remaining, available);
    const bytes = chunk.subarray(at, at + take);
    let used: number;
    if (entry.method === STORED) {
      this.count(entry, bytes, Number.POSITIVE_INFINITY);
      used = take;
    } else {
      used = await this.inflate(entry, bytes);
    }
    if (entry.compressedSize !== null) {
      entry.remaining -= used;
      if (entry.remaining === 0) {
        await this.finishInflating(entry);
        this.endEntry();
      } else if (used < take)
        throw this.entryFailure(
          entry.name,
          `has compressed data that ends ${entry.remaining} bytes before the size its header states`,
        );
    } else if (used < take || entry.inflaterEnded) {
      this.endEntry(); // the deflate data ended inside this chunk: the descriptor follows
    }
    return at + used;
  }

  /**
   * Feeds compressed bytes to the entry's inflater a slice at a time; returns how many it took (fewer once its data
   * ends).
   */
  private async inflate(entry: Entry, bytes: Buffer): Promise<number> {
    const inflater = entry.inflater;
    if (!inflater) throw new Error('internal: a deflated entry with no inflater');
    let used = 0;
    for (let from = 0; from < bytes.length && !entry.inflaterEnded; from += SLICE_BYTES) {
      const slice = bytes.subarray(from, from + SLICE_BYTES);
      const before = inflater.bytesWritten;
      await new Promise<void>((resolve) => {
        // On corrupt data zlib emits 'error' and may never call the write back.
        const done = (): void => {
          inflater.off('error', done);
          resolve();
        };
        inflater.on('error', done);
        inflater.write(slice, done);
      });
      if (this.failure) throw this.failure;
      if (entry.inflaterError)
        throw this.entryFailure(entry.name, `holds corrupt compressed data (${entry.inflaterError.message})`);
      const taken = inflater.bytesWritten - before;
      used += taken;
      if (taken < slice.length) {
        entry.inflaterEnded = true;
        break;
      }
    }
    return used;
  }

  /**
   * Ends a deflated entry whose stated size has been read: its deflate data must have
   * reached its last block. Data that stops short of it is corrupt, and the workbook
   * reader, given such an entry in some chunkings, waits for ever instead of failing
   * (found by fuzzing): so it is stopped here, before the reader sees the bytes.
   */
  private async finishInflating(entry: Entry): Promise<void> {
    const inflater = entry.inflater;
    if (!inflater || entry.inflaterEnded) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        inflater.off('error', done);
        inflater.off('end', done);
        resolve();
      };
      inflater.on('error', done);
      inflater.on('end', done);
      inflater.end();
    });
    if (this.failure) throw this.failure;
    if (entry.inflaterError)
      throw this.entryFailure(entry.name, `holds corrupt compressed data (${entry.inflaterError.message})`);
  }

  /**
   * Counts an entry's inflated bytes against the limits; `compressed` is how many compressed bytes produced them so
   * far.
   */
  private count(entry: Entry, out: Buffer, compressed: number): void {
    if (this.failure) return;
    entry.inflated += out.length;
    this.inflatedTotal += out.length;
    if (this.inflatedTotal > this.limits.xlsxInflatedBytes) {
      this.failure = this.entryLimit(
        entry.name,
        `the workbook inflates to more than ${describeBytes(this.limits.xlsxInflatedBytes)} ` +
          `(the limit; a decompression bomb?); reading stopped in zip entry ${entry.name}`,
      );
    } else if (
      entry.inflated > this.limits.xlsxRatioFloorBytes &&
      entry.inflated > this.limits.xlsxRatio * compressed
    ) {
      this.failure = this.entryLimit(
        entry.name,
        `zip entry ${entry.name} inflates to more than ${this.limits.xlsxRatio} times its compressed ` +
          'size (the limit; real sheets are about 10 times): a decompression bomb; reading stopped',
      );
    } else if (entry.xml) {
      this.countTextRun(entry, out);
    }
    if (this.failure && entry.method === STORED) throw this.failure;
  }

  private countTextRun(entry: Entry, out: Buffer): void {
    const limit = this.limits.xmlTextRunBytes;
    let longest: number;
    if (out.length <= limit) {
      // Runs inside a buffer this short are below the limit: only the ends matter.
      const first = Math.min(...[out.indexOf(LT), out.indexOf(GT)].map((i) => (i < 0 ? out.length : i)));
      const last = Math.max(out.lastIndexOf(LT), out.lastIndexOf(GT));
      longest = entry.textRun + first;
      entry.textRun = last < 0 ? entry.textRun + out.length : out.length - 1 - last;
    } else {
      longest = 0;
      let run = entry.textRun;
      for (const byte of out) {
        if (byte === LT || byte === GT) {
          longest = Math.max(longest, run);
          run = 0;
        } else run += 1;
      }
      entry.textRun = run;
    }
    if (Math.max(longest, entry.textRun) > limit) {
      this.failure = this.entryLimit(
        entry.name,
        `zip entry ${entry.name} holds a text or tag longer than ${describeBytes(limit)} ` +
          '(the limit; no cell of an extract is anywhere near as long); reading stopped',
      );
    }
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
    this.closeEntry();
    if (entry && entry.compressedSize === null) this.phase = 'descriptor';
    else {
      this.entry = entry?.descriptor ? entry : null;
      this.phase = entry?.descriptor ? 'descriptor' : 'header';
    }
  }

  private closeEntry(): void {
    const inflater = this.entry?.inflater;
    if (inflater && !inflater.destroyed) {
      inflater.removeAllListeners('data');
      inflater.on('error', () => undefined);
      inflater.destroy();
    }
  }

  private entryFailure(entry: string, what: string): FileFailureError {
    const error = invalidFile(`zip entry ${entry} ${what}`);
    error.failure.entry = entry;
    return error;
  }

  private entryLimit(entry: string, message: string): FileFailureError {
    const error = limitExceeded(message);
    error.failure.entry = entry;
    return error;
  }
}
