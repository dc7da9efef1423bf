/** `npm start` as a user runs it: a child process that must finish, report a sent run and exit 0. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

test('the demo runs the scheduled pack end to end and says where to look', () => {
  const root = path.resolve(__dirname, '..', '..');
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'functions/demo/start.ts'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(result.status).toBe(0);
  const report = /^Report:\s+(\S+)$/m.exec(result.stdout);
  expect(result.stdout).toMatch(/^Run \S+-schedule-\S+: sent$/m);
  expect(result.stdout).toMatch(/^RAG: /m);
  expect(result.stdout).toMatch(/^Email:\s+http:\/\/127\.0\.0\.1:\d+\//m);
  expect(report).not.toBeNull();
  expect(existsSync(path.join(root, report![1]))).toBe(true);
});
