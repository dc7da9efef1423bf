/**
 * Where an extract's files come from: a local folder (CLI) or an S3 prefix (the
 * function). The reader only sees this interface.
 */
import type { Readable } from 'node:stream';

export interface ExtractFile {
  /** The file's name within the extract, e.g. `ssd_cp_plans.csv` or `extract.xlsx`. */
  name: string;
  /** Full key or path, for messages and the manifest. */
  key: string;
  size: number;
  etag?: string;
  versionId?: string;
  /** Opens the file as a stream; each call starts from the beginning. */
  open(): Promise<Readable>;
}

export interface ExtractSource {
  /** A human description, e.g. `s3://bucket/extracts/2013-11/` or a folder path. */
  readonly description: string;
  /**
   * How the outputs (page footer, About sheet, email) name it: a bucket key such as
   * `extracts/2013-11/`, or a local folder's base name — never a path on the officer's machine.
   */
  readonly name: string;
  list(): Promise<ExtractFile[]>;
}
