/**
 * The bench's table and goal checks as Markdown: printed, and written into
 * BENCHMARKS.md between markers, leaving the hand-written analysis around them as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BuiltBench } from './build';
import type { ColdStartResult } from './cold-start';
import { REPO_ROOT } from './generate-extract';
import { formatMs, type Summary } from './stats';

export interface MachineInfo {
  nproc: number;
  cpu: string;
  free: string;
  node: string;
  date: string;
}

export interface ScaleResult {
  scale: number;
  rows: number;
  runs: number;
  read: Summary;
  compute: Summary;
  readCompute: Summary;
  renderHtml: Summary;
  renderXlsx: Summary;
  peakRssMb: Summary;
  heapAfterReadMb: Summary;
  duckRead: Summary;
  duckCompute: Summary;
  duckTotal: Summary;
  duckPeakRssMb: Summary;
  /** DuckDB limited to one thread, as the pipeline is. */
  duckOneThreadTotal: Summary;
}

export interface BenchResults {
  machine: MachineInfo;
  period: string;
  /** How many indicators the default pack computes (each measured run computes all of them). */
  indicators: number;
  scales: ScaleResult[];
  built: BuiltBench;
  cold: ColdStartResult | null;
}

const BEGIN = '<!-- bench:begin (written by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:end -->';

