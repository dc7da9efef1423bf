/**
 * The workbook guard's (zip-guard.ts) inflation of each zip entry: the output is counted
 * against the limits (limits.ts) — the workbook's inflated total, each entry's ratio to its
 * compressed size, the longest XML text or tag — and thrown away.
 */
import { createInflateRaw, type InflateRaw } from 'node:zlib';
import { describeBytes, type FileFailureError, type ReaderLimits } from './limits';
import { DEFLATED, entryFailure, entryLimit, type LocalHeader, STORED } from './zip-format';

/**
 * Compressed bytes handed to zlib at a time: the limits are checked between slices, so
 * at most one slice's worth (16 KiB × 1,032 = 16.5 MiB) is inflated past a limit.
 */
const SLICE_BYTES = 16 * 1024;
const LT = 0x3c;
const GT = 0x3e;

/** An entry being read. */
export interface Entry {
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

export class ZipInflation {
  private inflatedTotal = 0;
  /** The first limit passed, kept until the guard can throw it (zlib's events cannot). */
  private failure: FileFailureError | null = null;

  constructor(private readonly limits: ReaderLimits) {}

  /** An entry to read, from its header (`sizeKnown`: the header states its compressed size). */
  open(header: LocalHeader, sizeKnown: boolean): Entry {
    const entry: Entry = {
      name: header.name,
      method: header.method,
      compressedSize: sizeKnown ? header.compressedSize : null,
      descriptor: header.descriptor,
      zip64: header.zip64,
      xml: /\.(xml|rels)$/i.test(header.name),
      inflater: null,
      inflaterError: null,
      inflaterEnded: false,
      inflated: 0,
      remaining: sizeKnown ? header.compressedSize : 0,
      textRun: 0,
    };
    if (header.method === DEFLATED) {
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
    return entry;
  }

  /** Counts a stored (uncompressed) entry's bytes. */
  stored(entry: Entry, bytes: Buffer): void {
    this.count(entry, bytes, Number.POSITIVE_INFINITY);
  }

  /**
   * Feeds compressed bytes to the entry's inflater a slice at a time; returns how many it took (fewer once its data
   * ends).
   */
  async inflate(entry: Entry, bytes: Buffer): Promise<number> {
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
      this.throwIfFailed(entry);
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
  async finish(entry: Entry): Promise<void> {
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
    this.throwIfFailed(entry);
  }

  private throwIfFailed(entry: Entry): void {
    if (this.failure) throw this.failure;
    if (entry.inflaterError)
      throw entryFailure(entry.name, `holds corrupt compressed data (${entry.inflaterError.message})`);
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
      this.failure = entryLimit(
        entry.name,
        `the workbook inflates to more than ${describeBytes(this.limits.xlsxInflatedBytes)} ` +
          `(the limit; a decompression bomb?); reading stopped in zip entry ${entry.name}`,
      );
    } else if (
      entry.inflated > this.limits.xlsxRatioFloorBytes &&
      entry.inflated > this.limits.xlsxRatio * compressed
    ) {
      this.failure = entryLimit(
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
      this.failure = entryLimit(
        entry.name,
        `zip entry ${entry.name} holds a text or tag longer than ${describeBytes(limit)} ` +
          '(the limit; no cell of an extract is anywhere near as long); reading stopped',
      );
    }
  }
}

/** Stops an entry's inflater, if it has one still running (its output is no longer wanted). */
export function closeInflater(entry: Entry | null): void {
  const inflater = entry?.inflater;
  if (inflater && !inflater.destroyed) {
    inflater.removeAllListeners('data');
    inflater.on('error', () => undefined);
    inflater.destroy();
  }
}
