/**
 * `validate` checks what `run` checks: for each failure a run can have on its inputs (a month that has not ended, an
 * extract that stops before the month does, a configuration without the population the pack needs, an invalid
 * configuration, a broken extract) both fail with the same reason; and what `validate` passes, the run makes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isoFromDay, previousPeriod } from '../../functions/core/calendar';
import { londonDayOf, londonPeriodOf } from '../../functions/run/period';
import { generateExtract, testConfig, type ConfigJson } from '../support/fixtures';
import { runCliCapturing } from '../support/run-cli';

let extractDir: string;
let work: string;

beforeAll(async () => {
  extractDir = await generateExtract('2013-11');
  work = mkdtempSync(path.join(tmpdir(), 'cli-guards-'));
  delete process.env.DATA_BUCKET; // the CLI works from folders here
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function configFile(name: string, config: ConfigJson | string): string {
  const file = path.join(work, name);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
}

function brokenExtract(): string {
  const dir = mkdtempSync(path.join(work, 'broken-'));
  cpSync(extractDir, dir, { recursive: true });
  writeFileSync(path.join(dir, 'ssd_cp_plans.csv'), 'cppl_cp_plan_id,cppl_person_id\nP1,\n');
  return dir;
}

/** `run` (into a folder) and `validate` on the same inputs. */
async function both(period: string, options: { extract?: string; config?: string } = {}) {
  const inputs = ['--period', period, '--extract', options.extract ?? extractDir];
  if (options.config) inputs.push('--config', options.config);
  const run = await runCliCapturing(['run', ...inputs, '--out', mkdtempSync(path.join(work, 'out-'))]);
  const validate = await runCliCapturing(['validate', ...inputs]);
  return { run, validate };
}

const thisMonth = () => londonPeriodOf(new Date());
const today = () => isoFromDay(londonDayOf(new Date()));

test.each<[string, () => { period: string; extract?: string; config?: string }, number, () => string | RegExp]>([
  [
    '2014-03 on the 2013-11 extract (a stale folder)',
    () => ({ period: '2014-03' }),
    1,
    () =>
      "the extract's latest record is 2013-11-30; a pack for 2014-03 needs data to 31 March 2014 " +
      '— is this the right folder?',
  ],
  [
    'a month that has not ended',
    () => ({ period: thisMonth() }),
    2,
    () =>
      `${thisMonth()} has not ended (today is ${today()}); ` +
      `a pack can be made for ${previousPeriod(thisMonth())} or earlier`,
  ],
  ['2099-01', () => ({ period: '2099-01' }), 2, () => `2099-01 has not ended (today is ${today()})`],
  [
    'a configuration lacking last year’s population',
    () => ({
      period: '2013-11',
      config: configFile(
        'no-2012.json',
        testConfig((c) => {
          c.population = { '2013': 57600 } as ConfigJson['population'];
        }),
      ),
    }),
    1,
    () => 'The pack configuration has no population for 2012',
  ],
  [
    'an invalid configuration',
    () => ({ period: '2013-11', config: configFile('bad.json', '{"authority": 3}') }),
    1,
    () => 'Invalid pack configuration',
  ],
  ['a broken extract', () => ({ period: '2013-11', extract: brokenExtract() }), 1, () => /error/i],
])('%s: run and validate both fail', async (_what, inputs, code, message) => {
  const { period, ...options } = inputs();
  const { run, validate } = await both(period, options);
  expect([run.code, validate.code]).toEqual([code, code]);
  expect(run.out).toContain(typeof message() === 'string' ? message() : '');
  expect(validate.out).toMatch(message());
  expect(run.out).not.toMatch(/Unexpected failure|\n\s+at /);
  expect(validate.out).not.toMatch(/Unexpected failure|\n\s+at /);
});

test('the month the extract is for passes both', async () => {
  const { run, validate } = await both('2013-11');
  expect([run.code, validate.code]).toEqual([0, 0]);
});

test('validate names the indicators without a target for the year (April, before the targets are added)', async () => {
  const april = await generateExtract('2014-04');
  const { run, validate } = await both('2014-04', { extract: april });
  expect([run.code, validate.code]).toEqual([0, 0]);
  expect(validate.out).toMatch(/no-target-for-year/);
  expect(validate.out).toMatch(/No target for 2014\/15: OP388a, OP389a, .* have targets for other years/);
  rmSync(april, { recursive: true, force: true });
});

describe('--comments', () => {
  const runWith = (comments: string, out: string) =>
    runCliCapturing(['run', '--period', '2013-11', '--extract', extractDir, '--out', out, '--comments', comments]);

  test('a file that does not exist is an error naming it (exit 1)', async () => {
    const missing = path.join(work, 'no-such-comments.json');
    const { code, out } = await runWith(missing, mkdtempSync(path.join(work, 'out-')));
    expect(code).toBe(1);
    expect(out).toContain(`No comments file at ${missing}`);
  });

  test('a misspelt indicator code is a warning in the pack naming the closest code', async () => {
    const file = path.join(work, 'typo-comments.json');
    writeFileSync(file, JSON.stringify({ indicators: { HY46: 'Two children moved in.' } }));
    const out = mkdtempSync(path.join(work, 'out-'));
    expect((await runWith(file, out)).code).toBe(0);
    const latest = JSON.parse(readFileSync(path.join(out, 'reports', '2013-11', 'latest.json'), 'utf8')) as {
      prefix: string;
    };
    const pack = JSON.parse(readFileSync(path.join(out, latest.prefix, 'pack.json'), 'utf8')) as {
      dataQuality: { warnings: Array<{ kind: string; message: string }> };
    };
    const warning = pack.dataQuality.warnings.find((w) => w.kind === 'unknown-comment-indicator');
    expect(warning?.message).toMatch(/"HY46".*Did you mean "HY64"\?/);
  });
});
