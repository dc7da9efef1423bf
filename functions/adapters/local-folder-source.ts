/**
 * An extract in a local folder (the CLI): the files directly in the folder, each opened
 * as a file stream. Subfolders are not part of the extract.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../core/errors';
import type { ExtractFile, ExtractSource } from '../core/extract/source';

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

export function localFolderSource(dir: string): ExtractSource {
  const folder = path.resolve(dir);
  return {
    description: folder,
    name: `${path.basename(folder)}/`,
    async list(): Promise<ExtractFile[]> {
      let names: string[];
      try {
        names = (await readdir(folder, { withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
          .sort();
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT') throw new UserError(`extract folder not found: ${folder}`, { cause: error });
        if (code === 'ENOTDIR') throw new UserError(`extract path is not a folder: ${folder}`, { cause: error });
        if (code === 'EACCES')
          throw new UserError(`extract folder cannot be read (permission denied): ${folder}`, { cause: error });
        throw error;
      }
      return Promise.all(
        names.map(async (name): Promise<ExtractFile> => {
          const file = path.join(folder, name);
          const { size } = await stat(file);
          return { name, key: file, size, open: () => Promise.resolve(createReadStream(file)) };
        }),
      );
    },
  };
}
