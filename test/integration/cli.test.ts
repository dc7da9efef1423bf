/**
 * The CLI in this process: a run into a folder (the bucket's layout), a preview through
 * the local SES, validation of a broken extract, and wrong command lines (exit status 2).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as XLSX from 'xlsx';
import { parseCommand, USAGE } from '../../functions/cli/args';
import { execute, type Terminal } from '../../functions/cli/commands';
import defaultPack from '../../functions/core/config/default-pack.json';
import { UsageError } from '../../functions/core/errors';
import { generateExtract } from '../support/fixtures';
import { startLocalStack, type LocalStack } from '../support/local-stack';

const PERIOD = '2013-11';
let extractDir: string;
let outDir: string;
let stack: LocalStack;

beforeAll(async () => {
  extractDir = await generateExtract(PERIOD);
  outDir = mkdtempSync(path.join(tmpdir(), 'cli-out-'));
  stack = await startLocalStack();
  delete process.env.DATA_BUCKET; // the CLI works from folders here
});
afterAll(async () => {
  await stack?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

function capture(): Terminal & { progressLines: string[]; outLines: string[] } {
  const progressLines: string[] = [];
  const outLines: string[] = [];
  return { progressLines, outLines, progress: (line) => progressLines.push(line), out: (line) => outLines.push(line) };
}

const cli = (argv: string[], terminal: Terminal): Promise<number> => execute(parseCommand(argv), terminal, USAGE);

test('run --out writes the run in the bucket layout, with latest.json, and sends nothing', async () => {
  const terminal = capture();
  expect(await cli(['run', '--period', PERIOD, '--extract', extractDir, '--out', outDir], terminal)).toBe(0);
  const latest = JSON.parse(readFileSync(path.join(outDir, 'reports', PERIOD, 'latest.json'), 'utf8')) as {
    runId: string;
    prefix: string;
  };
  expect(readdirSync(path.join(outDir, latest.prefix)).sort()).toEqual([
    'manifest.json',
    'pack.html',
    'pack.json',
    'pack.xlsx',
  ]);
  const manifest = JSON.parse(readFileSync(path.join(outDir, latest.prefix, 'manifest.json'), 'utf8')) as {
    status: string;
    trigger: string;
    batches: unknown[];
  };
  expect(manifest).toMatchObject({ status: 'stored', trigger: 'cli', batches: [] });
  expect(terminal.progressLines).toEqual(
    expect.arrayContaining([
      'read ssd_cp_plans.csv: 2,100 rows',
      `computed ${defaultPack.sections.reduce((n, section) => n + section.indicators.length, 0)} indicators`,
      'rendered pack.html, pack.xlsx, pack.json',
    ]),
  );
  expect(terminal.progressLines.some((line) => line.startsWith('stored '))).toBe(true);
  expect(await stack.emails()).toHaveLength(0);
});

test('run --preview ADDRESS sends one [Preview] to that address only', async () => {
  const terminal = capture();
  expect(
    await cli(
      ['run', '--period', PERIOD, '--extract', extractDir, '--out', outDir, '--preview', 'ann@haringey.example'],
      terminal,
    ),
  ).toBe(0);
  const emails = await stack.emails();
  expect(emails.map((e) => [e.destination.to, e.subject.slice(0, 9)])).toEqual([
    [['ann@haringey.example'], '[Preview]'],
  ]);
  expect(terminal.progressLines.some((line) => line.startsWith('sent batch 1 of 1'))).toBe(true);
});

test('validate prints the data-quality report and exits 1 when the extract has errors', async () => {
  const broken = mkdtempSync(path.join(tmpdir(), 'broken-'));
  cpSync(extractDir, broken, { recursive: true });
  writeFileSync(path.join(broken, 'ssd_cp_plans.csv'), 'cppl_cp_plan_id,cppl_person_id\nP1,\n');
  const terminal = capture();
  expect(await cli(['validate', '--period', PERIOD, '--extract', broken], terminal)).toBe(1);
  expect(terminal.outLines.join('\n')).toMatch(/error/i);
  const good = capture();
  expect(await cli(['validate', '--period', PERIOD, '--extract', extractDir], good)).toBe(0);
  rmSync(broken, { recursive: true, force: true });
});

test('a failed run exits 1 with its reason, and nothing is stored but its manifest', async () => {
  const terminal = capture();
  expect(
    await cli(['run', '--period', PERIOD, '--extract', path.join(outDir, 'no-such-folder'), '--out', outDir], terminal),
  ).toBe(1);
  expect(terminal.outLines[0]).toMatch(/failed: extract folder not found/);
  const runId = /^Run (\S+) failed/.exec(terminal.outLines[0])![1];
  expect(readdirSync(path.join(outDir, 'reports', PERIOD, runId))).toEqual(['manifest.json']);
});

test.each([
  [['frobnicate'], 'unknown command "frobnicate"'],
  [['run'], '--period is required'],
  [['run', '--period', '2013-11', '--send', '--preview', 'a@b.example'], 'give --send or --preview, not both'],
  [['run', '--period', 'Nov'], '--period must be a month as YYYY-MM'],
  [['rerun', '--period', '2013-11'], '--reason is required'],
  [['validate', '--period', '2013-11', '--bogus'], "Unknown option '--bogus'"],
  [['comments', 'export'], 'the only subcommand is "import"'],
])('%j is a usage error (exit 2): %s', (argv, message) => {
  let caught: unknown;
  try {
    parseCommand(argv);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UsageError);
  expect((caught as UsageError).exitCode).toBe(2);
  expect((caught as UsageError).message).toContain(message);
});

test('comments import reads a returned workbook into a comments file that a run then uses', async () => {
  const latest = JSON.parse(readFileSync(path.join(outDir, 'reports', PERIOD, 'latest.json'), 'utf8')) as {
    prefix: string;
  };
  const commentsFile = path.join(outDir, 'comments.json');
  const terminal = capture();
  expect(
    await cli(
      [
        'comments',
        'import',
        '--period',
        PERIOD,
        '--from',
        path.join(outDir, latest.prefix, 'pack.xlsx'),
        '--out',
        commentsFile,
      ],
      terminal,
    ),
  ).toBe(0);
  const comments: unknown = JSON.parse(readFileSync(commentsFile, 'utf8'));
  expect(typeof comments).toBe('object');
  const run = capture();
  expect(
    await cli(['run', '--period', PERIOD, '--extract', extractDir, '--out', outDir, '--comments', commentsFile], run),
  ).toBe(0);
  expect(run.progressLines.some((line) => line.startsWith('comments read: '))).toBe(true);
});

test('an invalid comments file stops the run with a clear reason', async () => {
  const commentsFile = path.join(outDir, 'bad-comments.json');
  writeFileSync(commentsFile, JSON.stringify({ indicators: { HY64: 42 } }));
  const terminal = capture();
  expect(
    await cli(
      ['run', '--period', PERIOD, '--extract', extractDir, '--out', outDir, '--comments', commentsFile],
      terminal,
    ),
  ).toBe(1);
  expect(terminal.outLines[0]).toMatch(/Invalid comments file .*bad-comments\.json:\n {2}- indicators\.HY64: /);
});

test('no output names a local path: pack, workbook, pack.json and email name inputs by file or folder', async () => {
  const officerFolder = mkdtempSync(path.join(tmpdir(), 'officer-desktop-'));
  const extract = path.join(officerFolder, 'extract-2013-11');
  cpSync(extractDir, extract, { recursive: true });
  const config = path.join(officerFolder, 'pack-config.json');
  cpSync(path.join(__dirname, '..', '..', 'functions', 'core', 'config', 'default-pack.json'), config);
  const out = path.join(officerFolder, 'out');
  await stack.clearEmails();
  const argv = ['run', '--period', PERIOD, '--extract', extract, '--config', config, '--out', out];
  expect(await cli([...argv, '--preview', 'ann@haringey.example'], capture())).toBe(0);

  const latest = JSON.parse(readFileSync(path.join(out, 'reports', PERIOD, 'latest.json'), 'utf8')) as {
    prefix: string;
  };
  const run = path.join(out, latest.prefix);
  const workbook = XLSX.read(readFileSync(path.join(run, 'pack.xlsx')), { type: 'buffer' });
  const email = (await stack.emails())[0];
  const outputs = {
    html: readFileSync(path.join(run, 'pack.html'), 'utf8'),
    json: readFileSync(path.join(run, 'pack.json'), 'utf8'),
    workbook: workbook.SheetNames.map((name) => XLSX.utils.sheet_to_csv(workbook.Sheets[name])).join('\n'),
    email: `${email.body.html ?? ''}\n${email.body.text ?? ''}`,
  };
  for (const [name, text] of Object.entries(outputs)) {
    expect([name, text.includes(officerFolder)]).toEqual([name, false]);
    expect([name, text.includes(tmpdir())]).toEqual([name, false]);
  }
  // The About sheet still says where the data came from, by name.
  expect(outputs.workbook).toContain('extract-2013-11/');
  expect(outputs.workbook).toContain('pack-config.json');
  rmSync(officerFolder, { recursive: true, force: true });
});
