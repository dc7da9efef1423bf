import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type CsvSink, readCsv } from '../../../functions/core/extract/csv-reader';

// The collector, to show that nothing reachable still holds the sink (the whole extract as read).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

describe('readCsv lets go of its sink when the read settles', () => {
  it('the sink can be collected while the file is still closing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-retention-'));
    const file = path.join(dir, 'table.csv');
    writeFileSync(file, 'id,date\na,2013-11-01\nb,2013-11-02\n');
    // A file's close completes after the read has resolved (as an S3 body's teardown can): collected at once,
    // before the event loop turns, the sink must already be unreachable.
    const source = createReadStream(file);
    let rows = 0;
    let sink: CsvSink | null = { row: () => (rows += 1), malformed: () => undefined };
    const held = new WeakRef(sink);
    const result = await readCsv(source, sink);
    sink = null; // eslint-disable-line no-useless-assignment -- the point: no reference is left for the collector
    collect();
    expect(result.failure).toBeNull();
    expect(rows).toBe(3); // header and two rows
    expect(held.deref()).toBeUndefined();
    if (!source.closed) await new Promise<void>((resolve) => source.once('close', () => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });
});
