/** `report benchmarks build DIR --out FILE` on the fixtures: the snapshot written, or the problems listed. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCommand, USAGE } from '../../../functions/cli/args';
import { execute, type Terminal } from '../../../functions/cli/commands';
import { parseSnapshot } from '../../../functions/core/benchmarks/snapshot';
import { UsageError } from '../../../functions/core/errors';
import { FIXTURES } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'benchmarks-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Terminal & { lines: string[] } {
  const lines: string[] = [];
  return { lines, progress: (line) => lines.push(line), out: (line) => lines.push(line) };
}

test('builds the snapshot and says its size and coverage', async () => {
  const out = path.join(dir, 'benchmarks.json');
  const terminal = capture();
  expect(await execute(parseCommand(['benchmarks', 'build', FIXTURES, '--out', out]), terminal, USAGE)).toBe(0);
  const read = parseSnapshot('benchmarks.json', readFileSync(out, 'utf8'));
  expect(read.problems).toEqual([]);
  expect(terminal.lines.slice(0, 2)).toEqual([
    'README.md is not a benchmark file this version reads: passed over',
    expect.stringMatching(/^Wrote .*benchmarks\.json: [\d,]+ bytes from 4 files$/),
  ]);
  // d3 2013: England, 3 London regions, 6 boroughs = 10 rows with a figure; 2014: 10 rows, Barnet's x kept.
  expect(terminal.lines).toContain('  cp_repeat_pct: 20 figures, 2013–2014 (2 years)');
  expect(terminal.lines).toContain(
    '  neighbours 2025: DfE statistical neighbours (2025), 6 authorities (sn_model_2025_wide.csv)',
  );
});

test('a folder with bad files writes nothing and lists each problem with its file, row and column', async () => {
  const out = path.join(dir, 'benchmarks.json');
  const terminal = capture();
  const status = await execute(
    parseCommand(['benchmarks', 'build', path.join(FIXTURES, 'bad'), '--out', out]),
    terminal,
    USAGE,
  );
  expect(status).toBe(1);
  expect(existsSync(out)).toBe(false);
  expect(terminal.lines[0]).toBe('No snapshot written: 7 problem(s) in the files:');
  expect(terminal.lines).toContain(
    '  - d3_cpps_subsequent_plan_2013_to_2014.csv: row 3, time_period: "2013/14" is not a reporting year such as 2013',
  );
});

test('the command line needs one folder and --out', () => {
  expect(() => parseCommand(['benchmarks', 'build', FIXTURES])).toThrow(UsageError);
  expect(() => parseCommand(['benchmarks', 'build', '--out', 'x.json'])).toThrow(/give one folder of DfE files/);
  expect(() => parseCommand(['benchmarks', 'fetch'])).toThrow(/the only subcommand is "build"/);
});
