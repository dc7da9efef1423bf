/** docs/MEASURES.md is exactly what the registry generates: a changed measure without `npm run docs:measures` fails. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MEASURES_DOC_PATH, measuresDoc } from '../../../functions/docs/measures-doc';
import { MEASURE_NAMES } from '../../../functions/core/measures/registry';

const committed = readFileSync(path.resolve(__dirname, '..', '..', '..', MEASURES_DOC_PATH), 'utf8');

describe('docs/MEASURES.md', () => {
  it('is what the registry generates (run `npm run docs:measures` after changing a measure)', () => {
    expect(committed).toBe(measuresDoc());
  });

  it('has a section for every measure, with its parameters and their defaults', () => {
    for (const name of MEASURE_NAMES) expect(committed).toContain(`## \`${name}\``);
    expect(committed).toMatch(/`windowDays`: .*\(28 when neither window is given\)/);
    expect(committed).toMatch(/`windowDays`: .*\(42 when neither window is given\)/);
  });
});
