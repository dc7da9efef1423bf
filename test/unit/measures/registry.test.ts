/** The registry's declarations agree with the extract's tables and with themselves. */
import { TABLE_SCHEMAS } from '../../../functions/core/extract/schemas';
import { ExtractIndex } from '../../../functions/core/measures/extract-index';
import { MEASURE_NAMES, MEASURES, measureOf, unavailableReason } from '../../../functions/core/measures/registry';
import { snapshotMeasure } from '../../../functions/core/measures/registry/measure';
import { ExtractBuilder } from './extract-builder';

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

describe('a measure that cannot be counted from an extract', () => {
  const plansWithout = (column: string) =>
    new ExtractIndex({
      ...new ExtractBuilder().build(),
      columnsPresent: {
        ssd_cp_plans: TABLE_SCHEMAS.ssd_cp_plans.columns.map((c) => c.name).filter((c) => c !== column),
      },
    });

  it('is unavailable when a column it needs is absent, and says which in plain words', () => {
    expect(unavailableReason(measureOf('cp_ends'), plansWithout('cppl_cp_plan_end_date'))).toBe(
      "the extract's ssd_cp_plans table has no cppl_cp_plan_end_date column, so cp_ends cannot be " +
        'counted from it (a 0 would look right and be wrong)',
    );
    expect(unavailableReason(measureOf('cp_ends'), plansWithout('cppl_cp_plan_transfer_out'))).toBeNull();
  });

  it("cp_moved_out: unavailable with the reader's reason when transfers out cannot be known", () => {
    const unknown = new ExtractIndex({ ...new ExtractBuilder().build(), unknown: { cpTransferOut: 'why' } });
    expect(unavailableReason(measureOf('cp_moved_out'), unknown)).toBe('why');
    // No flag column, but transfers out derived from ssd_cin_episodes: available.
    expect(unavailableReason(measureOf('cp_moved_out'), plansWithout('cppl_cp_plan_transfer_out'))).toBeNull();
  });

  it('is available when a column it reads only when present is absent (the rule covers it)', () => {
    expect(unavailableReason(measureOf('cp_repeat_pct'), plansWithout('cppl_number_of_previous_cp_plans'))).toBeNull();
  });

  it('may give its own reason beyond the columns (the registry contract)', () => {
    const needsEpisodes = snapshotMeasure({
      ...measureOf('cp_children'),
      name: 'test_measure',
      prepare: () => () => ({ numerator: 0, denominator: null }),
      unavailable: () => 'the extract has no ssd_cin_episodes table, so plans transferred out cannot be counted',
    });
    expect(unavailableReason(needsEpisodes, plansWithout('none'))).toBe(
      'the extract has no ssd_cin_episodes table, so plans transferred out cannot be counted',
    );
  });
});
