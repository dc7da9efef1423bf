/**
 * `report benchmarks build DIR --out FILE` (docs/COMMANDS.md, docs/BENCHMARKS-DATA.md): reads a folder of DfE's
 * published files and writes the benchmark snapshot. Any problem in a file — a missing column, a value that is
 * neither a number nor a suppression code — is listed with its file, row and column, and nothing is written.
 */
import { writeFile } from 'node:fs/promises';
import { localFolderSource } from '../adapters/local-folder-source';
import { loadBenchmarks } from '../core/benchmarks/load-benchmarks';
import { describeCoverage, serializeSnapshot } from '../core/benchmarks/snapshot';
import { UserError } from '../core/errors';
import type { Command } from './args';
import type { Terminal } from './commands';

/** Most problems printed; the rest are counted. */
const MAX_SHOWN = 50;

export async function buildBenchmarks(
  command: Extract<Command, { name: 'benchmarks-build' }>,
  terminal: Terminal,
): Promise<number> {
  const loaded = await loadBenchmarks(await localFolderSource(command.folder).list());
  for (const note of loaded.info) terminal.progress(note.message);
  if (loaded.problems.length > 0) {
    terminal.out(`No snapshot written: ${loaded.problems.length} problem(s) in the files:`);
    for (const problem of loaded.problems.slice(0, MAX_SHOWN)) terminal.out(`  - ${problem.message}`);
    if (loaded.problems.length > MAX_SHOWN) terminal.out(`  - … and ${loaded.problems.length - MAX_SHOWN} more`);
    return 1;
  }
  if (loaded.data === null)
    throw new UserError(`No DfE benchmark files in ${command.folder}: see docs/BENCHMARKS-DATA.md for the files read.`);
  const text = serializeSnapshot(loaded.data);
  await writeFile(command.out, text, 'utf8');
  terminal.out(
    `Wrote ${command.out}: ${Buffer.byteLength(text).toLocaleString('en-GB')} bytes from ${loaded.read.length} files`,
  );
  for (const line of describeCoverage(loaded.data)) terminal.out(`  ${line}`);
  return 0;
}
