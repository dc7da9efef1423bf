/**
 * `npm run bench:memory -- <extractDir> [period]`: where a read's memory goes, table by table. After each table
 * it prints the process's RSS, the JavaScript heap in use, the typed arrays' memory (outside the heap) and the
 * peak RSS so far; then the heap still held by the extract once the garbage is collected, and the peak after
 * the pack is computed. The figures in BENCHMARKS.md ("Where the memory goes") come from it. It runs the
 * sources through tsx, so its baseline is larger than the bundled worker's that `npm run bench` times.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import defaultPack from '../functions/core/config/default-pack.json';
import { localFolderSource } from '../functions/adapters/local-folder-source';
import { neededTables, parsePackConfig } from '../functions/core/config/pack-config';
import { readExtract } from '../functions/core/extract/read-extract';
import { buildPack } from '../functions/core/pack/build-pack';
import { tableReach } from '../functions/core/pack/reach';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const peak = (): string => mb(process.resourceUsage().maxRSS * 1024);

function line(label: string): void {
  const m = process.memoryUsage();
  console.log(
    `${label.padEnd(34)} rss ${mb(m.rss)}  heap ${mb(m.heapUsed)}  arrays ${mb(m.arrayBuffers)}  peak ${peak()}`,
  );
}

async function main(): Promise<void> {
  const [dir, period = '2013-11'] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: npm run bench:memory -- <extractDir> [period]');
  const config = parsePackConfig(defaultPack, 'the default pack');
  const read = await readExtract(localFolderSource(dir), {
    period,
    neededTables: neededTables(config),
    reach: tableReach(config, period),
    onTable: (table) => line(`${table.table} (${table.rows.toLocaleString('en-GB')} rows)`),
  });
  if (!read.extract) throw new Error(`the extract in ${dir} has errors: ${read.quality.errors[0]?.message ?? ''}`);
  collect();
  line('read, linked; garbage collected');
  buildPack({ extract: read.extract, config, period, quality: read.quality });
  line('pack computed');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
