import { isoFromDay } from '../../../functions/core/calendar';
import { planColumns, type Column } from '../../../functions/core/pack/columns';

const iso = (column: Column): [string, string] => [isoFromDay(column.from), isoFromDay(column.to)];

describe('planColumns', () => {
  it('November 2013, six months: the seed’s layout', () => {
    const plan = planColumns('2013-11', 6);
    expect(plan.financialYear).toBe('2013/14');
    expect(plan.priorYearLabel).toBe('2012/13');
    expect(plan.months.map((m) => m.period)).toEqual([
      '2013-06',
      '2013-07',
      '2013-08',
      '2013-09',
      '2013-10',
      '2013-11',
    ]);
    expect(iso(plan.months[0])).toEqual(['2013-06-01', '2013-06-30']);
    expect(iso(plan.priorYear)).toEqual(['2012-04-01', '2013-03-31']);
    expect(iso(plan.ytd)).toEqual(['2013-04-01', '2013-11-30']);
    expect(iso(plan.previousMonth)).toEqual(['2013-10-01', '2013-10-31']);
    expect(iso(plan.previousYtd)).toEqual(['2013-04-01', '2013-10-31']);
    expect(plan.previousYtd.financialYear).toBe('2013/14');
  });
  it('April: the year to date is one month, and last month’s is the whole previous year', () => {
    const plan = planColumns('2014-04', 3);
    expect(plan.months.map((m) => m.period)).toEqual(['2014-02', '2014-03', '2014-04']);
    expect(iso(plan.ytd)).toEqual(['2014-04-01', '2014-04-30']);
    expect(iso(plan.previousYtd)).toEqual(['2013-04-01', '2014-03-31']);
    expect(plan.previousYtd.financialYear).toBe('2013/14');
    expect(iso(plan.priorYear)).toEqual(['2013-04-01', '2014-03-31']);
  });
  it('March: the year to date is the whole year', () => {
    expect(iso(planColumns('2014-03', 1).ytd)).toEqual(['2013-04-01', '2014-03-31']);
  });
});
