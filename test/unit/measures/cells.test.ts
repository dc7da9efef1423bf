import { dayFromIso } from '../../../functions/core/calendar';
import { ConfigError } from '../../../functions/core/errors';
import { cellOf } from '../../../functions/core/measures/cells';
import { PopulationLookup } from '../../../functions/core/measures/population';

describe('cellOf', () => {
  it('a count has no numerator or denominator', () => {
    expect(cellOf('count', { numerator: 177, denominator: null }, null)).toEqual({
      value: 177,
      numerator: null,
      denominator: null,
    });
  });
  it('a percent is 100 × numerator / denominator, unrounded', () => {
    expect(cellOf('percent', { numerator: 23, denominator: 238 }, null)).toEqual({
      value: (100 * 23) / 238,
      numerator: 23,
      denominator: 238,
    });
  });
  it('a zero denominator gives no value, with 0 and 0 still reported', () => {
    expect(cellOf('percent', { numerator: 0, denominator: 0 }, null)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });
  it('a rate is 10,000 × count / population, carrying both', () => {
    expect(cellOf('rate', { numerator: 177, denominator: null }, 57600)).toEqual({
      value: 1770000 / 57600,
      numerator: 177,
      denominator: 57600,
    });
  });
});

describe('PopulationLookup', () => {
  it('uses the year in which the date’s financial year starts', () => {
    const lookup = new PopulationLookup({ '2012': 57580, '2013': 57600 });
    expect(lookup.forDay(dayFromIso('2013-11-30'))).toBe(57600);
    expect(lookup.forDay(dayFromIso('2014-03-31'))).toBe(57600);
    expect(lookup.forDay(dayFromIso('2013-03-31'))).toBe(57580);
    expect(lookup.warnings()).toEqual([]);
  });
  it('falls back to the latest earlier year with one warning per missing year', () => {
    const lookup = new PopulationLookup({ '2010': 50000, '2011': 51000 });
    expect(lookup.forDay(dayFromIso('2013-11-30'))).toBe(51000);
    expect(lookup.forDay(dayFromIso('2013-06-30'))).toBe(51000);
    expect(lookup.forDay(dayFromIso('2013-03-31'))).toBe(51000);
    const warnings = lookup.warnings();
    expect(warnings.map((w) => [w.kind, w.value])).toEqual([
      ['population-fallback', '2012'],
      ['population-fallback', '2013'],
    ]);
    expect(warnings[1].message).toContain('2013/14 use the 2011 population (51,000)');
  });
  it('with no year at or before, it is a configuration error naming the year', () => {
    const lookup = new PopulationLookup({ '2014': 58000 });
    expect(() => lookup.forDay(dayFromIso('2013-11-30'))).toThrow(ConfigError);
    expect(() => lookup.forDay(dayFromIso('2013-11-30'))).toThrow(/no population for 2013/);
  });
});
