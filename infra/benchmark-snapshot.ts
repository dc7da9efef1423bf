/**
 * The benchmark snapshot the deployment uploads to `benchmarks/` (docs/BENCHMARKS-DATA.md, docs/DEPLOY.md): the
 * files in the repository's `benchmarks/` folder, when it holds a snapshot (`*.json`). It holds none today — the
 * project may not commit DfE's data — so an operator builds one (`npm run report -- benchmarks build`) and either
 * puts it there before deploying or uploads it to the bucket. Never pruned: files an officer dropped in
 * `benchmarks/` (a newer DfE CSV) stay.
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { LAYOUT } from '../functions/core/layout';
import type { DataStore } from './data-store';

export const SNAPSHOT_DIR = path.resolve(__dirname, '..', 'benchmarks');

/** True when the folder holds a snapshot to upload. */
export function hasSnapshot(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => name.toLowerCase().endsWith('.json'));
}

export class BenchmarkSnapshot extends Construct {
  constructor(scope: Construct, id: string, props: { data: DataStore; dir: string }) {
    super(scope, id);
    new s3deploy.BucketDeployment(this, 'Upload', {
      sources: [s3deploy.Source.asset(props.dir, { exclude: ['*', '!*.json', '!*.csv', '!*.xlsx'] })],
      destinationBucket: props.data.bucket,
      destinationKeyPrefix: LAYOUT.folder('benchmarks'),
      prune: false,
      retainOnDelete: true,
    });
  }
}
