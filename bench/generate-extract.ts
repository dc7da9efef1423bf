/**
 * Generates a sample extract through the generator's own command line
 * (`npm run generate`), the way a person would, so the bench and the cross-check
 * depend only on its documented interface.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

const run = promisify(execFile);

/** Writes a CSV extract for `period` at `scale` into `outDir` (created), in a layout (spec by default). */
export async function generateExtract(
  scale: number,
  period: string,
  outDir: string,
  layout: 'spec' | 'systemc' | 'mosaic' = 'spec',
): Promise<void> {
  await run(
    TSX,
    [
      'functions/generate/main.ts',
      ...['--period', period, '--scale', String(scale), '--out', outDir, '--format', 'csv', '--layout', layout],
    ],
    {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 2 ** 20,
    },
  );
}

/** A digest of the generator's sources: a changed generator makes new extracts. */
function generatorVersion(): string {
  const dir = path.join(REPO_ROOT, 'functions', 'generate');
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The extract for a scale under bench/data/, generated once and reused: a marker file
 * written last says the folder is complete (an interrupted generation is redone) and
 * names the generator version that made it (a changed generator regenerates).
 */
export async function cachedExtract(scale: number, period: string): Promise<{ dir: string; generated: boolean }> {
  const dir = path.join(REPO_ROOT, 'bench', 'data', `scale-${scale}-${period}`);
  const marker = path.join(dir, '.complete');
  const version = generatorVersion();
  if (existsSync(marker) && readFileSync(marker, 'utf8') === version) return { dir, generated: false };
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  await generateExtract(scale, period, partial);
  renameSync(partial, dir);
  writeFileSync(marker, version);
  return { dir, generated: true };
}
