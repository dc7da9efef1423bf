/**
 * `npm run bench`: the pipeline's stages at scale 1, 10 and 100 against the DuckDB
 * baseline on the same files, peak memory per run, and the function's bundle size and
 * cold start. Prints a table and writes the measured section of BENCHMARKS.md.
 *
 * Options: --scales 1,10,100   --runs 5 (per scale)   --runs-100 N   --no-cold   --no-write
 *
 * Every timed run is its own child process running bundled code, so each run's peak RSS
 * is its own, and no run is sped up by another's JIT warm-up (the function is cold too).
 * Before timing a scale, DuckDB's cells must equal the pipeline's: a mismatch fails the bench.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import defaultPack from '../functions/core/config/default-pack.json';
import { PACK_FUNCTION_PROCESS_ENV } from '../infra/pack-function';
import { BUILD_DIR, buildBench, type BuiltBench } from './build';
import { measureColdStart, type ColdStartResult } from './cold-start';
import { compareCells, describeMismatches } from './compare';
import type { DuckdbWorkerResult } from './duckdb-worker';
import { cachedExtract } from './generate-extract';
import type { PipelineWorkerResult } from './pipeline-worker';
import { writeReport, type MachineInfo, type ScaleResult } from './report';
import { summarise } from './stats';

const PERIOD = '2013-11';
/** bench/data/: the extracts, the bundles and the last run's results (git-ignored). */
const RESULTS_DIR = path.dirname(BUILD_DIR);
const run = promisify(execFile);

interface Options {
  scales: number[];
  runs: number;
  runs100: number;
  cold: boolean;
  write: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { scales: [1, 10, 100], runs: 5, runs100: 5, cold: true, write: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--scales') options.scales = next().split(',').map(Number);
    else if (arg === '--runs') options.runs = Number(next());
    else if (arg === '--runs-100') options.runs100 = Number(next());
    else if (arg === '--no-cold') options.cold = false;
    else if (arg === '--no-write') options.write = false;
    else
      throw new Error(`unknown option ${arg} (options: --scales 1,10,100 --runs N --runs-100 N --no-cold --no-write)`);
  }
  if (options.scales.some((s) => !Number.isInteger(s) || s < 1) || !(options.runs >= 1) || !(options.runs100 >= 1)) {
    throw new Error('--scales takes positive whole numbers, --runs and --runs-100 at least 1');
  }
  return options;
}

/** Runs one bundled worker in a fresh node process and returns what it wrote. */
async function runWorker<T>(script: string, dir: string, ...extra: string[]): Promise<T> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-worker-'));
  const out = path.join(tmp, 'result.json');
  try {
    // The function's process environment (glibc's malloc thresholds) for both workers: a peak RSS is as deployed.
    const env: NodeJS.ProcessEnv = { ...process.env, ...PACK_FUNCTION_PROCESS_ENV };
    await run(process.execPath, [script, dir, PERIOD, out, ...extra], { env, maxBuffer: 16 * 2 ** 20 });
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function machineInfo(): Promise<MachineInfo> {
  const free = await run('free', ['-h']).then(
    (r) => r.stdout.trim(),
    () => `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total`,
  );
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return {
    nproc: os.availableParallelism(),
    cpu,
    free,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

async function benchScale(built: BuiltBench, scale: number, runs: number): Promise<ScaleResult> {
  const { dir, generated } = await cachedExtract(scale, PERIOD);
  console.log(`scale ${scale}: extract ${generated ? 'generated' : 'reused'} in ${path.relative(process.cwd(), dir)}`);

  // The equality check, untimed (it also brings the files into the page cache for both sides).
  const checkDuck = await runWorker<DuckdbWorkerResult>(built.duckdbWorker, dir);
  const checkPipe = await runWorker<PipelineWorkerResult>(built.pipelineWorker, dir);
  const mismatches = compareCells(checkPipe.cells, checkDuck.cells);
  if (mismatches.length > 0) {
    throw new Error(
      `scale ${scale}: the pipeline and DuckDB disagree in ` +
        `${mismatches.length} cells:\n${describeMismatches(mismatches)}`,
    );
  }
  console.log(`scale ${scale}: pipeline and DuckDB agree in every cell; timing ${runs} runs of each`);

  const pipeline: PipelineWorkerResult[] = [];
  const duckdb: DuckdbWorkerResult[] = [];
  const duckdbOneThread: DuckdbWorkerResult[] = [];
  // Interleaved, so a burst of load from elsewhere on the machine hits all sides alike.
  // DuckDB runs on every core by default; the pipeline on one: so both are shown.
  for (let i = 0; i < runs; i++) {
    pipeline.push(await runWorker<PipelineWorkerResult>(built.pipelineWorker, dir));
    duckdb.push(await runWorker<DuckdbWorkerResult>(built.duckdbWorker, dir));
    duckdbOneThread.push(await runWorker<DuckdbWorkerResult>(built.duckdbWorker, dir, '1'));
  }
  return {
    scale,
    rows: checkPipe.rows,
    runs,
    read: summarise(pipeline.map((r) => r.readMs)),
    compute: summarise(pipeline.map((r) => r.computeMs)),
    readCompute: summarise(pipeline.map((r) => r.readMs + r.computeMs)),
    renderHtml: summarise(pipeline.map((r) => r.renderHtmlMs)),
    renderXlsx: summarise(pipeline.map((r) => r.renderXlsxMs)),
    peakRssMb: summarise(pipeline.map((r) => r.maxRssMb)),
    heapAfterReadMb: summarise(pipeline.map((r) => r.heapAfterReadMb)),
    duckRead: summarise(duckdb.map((r) => r.readMs)),
    duckCompute: summarise(duckdb.map((r) => r.computeMs)),
    duckTotal: summarise(duckdb.map((r) => r.readMs + r.computeMs)),
    duckPeakRssMb: summarise(duckdb.map((r) => r.maxRssMb)),
    duckOneThreadTotal: summarise(duckdbOneThread.map((r) => r.readMs + r.computeMs)),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = await machineInfo();
  console.log(`bench: ${machine.nproc} cores, node ${machine.node}, period ${PERIOD}`);
  const built = await buildBench();

  const scales: ScaleResult[] = [];
  for (const scale of options.scales)
    scales.push(await benchScale(built, scale, scale >= 100 ? options.runs100 : options.runs));

  let cold: ColdStartResult | null = null;
  if (options.cold) {
    const { dir } = await cachedExtract(1, PERIOD);
    cold = await measureColdStart(built, dir, PERIOD, options.runs);
  }
  const indicators = defaultPack.sections.reduce((n, section) => n + section.indicators.length, 0);
  const results = { machine, period: PERIOD, indicators, scales, built, cold };
  // Every summary as measured (git-ignored beside the extracts), for analysis beyond the table.
  writeFileSync(path.join(RESULTS_DIR, 'last-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const text = writeReport(results, options.write);
  console.log(`\n${text}`);
  if (options.write) console.log('BENCHMARKS.md updated (measured section).');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
