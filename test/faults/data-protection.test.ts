/**
 * Data protection. (1) A whole scheduled run, a preview and a failed run of a scale-1
 * extract: every log line, every email (raw MIME as sent to SES, the parsed bodies, the
 * workbook attachment unzipped) and every stored object under reports/ (pack.xlsx
 * unzipped) is scanned for the extract's person ids — any one fails the test.
 * (2) Recipients outside allowedDomains are refused wherever an address can enter:
 * the configuration, a rerun's previewTo, the CLI's --preview, and the mailer itself.
 */
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { composeMail, SesMailer } from '../../functions/adapters/mailer';
import { createSesClient } from '../../functions/adapters/aws-clients';
import { parsePackConfigText } from '../../functions/core/config/pack-config';
import { RecipientNotAllowedError } from '../../functions/core/errors';
import { allowlistedMailer } from '../../functions/run/recipients';
import { runCliCapturing } from '../support/run-cli';
import { testConfig } from '../support/fixtures';
import { OFFICER, PERIOD, SCHEDULE, TEST_TUNING, startFaultWorld, type FaultWorld } from './harness';

let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld();
});
afterAll(async () => {
  await world?.stack.stop();
});

/** Every value of every `*person_id` column in the extract's CSV files. */
function personIds(dir: string): Set<string> {
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    const [header, ...rows] = readFileSync(path.join(dir, name), 'utf8').split(/\r?\n/);
    const columns = header.split(',').flatMap((column, i) => (column.endsWith('person_id') ? [i] : []));
    for (const row of rows) for (const i of columns) if (row) ids.add(row.split(',')[i]);
  }
  ids.delete('');
  ids.delete('NULL');
  return ids;
}

/** Text pieces of an .xlsx: every file inside the zip. */
async function unzipText(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.async('string')),
  );
}

const cli = runCliCapturing;

test('no person id from the extract appears in any log line, email or stored output', async () => {
  const ids = personIds(world.extractDir);
  expect(ids.size).toBeGreaterThan(1000);
  const idShape = /[A-Z]\d{3}-\d{6}(?!\d)/; // how the extract writes person ids (A001-000123)
  expect([...ids].every((id) => idShape.test(id))).toBe(true);

  // The handler itself, logging to stdout as in Lambda.
  const { handler } = await import('../../functions/handler');
  const logged: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
  try {
    expect((await handler(SCHEDULE)).status).toBe('sent');
    expect(
      (await handler({ trigger: 'rerun', period: PERIOD, requestedBy: 'ann', reason: 'check', send: 'preview' }))
        .status,
    ).toBe('sent');
    // A failing run too: a broken row in the extract, whose data-quality report goes to the officers.
    const plans = path.join(world.extractDir, 'ssd_cp_plans.csv');
    const good = readFileSync(plans);
    const [header, first] = good.toString('utf8').split(/\r?\n/);
    const broken = first
      .split(',')
      .map((value, i) => (i === 2 ? 'not-a-date' : value))
      .join(',');
    await world.store.put(
      `extracts/${PERIOD}/ssd_cp_plans.csv`,
      `${header}\n${broken}\n${good.toString('utf8').split(/\r?\n/).slice(2).join('\n')}`,
    );
    try {
      expect(
        (await handler({ trigger: 'rerun', period: PERIOD, requestedBy: 'ann', reason: 'broken', send: 'all' })).status,
      ).toBe('failed');
    } finally {
      await world.store.put(`extracts/${PERIOD}/ssd_cp_plans.csv`, good);
    }
  } finally {
    stdout.mockRestore();
  }

  const texts: Array<[string, string]> = [];
  for (const line of logged.join('').split('\n').filter(Boolean)) texts.push(['log line', line]);
  for (const call of world.stack.sesProxy.calls('SendRawEmail')) texts.push(['raw MIME', call.raw!.toString('utf8')]);
  for (const email of await world.stack.emails()) {
    texts.push([`email ${email.subject}`, `${email.subject}\n${email.body.html ?? ''}\n${email.body.text ?? ''}`]);
    for (const attachment of email.attachments)
      for (const xml of await unzipText(Buffer.from(attachment.content, 'base64')))
        texts.push([`attachment of ${email.subject}`, xml]);
  }
  const stored = await world.store.list('reports/');
  expect(stored.map((o) => o.key.split('/').pop())).toEqual(
    expect.arrayContaining([
      'pack.html',
      'pack.xlsx',
      'pack.json',
      'manifest.json',
      'latest.json',
      'batch-0.json',
      'batch-0.sent.json',
    ]),
  );
  for (const object of stored) {
    const body = (await world.store.get(object.key))!.body;
    if (object.key.endsWith('.xlsx')) for (const xml of await unzipText(body)) texts.push([object.key, xml]);
    else texts.push([object.key, body.toString('utf8')]);
  }
  expect(texts.filter(([what]) => what === 'raw MIME').length).toBe(3); // pack, preview, failure notice
  expect(texts.filter(([what]) => what.startsWith('attachment')).length).toBeGreaterThan(0);

  const leaks: string[] = [];
  for (const [where, text] of texts) {
    for (const token of text.split(/[^A-Za-z0-9-]+/)) if (ids.has(token)) leaks.push(`${where}: ${token}`);
    const shaped = idShape.exec(text);
    if (shaped) leaks.push(`${where}: id-shaped ${shaped[0]}`);
  }
  expect(leaks).toEqual([]);
});

