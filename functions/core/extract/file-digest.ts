/**
 * A pass-through stream that measures what flows through it: byte size and SHA-256,
 * computed while the file is read so it is never read twice (InputRead, for the manifest).
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export interface FileDigest {
  size: number;
  sha256: string;
}

export class DigestStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  /** The first bytes of the file, to recognise its format in error messages. */
  private head: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.head.length < 8) this.head = Buffer.concat([this.head, chunk.subarray(0, 8)]);
    callback(null, chunk);
  }

  /** Call once the stream has ended. */
  digest(): FileDigest {
    return { size: this.size, sha256: this.hash.copy().digest('hex') };
  }

  /** True when the file starts like a zip archive (an xlsx workbook is one). */
  looksLikeZip(): boolean {
    return this.head.length >= 4 && this.head.readUInt32LE(0) === 0x04034b50;
  }
}
