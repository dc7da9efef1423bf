/**
 * An extract held in S3 under `extracts/<YYYY-MM>/` (docs/EXTRACT.md, "Where it lives").
 * Files are streamed, never buffered whole, and each read is pinned to the ETag seen
 * when listing, so a file replaced mid-run fails the read instead of mixing versions.
 */
import type { ExtractFile, ExtractSource } from '../core/extract/source';
import type { S3ObjectStore } from './s3-object-store';

export function s3ExtractSource(store: S3ObjectStore, prefix: string): ExtractSource {
  const normalised = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  return {
    description: `s3://${store.bucket}/${normalised}`,
    name: normalised,
    async list(): Promise<ExtractFile[]> {
      const objects = await store.list(normalised);
      return (
        objects
          .map((object) => ({ object, name: object.key.slice(normalised.length) }))
          // Only the folder's own files: no nested "folders" or folder placeholder keys.
          .filter(({ name }) => name !== '' && !name.includes('/'))
          .map(({ object, name }) => ({
            name,
            key: object.key,
            size: object.size,
            etag: object.etag,
            versionId: object.versionId,
            async open() {
              const found = await store.getStream(object.key, object.etag);
              if (!found) throw new Error(`${object.key} disappeared while the extract was being read`);
              return found.stream;
            },
          }))
      );
    },
  };
}
