/**
 * Setup mistakes an officer makes on their own machine (issue 13, deliver 6): each is a
 * plain message with exit 1 or 2, no stack trace, and never a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureFolder } from '../../functions/adapters/local-folder';
import { awsSetupError, quietNodeVersionWarning } from '../../functions/cli/aws-setup';
import { UsageError, UserError } from '../../functions/core/errors';
import { runCliCapturing } from '../support/run-cli';

const work = mkdtempSync(path.join(tmpdir(), 'cli-setup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const noStack = (out: string) => expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('--out', () => {
  it('/proc/nope is refused at once, naming the folder (Node 20 recursive mkdir never returns there)', async () => {
    const started = Date.now();
    await expect(ensureFolder('/proc/nope/reports')).rejects.toThrow(UsageError);
    await expect(ensureFolder('/proc/nope/reports')).rejects.toThrow(/Cannot create the output folder \/proc\/nope/);
    // Not a timing target: a guard that the loop is gone (the old code never returned).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a file where a folder is expected names the file', async () => {
    const file = path.join(work, 'pack.txt');
    writeFileSync(file, 'not a folder');
    await expect(ensureFolder(file)).rejects.toThrow(`${file} is a file, not a folder`);
    await expect(ensureFolder(path.join(file, 'inside'))).rejects.toThrow('a part of the path is a file, not a folder');
  });

  it('a new nested folder is created', async () => {
    const dir = path.join(work, 'a', 'b', 'c');
    await ensureFolder(dir);
    await expect(ensureFolder(dir)).resolves.toBeUndefined();
  });

  it('`run --out <file>` exits 2 with the message before reading anything', async () => {
    const file = path.join(work, 'out-file');
    writeFileSync(file, '');
    const { code, out } = await runCliCapturing(['run', '--period', '2013-11', '--extract', work, '--out', file]);
    expect(code).toBe(2);
    expect(out).toContain(`${file} is a file, not a folder`);
    noStack(out);
  });

  it('`run --out /proc/nope` exits 2 and does not hang', async () => {
    const { code, out } = await runCliCapturing([
      'run',
      '--period',
      '2013-11',
      '--extract',
      work,
      '--out',
      '/proc/nope',
    ]);
    expect(code).toBe(2);
    expect(out).toContain('Cannot create the output folder /proc/nope');
    noStack(out);
  });
});

describe('AWS setup', () => {
  it("the SDK's missing-region error becomes a message saying what to set", () => {
    const plain = awsSetupError(new Error('Region is missing'));
    expect(plain).toBeInstanceOf(UserError);
    expect(plain?.message).toContain('set AWS_REGION');
  });

  it('missing credentials become a message saying how to sign in', () => {
    const error = new Error('Could not load credentials from any providers');
    error.name = 'CredentialsProviderError';
    expect(awsSetupError(error)?.message).toContain('No AWS credentials were found');
  });

  it('other errors are left alone (a fault of ours keeps its stack)', () => {
    expect(awsSetupError(new TypeError('x is undefined'))).toBeNull();
  });

  it('`rerun` with no region exits 1 with the message, no stack trace', async () => {
    const saved = { ...process.env };
    try {
      delete process.env.AWS_REGION;
      delete process.env.AWS_DEFAULT_REGION;
      process.env.AWS_CONFIG_FILE = path.join(work, 'no-aws-config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(work, 'no-aws-credentials');
      process.env.INDICATOR_PACK_FUNCTION = 'indicator-pack-run';
      const { code, out } = await runCliCapturing(['rerun', '--period', '2013-11', '--reason', 'test']);
      expect(code).toBe(1);
      expect(out).toContain('No AWS region is set');
      noStack(out);
    } finally {
      process.env = saved;
    }
  });

  it("the SDK's Node-version warning is switched off by its own setting, unless set explicitly", () => {
    const saved = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    try {
      delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
      quietNodeVersionWarning();
      expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'false';
      quietNodeVersionWarning();
      expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
    } finally {
      if (saved === undefined) delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
      else process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = saved;
    }
  });
});
