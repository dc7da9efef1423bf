/**
 * The run's benchmark data (docs/BENCHMARKS-DATA.md): the files in `benchmarks/` — the bucket's for the function,
 * a local folder for the CLI's `--benchmarks` — read into the published figures the pack is compared with.
 * No source, or a source with nothing in it, is no benchmark data: the pack still runs.
 */
import { loadBenchmarks } from '../../core/benchmarks/load-benchmarks';
import { NO_BENCHMARKS, type PackBenchmarkInput } from '../../core/benchmarks/pack-benchmarks';
import type { ExtractSource } from '../../core/extract/source';

export interface BenchmarkInput {
  benchmarks: PackBenchmarkInput;
  /** The files read (names within the folder). */
  files: string[];
  progress: string | null;
}

export async function loadBenchmarkInput(source: ExtractSource | undefined): Promise<BenchmarkInput> {
  if (!source) return { benchmarks: NO_BENCHMARKS, files: [], progress: null };
  const loaded = await loadBenchmarks(await source.list());
  return {
    benchmarks: { data: loaded.data, problems: loaded.problems, info: loaded.info },
    files: loaded.read,
    progress:
      loaded.data === null
        ? `no benchmark data in ${source.description}`
        : `benchmarks read: ${loaded.read.length} file(s) from ${source.description}`,
  };
}
