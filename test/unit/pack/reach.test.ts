/**
 * How far back a pack reads (pack/reach.ts) and the safety net (measure-cache.ts), counted by hand.
 * Default pack, 2013-11: the earliest snapshot day is the prior year's 31 Mar 2013; CP visits within 28 days there
 * open after x = 3 Mar, so the first countable visit is 4 Mar 2013. Contacts are projected from the prior year's
 * months: from 1 Apr 2012. At Tue 31 Dec 2013, 10 working days (25, 26 Dec bank holidays) give x = Sun 15 Dec.
 */
import defaultPack from '../../../functions/core/config/default-pack.json';
import { parsePackConfig } from '../../../functions/core/config/pack-config';
import { ExtractIndex } from '../../../functions/core/measures/extract-index';
import { MeasureCache } from '../../../functions/core/measures/measure-cache';
import { measureOf } from '../../../functions/core/measures/registry';
import { tableReach } from '../../../functions/core/pack/reach';
import { defaultWorkingDays } from '../../../functions/core/working-days';
import { day } from '../extract/helpers';
import { ExtractBuilder } from '../measures/extract-builder';

const config = parsePackConfig(defaultPack, 'the default pack');
const context = { workingDays: defaultWorkingDays() };
const at = (iso: string) => [{ from: day(iso), to: day(iso) }];

describe('tableReach', () => {
  it('default pack, 2013-11: CP visits from 4 Mar 2013, contacts from 1 Apr 2012; plans whole', () => {
    const reach = tableReach(config, '2013-11');
    expect(reach.ssd_cp_visits).toBe(day('2013-03-04'));
    // 42 days before 31 Mar 2013 is 17 Feb: from 18 Feb.
    expect(reach.ssd_cin_visits).toBe(day('2013-02-18'));
    expect(reach.ssd_cla_visits).toBe(day('2013-02-18'));
    expect(reach.ssd_contacts).toBe(day('2012-04-01'));
    expect(reach.ssd_cp_plans).toBeUndefined();
  });
});

describe('a visit measure reaches x + 1 at its earliest day', () => {
  it('10 working days at 31 Dec 2013 across Christmas: from 16 Dec', () => {
    const reach = measureOf('cp_visits_timely_pct').reachFor({ windowWorkingDays: 10 }, at('2013-12-31'), context);
    expect(reach).toEqual({ ssd_cp_visits: day('2013-12-16') });
  });
});

describe('MeasureCache refuses a measure reaching before what was kept', () => {
  const extract = new ExtractBuilder().cpPlan({ id: 'P', person: 'c', start: '2012-01-01' }).build();
  const kept = (before: string) =>
    new MeasureCache(
      new ExtractIndex({ ...extract, pruned: { ssd_cp_visits: { before: day(before), rows: 0, latest: null } } }),
      context,
    );
  it('kept from 4 Mar 2013: 28 days at 31 Mar 2013 may be prepared', () => {
    expect(kept('2013-03-04').get('cp_visits_timely_pct', { windowDays: 28 }, at('2013-03-31')).kind).toBe('snapshot');
  });
  it('kept from 5 Mar 2013: refused', () => {
    expect(() => kept('2013-03-05').get('cp_visits_timely_pct', { windowDays: 28 }, at('2013-03-31'))).toThrow(
      /internal: cp_visits_timely_pct counts ssd_cp_visits rows from 2013-03-04/,
    );
  });
});
