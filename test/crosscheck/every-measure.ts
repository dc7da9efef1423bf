/**
 * The cross-checked configuration: the default pack plus one indicator (default
 * parameters) for each registry measure the default pack does not show, so a new
 * measure is cross-checked against its SQL without being added to the default pack.
 */
import type { PackConfig } from '../../functions/core/config/pack-config';
import { MEASURE_NAMES } from '../../functions/core/measures/registry';

export function withEveryMeasure(config: PackConfig): PackConfig {
  const shown = new Set(config.sections.flatMap((section) => section.indicators.map((indicator) => indicator.measure)));
  const missing = MEASURE_NAMES.filter((name) => !shown.has(name));
  if (missing.length === 0) return config;
  const indicators = missing.map((measure) => ({
    code: measure,
    title: measure,
    measure,
    params: {},
    paramsFrom: [],
    decimals: 1,
    corporatePlan: false,
    dataOnly: true,
  }));
  return { ...config, sections: [...config.sections, { id: 'every-measure', title: 'Every measure', indicators }] };
}
