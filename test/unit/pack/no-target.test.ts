/**
 * An indicator with polarity and no target in any year (the default pack's care-leaver rows, as
 * issue 15 asks: targets are the authority's to set) has no status and no warning, even in April,
 * when the seed's indicators, with targets for 2013/14 only, are warned about for 2014/15.
 */
import defaultPack from '../../../functions/core/config/default-pack.json';
import { neededTables, parsePackConfig } from '../../../functions/core/config/pack-config';
import { memorySource } from '../../../functions/core/extract/memory-source';
import { readExtract } from '../../../functions/core/extract/read-extract';
import { buildPack } from '../../../functions/core/pack/build-pack';
import type { Pack } from '../../../functions/core/pack/pack-types';
import { missingTargetsProblem } from '../../../functions/core/pack/targets';
import { TABLE_NAMES } from '../../../functions/core/types';
import { columnNames, generateBlocks } from '../../../functions/generate/generate-extract';
import { layoutTables } from '../../../functions/generate/layouts';

const PERIOD = '2014-04';
const config = parsePackConfig({ ...defaultPack, population: { ...defaultPack.population, '2014': 57600 } });
const untargeted = config.sections
  .flatMap((section) => section.indicators)
  .filter((indicator) => indicator.rag !== undefined && Object.keys(indicator.rag.targets).length === 0)
  .map((indicator) => indicator.code);
let pack: Pack;

const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

beforeAll(async () => {
  const [block] = [...generateBlocks({ period: PERIOD, scale: 1 })];
  const files = Object.fromEntries(
    layoutTables('spec', TABLE_NAMES).map((table) => [
      `${table}.csv`,
      [columnNames(table), ...(block[table] ?? [])].map((row) => `${row.map(csvField).join(',')}\n`).join(''),
    ]),
  );
  const read = await readExtract(memorySource(files), { period: PERIOD, neededTables: neededTables(config) });
  if (!read.extract) throw new Error('the generated extract did not read cleanly');
  pack = buildPack({ extract: read.extract, config, period: PERIOD, quality: read.quality });
});

describe('an indicator with no target in any year', () => {
  it("is in the default pack: the scorecard's rows with a polarity from LAIT's data dictionary", () => {
    expect(untargeted).toEqual([
      'ReReferral',
      'Continue_Assess_Comp',
      'CP_conf_15days',
      'LACStable_2016on',
      'LAC_LongStable',
      'CLInTouch',
      'CareLeaverAcc',
      'CareLeaverEET',
    ]);
  });

  it('has no status and is not marked as missing its target, though it has a value', () => {
    for (const code of untargeted) {
      const row = pack.sections.flatMap((s) => s.indicators).find((i) => i.code === code);
      expect([code, row?.rag, row?.targetMissing, row?.target]).toEqual([code, 'none', false, null]);
      expect(row?.ytd.value).not.toBeNull();
    }
  });

  it('is not in the April warning, which names the seed indicators with 2013/14 targets only', () => {
    const problem = missingTargetsProblem(config, '2014/15');
    expect(problem?.value).toContain('OP388a');
    for (const code of untargeted) expect((problem?.value ?? '').split(', ')).not.toContain(code);
    const warned = [...pack.dataQuality.warnings, ...pack.dataQuality.errors].map(
      (w) => `${w.value ?? ''} ${w.message}`,
    );
    for (const code of untargeted) expect(warned.some((text) => text.includes(code))).toBe(false);
  });
});
