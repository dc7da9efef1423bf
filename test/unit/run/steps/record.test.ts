import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LocalObjectStore } from '../../../../functions/adapters/local-object-store';
import { silentLogger } from '../../../../functions/adapters/logger';
import { RunRecorder } from '../../../../functions/run/run-record';
import { recordManifest } from '../../../../functions/run/steps/record';
import { stageRunner } from '../../../../functions/run/steps/stage';
import { outputsOf, storeOutputs } from '../../../../functions/run/steps/store';
import { workbookName } from '../../../../functions/core/render/workbook-name';

const header = {
  runId: 'R1',
  period: '2013-11',
  trigger: 'schedule' as const,
  requestedBy: 'schedule',
  reason: null,
  scheduledTime: '2013-12-02T07:00:00Z',
  delivery: 'pack',
  startedAt: '2013-12-02T07:00:00.000Z',
  codeVersion: 'test',
};

const tempStore = (): LocalObjectStore => new LocalObjectStore(mkdtempSync(path.join(tmpdir(), 'steps-')));

describe('the run recorder', () => {
  test('keeps manifest.json in its documented field order, failed until told otherwise', () => {
    const manifest = new RunRecorder(header).close(new Date('2013-12-02T07:01:00Z'));
    expect(Object.keys(manifest)).toEqual([
      'runId', 'period', 'trigger', 'requestedBy', 'reason', 'scheduledTime', 'delivery', 'startedAt',
      'finishedAt', 'status', 'codeVersion', 'configSha256', 'inputs', 'tables', 'outputs', 'latestUpdated',
      'batches', 'failureNotice', 'dataQuality', 'error',
    ]); // prettier-ignore
    expect(manifest).toMatchObject({ status: 'failed', finishedAt: '2013-12-02T07:01:00.000Z', error: null });
  });

  test('records a failure with its stage, and what was stored before it', () => {
    const record = new RunRecorder(header);
    record.outputStored('reports/2013-11/R1/pack.json');
    record.failed(new TypeError('broken'), 'store');
    const manifest = record.close(new Date());
    expect(manifest.outputs).toEqual(['reports/2013-11/R1/pack.json']);
    expect(manifest.error).toEqual({ name: 'TypeError', message: 'broken', stage: 'store' });
  });
});

describe('the stage runner', () => {
  test('remembers the first stage that threw', async () => {
    const stage = stageRunner(silentLogger);
    expect(await stage('config', () => 1)).toBe(1);
    expect(stage.failed).toBeNull();
    await expect(stage('store', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(stage('send', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(stage.failed).toBe('store');
  });
});

describe('store and record', () => {
  const rendered = { json: '{}', workbook: Buffer.from('xlsx'), html: '<p>' };

  test('outputs go in the run folder, pack.json first, create-only', async () => {
    const store = tempStore();
    const seen: string[] = [];
    const run = { store, period: '2013-11', runId: 'R1', rendered, onStored: (key: string) => void seen.push(key) };
    const keys = await storeOutputs(run);
    expect(keys).toEqual([
      'reports/2013-11/R1/pack.json',
      'reports/2013-11/R1/pack.xlsx',
      'reports/2013-11/R1/pack.html',
    ]);
    expect(seen).toEqual(keys);
    expect(outputsOf(rendered).map(([file]) => file)).toEqual(['json', 'workbook', 'html']);
    // The same bytes again is the lost-answer retry (accepted); other bytes are refused.
    await storeOutputs(run);
    await expect(storeOutputs({ ...run, rendered: { ...rendered, json: '[]' } })).rejects.toThrow(/already exists/);
  });

  test('the manifest is written as manifest.json in the run folder', async () => {
    const store = tempStore();
    const manifest = new RunRecorder(header).close(new Date());
    expect(await recordManifest(store, manifest)).toBe('reports/2013-11/R1/manifest.json');
    const body = await store.get('reports/2013-11/R1/manifest.json');
    expect(JSON.parse(body!.body.toString('utf8'))).toEqual(manifest);
  });
});

test("the attachment is named after the authority's slug", () => {
  expect(workbookName('London Borough of Haringey', '2013-11')).toBe('london-borough-of-haringey-pack-2013-11.xlsx');
  expect(workbookName('!!!', '2013-11')).toBe('indicator-pack-2013-11.xlsx');
});
