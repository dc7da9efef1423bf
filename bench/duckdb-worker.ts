/**
 * Child process: one run of the DuckDB baseline on one extract folder (a fresh
 * in-memory database, so the run reads the CSV files itself), like the pipeline worker.
 * Usage: node duckdb-worker.js <extractDir> <period> <out.json> [threads]
 */
import { writeFileSync } from 'node:fs';
import defaultPack from '../functions/core/config/default-pack.json';
import { parsePackConfig } from '../functions/core/config/pack-config';
import { baselineCells } from './compare';
import { duckdbPack } from './duckdb-baseline';

export interface DuckdbWorkerResult {
  readMs: number;
  computeMs: number;
  maxRssMb: number;
  cells: ReturnType<typeof baselineCells>;
}

async function main(): Promise<void> {
  const [dir, period, out, threads] = process.argv.slice(2);
  const config = parsePackConfig(defaultPack, 'the default pack');
  const pack = await duckdbPack(dir, config, period, threads ? { threads: Number(threads) } : {});
  const result: DuckdbWorkerResult = {
    readMs: pack.timings.readMs,
    computeMs: pack.timings.computeMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cells: baselineCells(pack),
  };
  writeFileSync(out, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
