/**
 * Bundles what the bench runs with esbuild, so timings and peak RSS are those of
 * plain node running bundled code (as in the function), not of tsx compiling on the fly.
 *
 * The function bundle is built from the CDK stack's own settings (PACK_FUNCTION_BUNDLING
 * in infra/pack-function.ts), passed to esbuild as NodejsFunction passes them, with
 * `templates/` copied beside it as the stack's afterBundling hook does.
 */
import { build, type BuildOptions } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACK_FUNCTION_BUNDLING } from '../infra/pack-function';
import { REPO_ROOT } from './generate-extract';

export const BUILD_DIR = path.join(REPO_ROOT, 'bench', 'data', 'build');
export const FUNCTION_DIR = path.join(BUILD_DIR, 'function');

export interface BuiltBench {
  pipelineWorker: string;
  duckdbWorker: string;
  handlerBundle: string;
  handlerBytes: number;
  /** 0 when the stack writes no source map. */
  handlerMapBytes: number;
  /** How the function bundle was built, in words, from the options it was built with. */
  handlerDescription: string;
  /** The largest inputs of the function bundle (bytes in the output), for the report. */
  largestInputs: Array<{ input: string; bytes: number }>;
}

function copyTemplates(dir: string): void {
  cpSync(path.join(REPO_ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
}

/** `--alias:name=./path` as NodejsFunction passes it, as esbuild's API option (paths from the project root). */
function aliasOption(arg: string): Record<string, string> {
  const [name, target] = arg.split('=');
  return { [name]: path.join(REPO_ROOT, target) };
}

/**
 * The esbuild options NodejsFunction derives from PACK_FUNCTION_BUNDLING: it runs
 * `esbuild --bundle --platform=node` (CommonJS by default) with --minify, --sourcemap,
 * --target, one --external per external module, then the extra esbuildArgs.
 * test/infra/stack.test.ts checks the stack's bundle is byte for byte this one.
 */
export function functionBuildOptions(bundling = PACK_FUNCTION_BUNDLING): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    target: bundling.target,
    external: [...bundling.externalModules],
    charset: bundling.esbuildArgs['--charset'],
    alias: aliasOption(bundling.esbuildArgs['--alias']),
  };
}

/**
 * The function bundle's build in words for the report, read from the same options the
 * bundle is built with, so the text cannot fall behind the stack's settings.
 */
export function describeFunctionBuild(options: BuildOptions = functionBuildOptions()): string {
  const parts = [
    options.minify ? 'minified' : 'not minified',
    options.format ?? 'cjs',
    `target ${String(options.target)}`,
  ];
  const external = options.external ?? [];
  parts.push(
    external.length > 0
      ? `external (from the Lambda runtime): ${external.join(', ')}`
      : 'nothing external (AWS SDK bundled)',
  );
  if (options.charset) parts.push(`charset ${options.charset}`);
  parts.push(options.sourcemap ? 'source map written beside it' : 'no source map');
  return parts.join(', ');
}

/** Top-level package (or source folder) of an esbuild input path. */
function inputGroup(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1] : input.split('/').slice(0, 2).join('/');
}

export async function buildBench(): Promise<BuiltBench> {
  mkdirSync(FUNCTION_DIR, { recursive: true });
  await build({
    entryPoints: {
      'pipeline-worker': path.join(REPO_ROOT, 'bench/pipeline-worker.ts'),
      'duckdb-worker': path.join(REPO_ROOT, 'bench/duckdb-worker.ts'),
    },
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
  // A map left by an earlier build must not be reported if the settings no longer write one.
  rmSync(`${handlerBundle}.map`, { force: true });
  const result = await build({
    ...functionBuildOptions(),
    entryPoints: [path.join(REPO_ROOT, 'functions/handler.ts')],
    outfile: handlerBundle,
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
    handlerMapBytes: existsSync(`${handlerBundle}.map`) ? statSync(`${handlerBundle}.map`).size : 0,
    handlerDescription: describeFunctionBuild(),
    largestInputs,
  };
}
