/**
 * Computes the pack (indicators.md). CONTRACT STUB: implemented under issue 3.
 */
import type { PackConfig } from '../config/pack-config';
import type { DataQuality, Extract, Period } from '../types';
import type { CommentsFile, Pack } from './pack-types';

export interface BuildPackInput {
  extract: Extract;
  config: PackConfig;
  period: Period;
  /** The reader's data-quality report; computation warnings (e.g. population fallback) are added to it. */
  quality: DataQuality;
  /** Supplied comments for the period, if any. */
  comments?: CommentsFile | null;
}

export function buildPack(input: BuildPackInput): Pack {
  void input;
  throw new Error('buildPack: not implemented yet');
}
