/**
 * Reads a folder of benchmark files — the bucket's `benchmarks/` or a local folder — into one set of figures
 * (docs/BENCHMARKS-DATA.md): snapshots (`*.json`) first, then DfE's published CSVs and neighbour models laid over
 * them, newer winning per figure. A file the comparator table does not know is passed over with an info line.
 */
import type { ExtractFile } from '../extract/source';
import type { InfoNote, Problem } from '../types';
import { emptyBenchmarkData, isEmpty, overlay, type BenchmarkData, type FileRead } from './benchmark-data';
import { comparatorsForFile } from './comparators';
import { NEIGHBOUR_FILE, readNeighbourModel } from './neighbour-models';
import { readPublishedCsv } from './published-csv';
import { MAX_SNAPSHOT_BYTES, parseSnapshot } from './snapshot';

export interface LoadedBenchmarks {
  /** Null when no file gave a figure or a model. */
  data: BenchmarkData | null;
  problems: Problem[];
  info: InfoNote[];
  /** The files read, for the manifest and the terminal. */
  read: string[];
}

async function readAll(stream: NodeJS.ReadableStream & AsyncIterable<Buffer>, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readFile(file: ExtractFile): Promise<FileRead | 'unknown'> {
  if (file.name.toLowerCase().endsWith('.json')) {
    const body = await readAll(await file.open(), MAX_SNAPSHOT_BYTES);
    if (body === null)
      return {
        file: file.name,
        figures: [],
        areas: [],
        models: [],
        problems: [
          {
            kind: 'benchmark-bad-snapshot',
            table: file.name,
            row: null,
            column: null,
            value: null,
            message: `${file.name}: over ${MAX_SNAPSHOT_BYTES} bytes, too large for a benchmark snapshot`,
          },
        ],
      };
    return parseSnapshot(file.name, body.toString('utf8'));
  }
  if (NEIGHBOUR_FILE.test(file.name)) return readNeighbourModel(file.name, await file.open());
  const comparators = comparatorsForFile(file.name);
  if (comparators.length === 0) return 'unknown';
  return readPublishedCsv(file.name, await file.open(), comparators);
}

export async function loadBenchmarks(files: readonly ExtractFile[]): Promise<LoadedBenchmarks> {
  const snapshots: FileRead[] = [];
  const published: FileRead[] = [];
  const info: InfoNote[] = [];
  for (const file of files) {
    const read = await readFile(file);
    if (read === 'unknown') {
      info.push({
        kind: 'benchmark-file-ignored',
        table: file.name,
        message: `${file.name} is not a benchmark file this version reads: passed over`,
      });
      continue;
    }
    (file.name.toLowerCase().endsWith('.json') ? snapshots : published).push(read);
  }
  const all = [...snapshots, ...published];
  // Snapshots first: of a snapshot and a dropped file reaching the same year, the dropped file wins.
  const data = overlay(emptyBenchmarkData(), all);
  return {
    data: isEmpty(data) ? null : data,
    problems: all.flatMap((r) => r.problems),
    info,
    read: all.map((r) => r.file),
  };
}
