/**
 * Bundles what the bench runs with esbuild, so timings and peak RSS are those of
 * plain node running bundled code (as in the function), not of tsx compiling on the fly.
 *
 * The function bundle uses the settings of the CDK stack (infra/pack-function.ts):
 * minified, CommonJS, target node24, source map, the AWS SDK bundled (`bundleAwsSDK:
 * true`), and `templates/` copied beside it.
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './generate-extract';

export const BUILD_DIR = path.join(REPO_ROOT, 'bench', 'data', 'build');
export const FUNCTION_DIR = path.join(BUILD_DIR, 'function');

export interface BuiltBench {
  pipelineWorker: string;
  duckdbWorker: string;
  handlerBundle: string;
  handlerBytes: number;
  handlerMapBytes: number;
  /** The largest inputs of the function bundle (bytes in the output), for the report. */
  largestInputs: Array<{ input: string; bytes: number }>;
}

function copyTemplates(dir: string): void {
  cpSync(path.join(REPO_ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
}

/** Top-level package (or source folder) of an esbuild input path. */
function inputGroup(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1] : input.split('/').slice(0, 2).join('/');
}

export async function buildBench(): Promise<BuiltBench> {
  mkdirSync(FUNCTION_DIR, { recursive: true });
  await build({
    entryPoints: { 'pipeline-worker': path.join(REPO_ROOT, 'bench/pipeline-worker.ts'), 'duckdb-worker': path.join(REPO_ROOT, 'bench/duckdb-worker.ts') },
    outdir: BUILD_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The DuckDB binding is a native module: it is loaded from node_modules.
    external: ['@duckdb/*'],
    logLevel: 'error',
  });
  copyTemplates(BUILD_DIR);

  const handlerBundle = path.join(FUNCTION_DIR, 'index.js');
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'functions/handler.ts')],
    outfile: handlerBundle,
    bundle: true,
    minify: true,
    sourcemap: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    metafile: true,
    logLevel: 'error',
  });
  copyTemplates(FUNCTION_DIR);

  const byGroup = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      byGroup.set(inputGroup(input), (byGroup.get(inputGroup(input)) ?? 0) + bytesInOutput);
    }
  }
  const largestInputs = [...byGroup.entries()]
    .map(([input, bytes]) => ({ input, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  return {
    pipelineWorker: path.join(BUILD_DIR, 'pipeline-worker.js'),
    duckdbWorker: path.join(BUILD_DIR, 'duckdb-worker.js'),
    handlerBundle,
    handlerBytes: statSync(handlerBundle).size,
    handlerMapBytes: statSync(`${handlerBundle}.map`).size,
    largestInputs,
  };
}
