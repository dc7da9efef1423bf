/** Small configurations and an empty data-quality report for pack tests. */
import { parsePackConfig, type PackConfig } from '../../../functions/core/config/pack-config';
import type { DataQuality } from '../../../functions/core/types';

export function configWith(sections: unknown[], overrides: Record<string, unknown> = {}): PackConfig {
  return parsePackConfig({
    authority: 'Testshire',
    title: 'Test pack',
    population: { '2012': 10000, '2013': 20000 },
    sections,
    distribution: {
      from: 'pack@test.example',
      to: ['director@test.example'],
      officers: ['officer@test.example'],
      allowedDomains: ['test.example'],
    },
    ...overrides,
  });
}

export function emptyQuality(): DataQuality {
  return { errors: [], warnings: [], info: [], counts: {} };
}
