/** Computing the pack from a validated extract: every configured indicator, with its RAG and trend. */
import type { PackBenchmarkInput } from '../../core/benchmarks/pack-benchmarks';
import type { PackConfig } from '../../core/config/pack-config';
import { buildPack } from '../../core/pack/build-pack';
import type { CommentsFile, Pack } from '../../core/pack/pack-types';
import type { DataQuality, Extract, Period } from '../../core/types';

export interface ComputeRequest {
  extract: Extract;
  config: PackConfig;
  period: Period;
  quality: DataQuality;
  comments: CommentsFile | null;
  benchmarks?: PackBenchmarkInput;
}

export interface Computed {
  pack: Pack;
  /** How many indicators the configuration asks for (for the log and the officer's terminal). */
  indicators: number;
}

export function computePack(request: ComputeRequest): Computed {
  const { config } = request;
  return {
    pack: buildPack(request),
    indicators: config.sections.reduce((n, s) => n + s.indicators.length, 0),
  };
}
