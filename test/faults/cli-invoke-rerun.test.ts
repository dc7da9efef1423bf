/**
 * The CLI's `invoke --event FILE` (the handler in this process, against the local S3 and
 * SES) and `rerun` (which asks the deployed function). There is no local Lambda, so
 * `rerun` is pointed through the SDK's standard AWS_ENDPOINT_URL_LAMBDA at a loopback
 * server that records the Invoke request and answers as Lambda would.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCliCapturing } from '../support/run-cli';
import { PERIOD, SCHEDULE, startFaultWorld, type FaultWorld } from './harness';

interface Recorded {
  path: string;
  invocationType: string | undefined;
  body: unknown;
}

let world: FaultWorld;
let lambda: http.Server;
const recorded: Recorded[] = [];
let answer: { status: number; headers: Record<string, string>; body: string } = { status: 200, headers: {}, body: '' };
const dir = mkdtempSync(path.join(tmpdir(), 'cli-invoke-'));

beforeAll(async () => {
  world = await startFaultWorld();
  lambda = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      recorded.push({
        path: req.url ?? '',
        invocationType: req.headers['x-amz-invocation-type'] as string | undefined,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
      });
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => lambda.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_LAMBDA = `http://127.0.0.1:${(lambda.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => lambda?.close(resolve));
  await world?.stack.stop();
});

const cli = runCliCapturing;

function eventFile(name: string, event: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof event === 'string' ? event : JSON.stringify(event));
  return file;
}

describe('invoke --event FILE', () => {
  test('runs the handler with a schedule event against the local S3 and SES, then a duplicate is skipped', async () => {
    await world.resetReports();
    await world.stack.clearEmails();
    const first = await cli(['invoke', '--event', eventFile('schedule.json', SCHEDULE)]);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.out.slice(first.out.indexOf('{\n'))) as {
      status: string;
      prefix: string;
      runId: string;
    };
    expect(result).toMatchObject({ status: 'sent', period: PERIOD, error: null });
    expect(await world.json(`reports/${PERIOD}/latest.json`)).toEqual({ runId: result.runId, prefix: result.prefix });
    expect(await world.stack.emails()).toHaveLength(1);
    const again = await cli(['invoke', '--event', eventFile('schedule.json', SCHEDULE)]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('"status": "duplicate-skipped"');
    expect(await world.stack.emails()).toHaveLength(1);
  });

  test('an invalid event names the field; an unreadable file says so; neither is a stack trace', async () => {
    const invalid = await cli([
      'invoke',
      '--event',
      eventFile('bad.json', { trigger: 'rerun', period: '2013-13', requestedBy: 'ann', reason: 'x', send: 'all' }),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.out).toContain('period: must be a month as YYYY-MM');
    expect(invalid.out).not.toMatch(/\n\s+at /);
    const broken = await cli(['invoke', '--event', eventFile('broken.json', '{ not json')]);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/Cannot read the event file .*broken\.json/);
    expect((await cli(['invoke'])).code).toBe(2);
  });
});

describe('rerun', () => {
  beforeEach(() => {
    recorded.length = 0;
  });

  test('sends the validated rerun event to the named function and reports its answer', async () => {
    answer = {
      status: 200,
      headers: {},
      body: JSON.stringify({ runId: 'r', period: PERIOD, status: 'sent', prefix: 'p', error: null }),
    };
    const { code, out } = await cli([
      'rerun',
      '--period',
      PERIOD,
      '--reason',
      'late data',
      '--preview',
      'Ann@Haringey.example',
      '--function',
      'indicator-pack-run',
      '--requested-by',
      'ann',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('"status":"sent"');
    expect(recorded).toEqual([
      {
        path: '/2015-03-31/functions/indicator-pack-run/invocations',
        invocationType: 'RequestResponse',
        body: {
          trigger: 'rerun',
          period: PERIOD,
          requestedBy: 'ann',
          reason: 'late data',
          send: 'preview',
          previewTo: ['ann@haringey.example'],
        },
      },
    ]);
  });

  test('--send asks for "all"; a failed run or a function error exits 1', async () => {
    answer = { status: 200, headers: {}, body: JSON.stringify({ status: 'failed', error: 'extract has 2 errors' }) };
    expect((await cli(['rerun', '--period', PERIOD, '--reason', 'r', '--send', '--function', 'f'])).code).toBe(1);
    expect(recorded[0].body).toMatchObject({ send: 'all' });
    answer = {
      status: 200,
      headers: { 'x-amz-function-error': 'Unhandled' },
      body: JSON.stringify({ errorType: 'DeliveryError', errorMessage: 'S3 PUT failed' }),
    };
    const failed = await cli(['rerun', '--period', PERIOD, '--reason', 'r', '--function', 'f']);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('The function failed (Unhandled)');
    expect(recorded[1].body).toMatchObject({ send: 'none' });
  });

  test('wrong arguments are refused before anything is asked of the function', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['rerun', '--period', PERIOD, '--function', 'f'], 2, /--reason is required/],
      [['rerun', '--period', '2013-13', '--reason', 'r', '--function', 'f'], 2, /--period must be a month/],
      [
        ['rerun', '--period', PERIOD, '--reason', 'r', '--send', '--preview', 'a@haringey.example', '--function', 'f'],
        2,
        /not both/,
      ],
      [
        [
          'rerun',
          '--period',
          PERIOD,
          '--reason',
          'r',
          '--preview',
          'x@evil.example,a@haringey.example',
          '--function',
          'f',
        ],
        1,
        /previewTo\[0\]: is not an email address/,
      ],
      [['rerun', '--period', PERIOD, '--reason', '   ', '--function', 'f'], 2, /--reason is required/],
    ];
    for (const [args, code, message] of cases) {
      const result = await cli(args);
      expect([args.join(' '), result.code]).toEqual([args.join(' '), code]);
      expect(result.out).toMatch(message);
    }
    const saved = process.env.INDICATOR_PACK_FUNCTION;
    delete process.env.INDICATOR_PACK_FUNCTION;
    try {
      const noFunction = await cli(['rerun', '--period', PERIOD, '--reason', 'r']);
      expect(noFunction.code).toBe(2);
      expect(noFunction.out).toContain('INDICATOR_PACK_FUNCTION');
    } finally {
      if (saved !== undefined) process.env.INDICATOR_PACK_FUNCTION = saved;
    }
    expect(recorded).toEqual([]);
  });
});