const mb = (s: Summary) => `${s.median.toFixed(0)} MB (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const thousands = (n: number) => Math.round(n).toLocaleString('en-GB');

function goal(name: string, measured: string, met: boolean | null): string {
  return `| ${name} | ${measured} | ${met === null ? 'not measured' : met ? 'met' : '**not met**'} |`;
}

export function renderResults(results: BenchResults): string {
  const { machine, scales, built, cold } = results;
  const lines: string[] = [];
  lines.push(
    `Measured ${machine.date} on ${machine.nproc} cores (${machine.cpu}), node ` +
      `${machine.node}; period ${results.period}, the default pack (${results.indicators} indicators × 8 columns).`,
  );
  lines.push('', '```', `$ nproc\n${machine.nproc}\n$ free -h\n${machine.free}`, '```', '');
  lines.push(
    'Medians of the runs, (min–max). Each run is a fresh process running the ' +
      'bundled code. "read + compute" is the pipeline\'s read + validate + compute; ' +
      "DuckDB's columns are the same work (load the CSV files into typed tables, all " +
      'measures for all columns); DuckDB uses both cores unless limited to one thread.',
    '',
  );
  lines.push(
    '| scale | rows | runs | read + validate | compute | render HTML | render XLSX | read ' +
      '+ compute | µs/row | rows/s | peak RSS | DuckDB read | DuckDB compute | DuckDB total ' +
      '| pipeline ÷ DuckDB | DuckDB 1 thread | pipeline ÷ DuckDB 1 thread | DuckDB peak RSS |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const s of scales) {
    const perRow = (s.readCompute.median * 1000) / s.rows;
    lines.push(
      `| ${s.scale} | ${thousands(s.rows)} | ${s.runs} | ${formatMs(s.read)} | ${formatMs(s.compute)} ` +
        `| ${formatMs(s.renderHtml)} | ${formatMs(s.renderXlsx)} | ${formatMs(s.readCompute)} | ` +
        `${perRow.toFixed(2)} | ${thousands(s.rows / (s.readCompute.median / 1000))} | ${mb(s.peakRssMb)} ` +
        `| ${formatMs(s.duckRead)} | ${formatMs(s.duckCompute)} | ${formatMs(s.duckTotal)} | ` +
        `${(s.readCompute.median / s.duckTotal.median).toFixed(2)}× | ${formatMs(s.duckOneThreadTotal)} ` +
        `| ${(s.readCompute.median / s.duckOneThreadTotal.median).toFixed(2)}× | ${mb(s.duckPeakRssMb)} |`,
    );
  }

  if (scales.length > 1) {
    lines.push(
      '',
      '**Growth**, each scale against the one before (k is the exponent in ' +
        'cost ∝ rows^k: 1 = linear, 0 = flat). Heap after read is the heap in ' +
        'use once the extract is read (still referenced, not collected first).',
      '',
    );
    lines.push(
      '| scale | rows | read + compute | µs/row | rows × | time × | k ' +
        '(time) | peak RSS | RSS × | k (RSS) | heap after read | heap × |',
    );
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
    scales.forEach((s, i) => {
      const perRow = ((s.readCompute.median * 1000) / s.rows).toFixed(2);
      const head = `| ${s.scale} | ${thousands(s.rows)} | ${formatMs(s.readCompute)} | ${perRow}`;
      const rss = `${s.peakRssMb.median.toFixed(0)} MB`;
      const heap = `${s.heapAfterReadMb.median.toFixed(0)} MB`;
      if (i === 0) {
        lines.push(`${head} | – | – | – | ${rss} | – | – | ${heap} | – |`);
        return;
      }
      const before = scales[i - 1];
      const rowsX = s.rows / before.rows;
      const timeX = s.readCompute.median / before.readCompute.median;
      const rssX = s.peakRssMb.median / before.peakRssMb.median;
      const heapX = s.heapAfterReadMb.median / before.heapAfterReadMb.median;
      const k = (x: number) => (Math.log(x) / Math.log(rowsX)).toFixed(2);
      lines.push(
        `${head} | ${rowsX.toFixed(1)} | ${timeX.toFixed(1)} | ${k(timeX)} | ${rss} ` +
          `| ${rssX.toFixed(1)} | ${k(rssX)} | ${heap} | ${heapX.toFixed(1)} |`,
      );
    });
  }

  lines.push(
    '',
    `**Function bundle** (esbuild as the CDK stack bundles it: ${built.handlerDescription}): ` +
      `${kib(built.handlerBytes)} (${built.handlerBytes} bytes), plus ` +
      `${built.handlerMapBytes > 0 ? `a ${kib(built.handlerMapBytes)} source map and ` : ''}templates/. ` +
      `Largest parts: ${built.largestInputs.map((i) => `${i.input} ${kib(i.bytes)}`).join(', ')}.`,
  );
  if (cold) {
    lines.push(
      '',
      '**Cold start** at scale 1 against local s3rver + ' +
        `aws-ses-v2-local (${cold.runs} run${cold.runs === 1 ? '' : 's'}, ` +
        'each a new node process running the bundle without NODE_OPTIONS as the stack sets ' +
        'none, so the source map is not loaded; each into a fresh bucket): process start to ' +
        `first handler result ${formatMs(cold.coldMs)}; of which node starting ` +
        `${formatMs(cold.bootMs)}, loading the bundle ${formatMs(cold.loadMs)}, and the handler ` +
        `call (read, compute, render, store, send) ${formatMs(cold.handlerMs)}. A second call ` +
        `in the same process (warm, next month into the same bucket): ${formatMs(cold.warmMs)}.`,
    );
  }

  const at = (scale: number) => scales.find((s) => s.scale === scale);
  const s100 = at(100);
  lines.push('', '**Goals**', '', '| goal | measured | status |', '|---|---|---|');
  const ratio100 = s100
    ? `${(s100.readCompute.median / s100.duckTotal.median).toFixed(2)}× (${formatMs(s100.readCompute)} ` +
      `against ${formatMs(s100.duckTotal)}; ` +
      `${(s100.readCompute.median / s100.duckOneThreadTotal.median).toFixed(2)}× DuckDB on 1 thread)`
    : '-';
  lines.push(
    goal(
      'scale 100: read + validate + compute within 2× DuckDB',
      ratio100,
      s100 ? s100.readCompute.median <= 2 * s100.duckTotal.median : null,
    ),
  );
  lines.push(
    goal('scale 100: peak RSS under 512 MB', s100 ? mb(s100.peakRssMb) : '-', s100 ? s100.peakRssMb.max < 512 : null),
  );
  lines.push(
    goal(
      'scale 1: whole scheduled run under 2 s',
      cold ? formatMs(cold.handlerMs) : '-',
      cold ? cold.handlerMs.median < 2000 : null,
    ),
  );
  lines.push(
    goal(
      'function bundle under 1.5 MB (1,536 KiB)',
      `${kib(built.handlerBytes)} (${thousands(built.handlerBytes)} bytes)`,
      built.handlerBytes < 1.5 * 1024 * 1024,
    ),
  );
  lines.push(
    goal(
      'cold start to first result under 1 s',
      cold ? formatMs(cold.coldMs) : '-',
      cold ? cold.coldMs.median < 1000 : null,
    ),
  );
  return lines.join('\n');
}

/** Renders the results, and when `write` is set replaces the measured section of BENCHMARKS.md. */
export function writeReport(results: BenchResults, write: boolean): string {
  const text = renderResults(results);
  if (write) {
    const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
    const start = current.indexOf(BEGIN);
    const end = current.indexOf(END);
    const section = `${BEGIN}\n${text}\n${END}`;
    const next =
      start >= 0 && end > start
        ? current.slice(0, start) + section + current.slice(end + END.length)
        : `${current.trimEnd()}\n\n${section}\n`;
    writeFileSync(file, next);
  }
  return text;
}
