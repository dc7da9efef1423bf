/** The registry's declarations agree with the extract's tables and with themselves. */
import { TABLE_SCHEMAS } from '../../../functions/core/extract/schemas';
import { MEASURE_NAMES, MEASURES, measureOf } from '../../../functions/core/measures/registry';

describe('the measure registry', () => {
  it('declares each measure name once', () => {
    expect(new Set(MEASURE_NAMES).size).toBe(MEASURES.length);
    for (const name of MEASURE_NAMES) expect(measureOf(name).name).toBe(name);
  });

  it.each(MEASURES.map((m) => [m.name, m] as const))('%s reads only columns the extract defines', (_name, measure) => {
    expect(measure.reads.length).toBeGreaterThan(0);
    for (const read of measure.reads) {
      const defined = TABLE_SCHEMAS[read.table].columns.map((column) => column.name);
      expect([read.table, [...read.columns, ...(read.optional ?? [])].filter((c) => !defined.includes(c))]).toEqual([
        read.table,
        [],
      ]);
    }
  });

  it('gives every measure a definition for readers and a counting rule for the docs', () => {
    for (const measure of MEASURES) {
      expect(measure.definition({})).toMatch(/^[A-Z].*\.$/);
      expect(measure.counted.length).toBeGreaterThan(10);
    }
  });

  it('applies window defaults: 28 days (CP) and 42 days (CIN) when neither window is configured', () => {
    const cp = measureOf('cp_visits_timely_pct');
    const cin = measureOf('cin_visits_timely_pct');
    expect(cp.definition({})).toContain('within the window of 28 days.');
    expect(cin.definition({})).toContain('within the window of 42 days.');
    expect(cp.definition({ windowDays: 10 })).toContain('within the window of 10 days.');
    expect(cp.definition({ windowWorkingDays: 10 })).toContain('within the window of 10 working days.');
    expect(cp.definition({ windowWorkingDays: 1 })).toContain('within the window of 1 working day.');
    expect(measureOf('cp_children').parseParams({})).toEqual({});
  });

  it('drafts the window in the words of its unit', () => {
    const figures = {
      unit: 'percent' as const,
      decimals: 0,
      month: { value: 50, numerator: 1, denominator: 2 },
      ytd: { value: 50, numerator: 1, denominator: 2 },
    };
    const context = { monthName: 'January', financialYear: '2013/14', authority: 'Haringey' };
    const cp = measureOf('cp_visits_timely_pct');
    expect(cp.draft(figures, {}, context)).toMatch(/within the last 28 days\.$/);
    expect(cp.draft(figures, { windowWorkingDays: 10 }, context)).toMatch(/within the last 10 working days\.$/);
  });

  it('takes windowDays or windowWorkingDays, not both', () => {
    expect(() => measureOf('cp_visits_timely_pct').parseParams({ windowDays: 28, windowWorkingDays: 10 })).toThrow(
      /give windowDays or windowWorkingDays, not both/,
    );
    expect(() => measureOf('cp_visits_timely_pct').parseParams({ windowWorkingDays: 0 })).toThrow();
  });

  it('refuses parameters a measure does not take', () => {
    expect(() => measureOf('cp_children').parseParams({ windowDays: 28 })).toThrow();
    expect(() => measureOf('cp_visits_timely_pct').parseParams({ windowDays: 0 })).toThrow();
  });
});
