/**
 * The benchmark snapshot (docs/BENCHMARKS-DATA.md, "The snapshot"): every figure read from DfE's files, one per
 * comparator × area × year, each with its source file, plus the areas and the neighbour models, as compact JSON.
 *
 *   { "format": "indicator-pack-benchmarks/1",
 *     "sources": ["d3_cpps_subsequent_plan_2013_to_2025.csv", …],
 *     "areas":   [["E09000014", "Haringey", "la", "309", "E13000001"],
 *                 ["E92000001", "England", "england", null, null], …],
 *     "figures": [["cp_repeat_pct", "E09000014", 2013, 4.6, 0], ["cp_repeat_pct", "E09000001", 2013, "c", 0], …],
 *     "models":  [{ "id": "2025", "name": "…", "source": 5, "groups": { "309": ["320", "307", …] } }] }
 *
 * A figure's fourth item is the number, or DfE's suppression code as text; its fifth the index of its source.
 */
import * as z from 'zod';
import { issueLines } from '../config/zod-helpers';
import type { Problem } from '../types';
import { COMPARATOR_IDS } from './comparators';
import type { BenchmarkData, FileRead } from './benchmark-data';
import { SUPPRESSION_CODES } from './published-csv';

export const SNAPSHOT_FORMAT = 'indicator-pack-benchmarks/1';
/** Longest snapshot accepted: the full DfE set is well under 1 MB. */
export const MAX_SNAPSHOT_BYTES = 20 * 1024 * 1024;

const oldCode = z.string().regex(/^\d{3}$/);
const snapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  sources: z.array(z.string().min(1)),
  areas: z.array(
    z.tuple([
      z.string().min(1),
      z.string(),
      z.enum(['england', 'region', 'la']),
      oldCode.nullable(),
      z.string().nullable(),
    ]),
  ),
  figures: z.array(
    z.tuple([
      z.enum(COMPARATOR_IDS),
      z.string().min(1),
      z.number().int().min(1990).max(2100),
      z.union([z.number().finite(), z.enum([...SUPPRESSION_CODES])]),
      z.number().int().min(0),
    ]),
  ),
  models: z.array(
    z.strictObject({
      id: z.string().regex(/^\d{4}$/),
      name: z.string().min(1),
      source: z.number().int().min(0),
      groups: z.record(oldCode, z.array(oldCode)),
    }),
  ),
});

type Snapshot = z.infer<typeof snapshotSchema>;

/** The data as snapshot JSON: sorted, so the same files give the same bytes. */
export function serializeSnapshot(data: BenchmarkData): string {
  const sources = [
    ...new Set([...data.figures.values()].map((f) => f.source).concat([...data.models.values()].map((m) => m.source))),
  ].sort();
  const sourceIndex = new Map(sources.map((s, i) => [s, i]));
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    sources,
    areas: [...data.areas.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((a) => [a.code, a.name, a.level, a.oldCode, a.region]),
    figures: [...data.figures.values()]
      .sort((a, b) => a.comparator.localeCompare(b.comparator) || a.area.localeCompare(b.area) || a.year - b.year)
      .map((f) => [f.comparator, f.area, f.year, f.value ?? f.suppressed ?? 'x', sourceIndex.get(f.source) ?? 0]),
    models: [...data.models.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((m) => ({ id: m.id, name: m.name, source: sourceIndex.get(m.source) ?? 0, groups: m.groups })),
  };
  // One figure a line keeps the file diffable while staying compact.
  const lines = (items: readonly unknown[]) => items.map((item) => JSON.stringify(item)).join(',\n');
  return (
    `{"format":${JSON.stringify(snapshot.format)},\n"sources":${JSON.stringify(snapshot.sources)},\n` +
    `"areas":[\n${lines(snapshot.areas)}],\n"figures":[\n${lines(snapshot.figures)}],\n` +
    `"models":[\n${lines(snapshot.models)}]}\n`
  );
}

function snapshotProblem(file: string, message: string): Problem {
  return {
    kind: 'benchmark-bad-snapshot',
    table: file,
    row: null,
    column: null,
    value: null,
    message: `${file}: ${message}`,
  };
}

/** Reads snapshot JSON as one file's worth of figures, areas and models; a bad snapshot gives problems, no data. */
export function parseSnapshot(file: string, text: string): FileRead {
  const none = (problems: Problem[]): FileRead => ({
    file,
    figures: [],
    areas: [],
    models: [],
    problems,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return none([snapshotProblem(file, `not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`)]);
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success)
    return none([
      snapshotProblem(
        file,
        `not a benchmark snapshot (${SNAPSHOT_FORMAT}):\n${issueLines(parsed.error.issues).join('\n')}`,
      ),
    ]);
  const s = parsed.data;
  const source = (i: number) => s.sources[i] ?? file;
  const figures = s.figures.map(([comparator, area, year, v, i]) => ({
    comparator,
    area,
    year,
    value: typeof v === 'number' ? v : null,
    suppressed: typeof v === 'string' ? v : null,
    source: source(i),
  }));
  return {
    file,
    figures,
    areas: s.areas.map(([code, name, level, old, region]) => ({ code, name, level, oldCode: old, region })),
    models: s.models.map((m) => ({ ...m, source: source(m.source) })),
    problems: [],
  };
}

/** Coverage in words, for the CLI and the docs: files, years, figures per comparator, models. */
export function describeCoverage(data: BenchmarkData): string[] {
  const by = new Map<string, { years: Set<number>; figures: number }>();
  for (const f of data.figures.values()) {
    const entry = by.get(f.comparator) ?? { years: new Set(), figures: 0 };
    entry.years.add(f.year);
    entry.figures += 1;
    by.set(f.comparator, entry);
  }
  const lines = [...by].map(([id, { years, figures }]) => {
    const sorted = [...years].sort((a, b) => a - b);
    return `${id}: ${figures} figures, ${sorted[0]}–${sorted[sorted.length - 1]} (${sorted.length} years)`;
  });
  for (const m of data.models.values())
    lines.push(`neighbours ${m.id}: ${m.name}, ${Object.keys(m.groups).length} authorities (${m.source})`);
  return lines;
}
