/**
 * Child process: one run of the pipeline's stages on one extract folder, timed stage by
 * stage. One run per process, so the process's peak RSS is the peak of that run (as in
 * a function invocation) and no run profits from another's warmed-up JIT or heap.
 * Usage: tsx bench/pipeline-worker.ts <extractDir> <period> <out.json>
 */
import { writeFileSync } from 'node:fs';
import defaultPack from '../functions/core/config/default-pack.json';
import { localFolderSource } from '../functions/adapters/local-folder-source';
import { neededTables, parsePackConfig, type PackConfig } from '../functions/core/config/pack-config';
import { readExtract } from '../functions/core/extract/read-extract';
import { buildPack } from '../functions/core/pack/build-pack';
import { tableReach } from '../functions/core/pack/reach';
import { renderReportHtml } from '../functions/core/render/html';
import { renderWorkbook } from '../functions/core/render/workbook';
import { packCells } from './compare';

export interface PipelineWorkerResult {
  rows: number;
  readMs: number;
  computeMs: number;
  renderHtmlMs: number;
  renderXlsxMs: number;
  maxRssMb: number;
  /** Heap in use after the extract was read (it is still referenced then). */
  heapAfterReadMb: number;
  cells: ReturnType<typeof packCells>;
}

/**
 * Reads the extract and computes the pack, as the run does (run-stages.ts, readAndCompute): only the pack and the
 * figures leave, so the extract is garbage before rendering starts.
 */
async function readAndCompute(dir: string, period: string, config: PackConfig) {
  const t0 = performance.now();
  const read = await readExtract(localFolderSource(dir), {
    period,
    neededTables: neededTables(config),
    reach: tableReach(config, period),
  });
  const t1 = performance.now();
  if (!read.extract) {
    const first = read.quality.errors
      .slice(0, 5)
      .map((p) => `  ${p.message}`)
      .join('\n');
    throw new Error(`the extract in ${dir} has ${read.quality.errors.length} errors, e.g.\n${first}`);
  }
  const heapAfterReadMb = process.memoryUsage().heapUsed / 2 ** 20;
  const pack = buildPack({ extract: read.extract, config, period, quality: read.quality });
  const rows = read.tables.reduce((sum, t) => sum + t.rows, 0);
  return { pack, rows, heapAfterReadMb, readMs: t1 - t0, computeMs: performance.now() - t1 };
}

async function main(): Promise<void> {
  const [dir, period, out] = process.argv.slice(2);
  const config = parsePackConfig(defaultPack, 'the default pack');
  const meta = {
    runId: 'bench',
    generatedAt: new Date(0).toISOString(),
    sources: [dir],
    codeVersion: 'bench',
    workbookName: 'bench.xlsx',
  };

  const { pack, rows, heapAfterReadMb, readMs, computeMs } = await readAndCompute(dir, period, config);
  const t2 = performance.now();
  const html = renderReportHtml(pack, meta);
  const t3 = performance.now();
  const workbook = await renderWorkbook(pack, meta);
  const t4 = performance.now();
  if (html.length === 0 || workbook.length === 0) throw new Error('a renderer produced nothing');

  const result: PipelineWorkerResult = {
    rows,
    readMs,
    computeMs,
    renderHtmlMs: t3 - t2,
    renderXlsxMs: t4 - t3,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapAfterReadMb,
    cells: packCells(pack),
  };
  writeFileSync(out, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
