/**
 * The ObjectStore over a local folder, laid out like the bucket (the CLI's `--out DIR`).
 * Create-only writes are atomic and exclusive: the body is written to a temporary file
 * which is then hard-linked into place — link() fails if the name exists, and a reader
 * never sees a half-written file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ensureFolder } from './local-folder';
import type { ObjectInfo, ObjectStore, ObjectStream, StoredObject } from './object-store';

function etagOf(body: Buffer): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

export class LocalObjectStore implements ObjectStore {
  readonly description: string;
  /** Serialises compare-and-replace per key within this process. */
  private readonly keyLocks = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {
    this.root = path.resolve(root);
    this.description = `${this.root}${path.sep}`;
  }

  /** The file for a key; keys may not climb out of the folder. */
  private fileOf(key: string): string {
    const file = path.resolve(this.root, key);
    if (file !== this.root && !file.startsWith(this.root + path.sep))
      throw new Error(`key ${key} is outside ${this.root}`);
    return file;
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const body = await fs.readFile(this.fileOf(key));
      return { key, body, size: body.length, etag: etagOf(body), versionId: undefined };
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'EISDIR')) return null;
      throw error;
    }
  }

  async getStream(key: string): Promise<ObjectStream | null> {
    const file = this.fileOf(key);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return null;
      return { key, size: stat.size, etag: undefined, versionId: undefined, stream: createReadStream(file) };
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  private async writeTemp(file: string, body: Buffer | string): Promise<string> {
    await ensureFolder(path.dirname(file), 'a folder of the output');
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temp, body, { flag: 'wx' });
    return temp;
  }

  async put(key: string, body: Buffer | string): Promise<void> {
    const file = this.fileOf(key);
    const temp = await this.writeTemp(file, body);
    await fs.rename(temp, file);
  }

  async putIfAbsent(key: string, body: Buffer | string): Promise<boolean> {
    const file = this.fileOf(key);
    const temp = await this.writeTemp(file, body);
    try {
      await fs.link(temp, file);
      return true;
    } catch (error) {
      if (isCode(error, 'EEXIST')) return false;
      throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  /** Compare-and-replace; atomic within one process (the CLI is one process). */
  async putIfMatch(key: string, body: Buffer | string, etag: string): Promise<boolean> {
    const previous = this.keyLocks.get(key) ?? Promise.resolve();
    const attempt = previous.then(async () => {
      const current = await this.get(key);
      if (!current || current.etag !== etag) return false;
      await this.put(key, body);
      return true;
    });
    this.keyLocks.set(
      key,
      attempt.catch(() => undefined),
    );
    return attempt;
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const found: ObjectInfo[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (error) {
        if (isCode(error, 'ENOENT')) return;
        throw error;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile() && !entry.name.endsWith('.tmp')) {
          const key = path.relative(this.root, full).split(path.sep).join('/');
          if (key.startsWith(prefix)) {
            const stat = await fs.stat(full);
            found.push({ key, size: stat.size, etag: undefined, versionId: undefined });
          }
        }
      }
    };
    await walk(this.root);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
