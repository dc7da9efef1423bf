/**
 * The deployment's context settings and the configuration seeded from them: plain
 * functions, no synthesis.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_PACK_PATH, seedPackConfig } from '../../infra/default-config';
import { monitorCron } from '../../infra/missing-run-monitor';
import { readSettings, scheduledDayOfMonth, type DeploymentSettings } from '../../infra/settings';
import { cdkJsonContext } from './synth';

function settingsFrom(overrides: Record<string, unknown>): DeploymentSettings {
  const context = { ...cdkJsonContext(), ...overrides };
  return readSettings((key) => context[key]);
}

describe('readSettings', () => {
  test("reads cdk.json's values", () => {
    expect(settingsFrom({})).toEqual({
      authority: 'Haringey',
      senderAddress: 'performance@haringey.example',
      sesIdentity: 'performance@haringey.example',
      officerAddresses: ['performance.officer@haringey.example'],
      recipientAddresses: ['director.childrens.services@haringey.example', 'head.safeguarding@haringey.example'],
      allowedDomains: ['haringey.example'],
      scheduleCron: 'cron(0 7 2 * ? *)',
      extractRetentionDays: 90,
      noncurrentVersionRetentionDays: 365,
      missingRunAlarmDay: 5,
    });
  });

  test('accepts command-line strings: comma lists and numbers', () => {
    const settings = settingsFrom({
      officerAddresses: 'a.officer@camden.example, b.officer@camden.example',
      extractRetentionDays: '30',
      missingRunAlarmDay: '7',
    });
    expect(settings.officerAddresses).toEqual(['a.officer@camden.example', 'b.officer@camden.example']);
    expect(settings.extractRetentionDays).toBe(30);
    expect(settings.missingRunAlarmDay).toBe(7);
  });

  test('allowed domains default to the sender’s domain', () => {
    expect(settingsFrom({ allowedDomains: undefined }).allowedDomains).toEqual(['haringey.example']);
  });

  test('a domain identity must be the sender’s domain', () => {
    expect(settingsFrom({ sesIdentity: 'haringey.example' }).sesIdentity).toBe('haringey.example');
    expect(() => settingsFrom({ sesIdentity: 'elsewhere.example' })).toThrow(
      /sesIdentity: must be the sender address or its domain \(haringey\.example\)/,
    );
  });

  test('a wrong value names its context key', () => {
    expect(() => settingsFrom({ senderAddress: 'not-an-address' })).toThrow(/senderAddress: is not an email address/);
    expect(() => settingsFrom({ officerAddresses: [] })).toThrow(/officerAddresses/);
    expect(() => settingsFrom({ scheduleCron: 'rate(1 day)' })).toThrow(
      /scheduleCron: must be an EventBridge Scheduler cron expression/,
    );
    expect(() => settingsFrom({ missingRunAlarmDay: 29 })).toThrow(/missingRunAlarmDay/);
  });

  test('the missing-run check must come after the scheduled day', () => {
    expect(() => settingsFrom({ scheduleCron: 'cron(0 7 6 * ? *)', missingRunAlarmDay: 5 })).toThrow(
      /missingRunAlarmDay: must be after the scheduled day of the month \(6\)/,
    );
  });
});

test('scheduledDayOfMonth reads a single-number day field only', () => {
  expect(scheduledDayOfMonth('cron(0 7 2 * ? *)')).toBe(2);
  expect(scheduledDayOfMonth('cron(0 7 ? * MON#1 *)')).toBeUndefined();
});

test('the monitor checks daily from the alarm day to the end of the month at 09:00', () => {
  expect(monitorCron(5)).toBe('cron(0 9 5-31 * ? *)');
});

describe('seedPackConfig', () => {
  const defaultPack: unknown = JSON.parse(readFileSync(DEFAULT_PACK_PATH, 'utf8'));

  test('puts the council, its sender, distribution list and officers into the default pack', () => {
    const seeded = seedPackConfig(
      defaultPack,
      settingsFrom({
        authority: 'Camden',
        senderAddress: 'performance@camden.example',
        officerAddresses: ['analyst@camden.example'],
        recipientAddresses: ['director@camden.example'],
        allowedDomains: ['camden.example'],
      }),
    );
    expect(seeded.authority).toBe('Camden');
    expect(seeded.distribution).toEqual({
      from: 'performance@camden.example',
      to: ['director@camden.example'],
      cc: [],
      officers: ['analyst@camden.example'],
      allowedDomains: ['camden.example'],
    });
    const titles = JSON.stringify(seeded.sections);
    expect(titles).toContain('Children moving to Camden on a child protection plan');
    expect(titles).not.toContain('Haringey');
  });

  test('refuses a recipient outside the allowed domains', () => {
    expect(() => seedPackConfig(defaultPack, settingsFrom({ recipientAddresses: ['someone@gmail.example'] }))).toThrow(
      /distribution\.to\[0\]: address someone@gmail\.example is outside allowedDomains/,
    );
  });
});
