/** Shared inputs for integration tests: a generated extract, the default configuration, bucket seeding. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import defaultPack from '../../functions/core/config/default-pack.json';
import type { ObjectStore } from '../../functions/adapters/object-store';
import { writeExtract } from '../../functions/generate/write-extract';

export type ConfigJson = typeof defaultPack;

/** A copy of the shipped default configuration, changed by `edit`. */
export function testConfig(edit: (config: ConfigJson) => void = () => undefined): ConfigJson {
  const config = JSON.parse(JSON.stringify(defaultPack)) as ConfigJson;
  edit(config);
  return config;
}

/** Generates a scale-1 CSV extract for `period` into a temporary folder. */
export async function generateExtract(period: string): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), `extract-${period}-`));
  await writeExtract({ period, scale: 1, seed: 1, out, format: 'csv' });
  return out;
}

/** Uploads every file of `dir` to `extracts/<period>/`. */
export async function uploadExtract(store: ObjectStore, period: string, dir: string): Promise<void> {
  for (const name of readdirSync(dir))
    await store.put(`extracts/${period}/${name}`, readFileSync(path.join(dir, name)));
}

export async function uploadConfig(store: ObjectStore, config: ConfigJson, key = 'config/pack.json'): Promise<void> {
  await store.put(key, JSON.stringify(config, null, 2));
}
