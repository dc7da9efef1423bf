import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LocalObjectStore } from '../../../functions/adapters/local-object-store';

let dir: string;
let store: LocalObjectStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'local-store-'));
  store = new LocalObjectStore(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('putIfAbsent creates once; the first body stays', async () => {
  const results = await Promise.all([
    store.putIfAbsent('a/b.json', 'one'),
    store.putIfAbsent('a/b.json', 'two'),
    store.putIfAbsent('a/b.json', 'three'),
  ]);
  expect(results.filter(Boolean)).toHaveLength(1);
  const body = (await store.get('a/b.json'))?.body.toString();
  expect(['one', 'two', 'three'][results.indexOf(true)]).toBe(body);
  expect(readdirSync(path.join(dir, 'a'))).toEqual(['b.json']); // no temporary files left
});

test('putIfMatch is a compare-and-swap on the content tag', async () => {
  await store.put('x.json', 'v1');
  const v1 = await store.get('x.json');
  expect(await store.putIfMatch('x.json', 'v2', v1!.etag!)).toBe(true);
  expect(await store.putIfMatch('x.json', 'v3', v1!.etag!)).toBe(false);
  expect((await store.get('x.json'))?.body.toString()).toBe('v2');
});

test('missing objects are null; list gives keys in the bucket layout, in order', async () => {
  expect(await store.get('nothing.json')).toBeNull();
  expect(await store.getStream('nothing.json')).toBeNull();
  await store.put('reports/2013-11/b/pack.json', '{}');
  await store.put('reports/2013-11/a/pack.json', '{}');
  await store.put('reports/2013-10/a/pack.json', '{}');
  expect((await store.list('reports/2013-11/')).map((o) => o.key)).toEqual([
    'reports/2013-11/a/pack.json',
    'reports/2013-11/b/pack.json',
  ]);
});

test('a key cannot climb out of the folder', async () => {
  await expect(store.put('../escape.json', 'x')).rejects.toThrow(/outside/);
});
