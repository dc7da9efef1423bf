/**
 * An extract held in memory: for tests and for small generated extracts. Files can be
 * served in small chunks, to exercise rows and characters split across chunk boundaries.
 */
import { Readable } from 'node:stream';
import type { ExtractFile, ExtractSource } from './source';

export interface MemorySourceOptions {
  description?: string;
  /** Serve each file in chunks of this many bytes (default: one chunk). */
  chunkSize?: number;
}

function chunksOf(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

export function memorySource(
  files: Record<string, string | Buffer | Uint8Array>,
  options: MemorySourceOptions = {},
): ExtractSource {
  const description = options.description ?? 'memory:';
  const list: ExtractFile[] = Object.entries(files).map(([name, content]) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    return {
      name,
      key: `${description}${name}`,
      size: bytes.length,
      open: () =>
        Promise.resolve(
          Readable.from(chunksOf(bytes, options.chunkSize ?? Math.max(bytes.length, 1)), { objectMode: false }),
        ),
    };
  });
  return { description, name: description, list: () => Promise.resolve(list) };
}
