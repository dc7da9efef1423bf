/** The hand-written benchmark fixtures (test/fixtures/benchmarks/README.md) as an ExtractSource folder. */
import path from 'node:path';
import { localFolderSource } from '../../../functions/adapters/local-folder-source';
import { loadBenchmarks, type LoadedBenchmarks } from '../../../functions/core/benchmarks/load-benchmarks';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'benchmarks');

export async function loadFixtures(folder = FIXTURES): Promise<LoadedBenchmarks> {
  return loadBenchmarks(await localFolderSource(folder).list());
}
