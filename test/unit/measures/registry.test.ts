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
      expect(measure.definition).toMatch(/^[A-Z].*\.$/);
      expect(measure.counted.length).toBeGreaterThan(10);
    }
  });

  it('applies parameter defaults: the visit windows are 28 days (CP) and 42 days (CIN) when not configured', () => {
    expect(measureOf('cp_visits_timely_pct').parseParams({})).toEqual({ windowDays: 28 });
    expect(measureOf('cin_visits_timely_pct').parseParams({})).toEqual({ windowDays: 42 });
    expect(measureOf('cp_visits_timely_pct').parseParams({ windowDays: 10 })).toEqual({ windowDays: 10 });
    expect(measureOf('cp_children').parseParams({})).toEqual({});
  });

  it('refuses parameters a measure does not take', () => {
    expect(() => measureOf('cp_children').parseParams({ windowDays: 28 })).toThrow();
    expect(() => measureOf('cp_visits_timely_pct').parseParams({ windowDays: 0 })).toThrow();
  });
});