describe('recipients outside allowedDomains are refused wherever an address enters', () => {
  test('the configuration: the loader names the field, and a run with it sends nothing at all', async () => {
    const outside = (edit: (c: ReturnType<typeof testConfig>) => void): string => JSON.stringify(testConfig(edit));
    expect(() =>
      parsePackConfigText(
        outside((c) => Object.assign(c.distribution, { cc: ['copy@gmail.example'] })),
        'pack.json',
      ),
    ).toThrow(/distribution\.cc\[0\]: address copy@gmail\.example is outside allowedDomains/);
    expect(() =>
      parsePackConfigText(
        outside((c) => (c.distribution.officers = ['officer@haringey.example.evil.example'])),
        'pack.json',
      ),
    ).toThrow(/distribution\.officers\[0\]/);
    expect(() =>
      parsePackConfigText(
        outside((c) => c.distribution.to.push('x@evil.example,ann@haringey.example')),
        'pack.json',
      ),
    ).toThrow(/distribution\.to\[2\]: is not an email address/);

    await world.setConfig((c) => c.distribution.officers.push('officer@gmail.example'));
    try {
      const before = world.stack.sesProxy.calls('SendRawEmail').length;
      const result = await world.run({
        trigger: 'rerun',
        period: PERIOD,
        requestedBy: 'ann',
        reason: 'x',
        send: 'preview',
      });
      expect(result.status).toBe('failed');
      expect(result.error?.message).toContain('officer@gmail.example');
      expect(result.manifest.error).toMatchObject({ name: 'ConfigError', stage: 'config' });
      expect(world.stack.sesProxy.calls('SendRawEmail').length).toBe(before);
    } finally {
      await world.setConfig();
    }
  });

  test(
    'a rerun event: previewTo outside the domains fails ' + 'naming it; a smuggled second address is not an address',
    async () => {
      const before = world.stack.sesProxy.calls('SendRawEmail').length;
      const result = await world.run({
        trigger: 'rerun',
        period: PERIOD,
        requestedBy: 'ann',
        reason: 'x',
        send: 'preview',
        previewTo: ['ann@haringey.example', 'ann@gmail.example'],
      });
      expect(result.status).toBe('failed');
      expect(result.error?.message).toMatch(/Address ann@gmail\.example in previewTo is outside the allowed domains/);
      const sent = world.stack.sesProxy.calls('SendRawEmail').slice(before);
      expect(sent.map((c) => c.destinations)).toEqual([[OFFICER]]); // the failure notice only
      // Refused as the event is parsed, before any run starts.
      expect(() =>
        world.run({
          trigger: 'rerun',
          period: PERIOD,
          requestedBy: 'ann',
          reason: 'x',
          send: 'preview',
          previewTo: ['x@evil.example,ann@haringey.example'],
        }),
      ).toThrow(/previewTo\[0\]: is not an email address/);
    },
  );

  test(
    'the CLI: --preview outside the domains, or two ' + 'addresses in one, exits 1 and sends nothing to them',
    async () => {
      const configFile = path.join(mkdtempSync(path.join(tmpdir(), 'dp-config-')), 'pack.json');
      writeFileSync(configFile, JSON.stringify(testConfig()));
      const before = world.stack.sesProxy.calls('SendRawEmail').length;
      const base = [
        'run',
        '--period',
        PERIOD,
        '--extract',
        world.extractDir,
        '--config',
        configFile,
        '--out',
        path.dirname(configFile),
      ];
      const outside = await cli([...base, '--preview', 'ann@gmail.example']);
      expect(outside.code).toBe(1);
      expect(outside.out).toMatch(
        /Address ann@gmail\.example in previewTo is outside the allowed domains \(haringey\.example\); nothing was sent/,
      );
      const smuggled = await cli([...base, '--preview', 'x@evil.example,ann@haringey.example']);
      expect(smuggled.code).toBe(1);
      expect(smuggled.out).toContain('is not a single plain email address');
      const sent = world.stack.sesProxy
        .calls('SendRawEmail')
        .slice(before)
        .flatMap((c) => c.destinations);
      expect(sent.filter((a) => !a.endsWith('@haringey.example'))).toEqual([]);
      expect(sent.join(' ')).not.toMatch(/evil|gmail/);
    },
  );

  test('just before sending: the mailer the run uses refuses a message to an outside address', async () => {
    const before = world.stack.sesProxy.calls('SendRawEmail').length;
    const mailer = allowlistedMailer(new SesMailer(createSesClient(TEST_TUNING)), ['haringey.example']);
    const mail = await composeMail(
      {
        from: 'performance@haringey.example',
        to: ['ann@haringey.example'],
        cc: ['leak@gmail.example'],
        subject: 's',
        html: '<p>x</p>',
        text: 'x',
        attachments: [],
      },
      new Date(),
    );
    await expect(mailer.send(mail)).rejects.toThrow(RecipientNotAllowedError);
    await expect(mailer.send(mail)).rejects.toThrow(/leak@gmail\.example/);
    expect(world.stack.sesProxy.calls('SendRawEmail').length).toBe(before);
  });
});
