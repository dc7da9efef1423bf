/**
 * Runs a step as a named stage: one log line with its time and counts when it ends, and
 * the name remembered when it throws, so the manifest can say where a run failed.
 */
import type { Logger, LogFields } from '../../adapters/logger';

export interface StageRunner {
  <T>(name: string, work: () => Promise<T> | T, fields?: (result: T) => LogFields): Promise<T>;
  /** The first stage that threw; null when none has (or the failure came between stages). */
  readonly failed: string | null;
}

export function stageRunner(log: Logger): StageRunner {
  let failed: string | null = null;
  async function stage<T>(
    name: string,
    work: () => Promise<T> | T,
    fields: (result: T) => LogFields = () => ({}),
  ): Promise<T> {
    const began = Date.now();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      failed ??= name;
      throw error;
    }
    log.info('stage', { stage: name, ms: Date.now() - began, ...fields(result) });
    return result;
  }
  return Object.defineProperty(stage, 'failed', { get: () => failed }) as StageRunner;
}
