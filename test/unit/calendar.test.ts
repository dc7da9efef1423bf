import {
  addMonths,
  addPeriods,
  addYears,
  dayFromIso,
  financialYearFirstDay,
  financialYearLabel,
  financialYearLastDay,
  financialYearStartOfDay,
  financialYearStartOfPeriod,
  isOpenAt,
  isoFromDay,
  monthName,
  parseIsoDay,
  periodFirstDay,
  periodLastDay,
  periodOfDay,
  periodsEnding,
  previousPeriod,
} from '../../functions/core/calendar';

const d = dayFromIso;

describe('Day <-> YYYY-MM-DD', () => {
  it('counts days from 1970-01-01', () => {
    expect(d('1970-01-01')).toBe(0);
    expect(d('1970-01-02')).toBe(1);
    expect(d('1969-12-31')).toBe(-1);
    expect(d('2000-03-01') - d('2000-02-28')).toBe(2); // 2000 is a leap year
  });
  it('round-trips', () => {
    for (const text of ['2012-02-29', '2013-11-30', '1999-12-31', '2014-03-31']) expect(isoFromDay(d(text))).toBe(text);
  });
  it('rejects dates that do not exist or are not in the form', () => {
    expect(parseIsoDay('2013-02-29')).toBeNull();
    expect(parseIsoDay('2013-13-01')).toBeNull();
    expect(parseIsoDay('2013-4-01')).toBeNull();
    expect(parseIsoDay('01/04/2013')).toBeNull();
    expect(() => dayFromIso('2013-02-30')).toThrow('2013-02-30');
  });
});

describe('addMonths / addYears', () => {
  it('clamps to the end of the month: 31 Aug + 3 months = 30 Nov', () => {
    expect(isoFromDay(addMonths(d('2013-08-31'), 3))).toBe('2013-11-30');
  });
  it('keeps the day of month when it exists', () => {
    expect(isoFromDay(addMonths(d('2013-05-15'), 3))).toBe('2013-08-15');
    expect(isoFromDay(addMonths(d('2013-11-30'), 6))).toBe('2014-05-30');
  });
  it('crosses year ends both ways', () => {
    expect(isoFromDay(addMonths(d('2013-11-30'), 3))).toBe('2014-02-28');
    expect(isoFromDay(addMonths(d('2014-01-31'), -2))).toBe('2013-11-30');
  });
  it('29 Feb 2012 + 2 years = 28 Feb 2014; + 4 years = 29 Feb 2016', () => {
    expect(isoFromDay(addYears(d('2012-02-29'), 2))).toBe('2014-02-28');
    expect(isoFromDay(addYears(d('2012-02-29'), 4))).toBe('2016-02-29');
  });
});

describe('isOpenAt', () => {
  const start = d('2013-06-01');
  it('is open from its start day', () => {
    expect(isOpenAt(start, null, d('2013-05-31'))).toBe(false);
    expect(isOpenAt(start, null, start)).toBe(true);
  });
  it('is not open on its end day', () => {
    expect(isOpenAt(start, d('2013-06-30'), d('2013-06-29'))).toBe(true);
    expect(isOpenAt(start, d('2013-06-30'), d('2013-06-30'))).toBe(false);
  });
  it('a plan starting and ending the same day is never open', () => {
    expect(isOpenAt(start, start, start)).toBe(false);
  });
});

describe('periods', () => {
  it('first and last days', () => {
    expect(isoFromDay(periodFirstDay('2013-11'))).toBe('2013-11-01');
    expect(isoFromDay(periodLastDay('2013-11'))).toBe('2013-11-30');
    expect(isoFromDay(periodLastDay('2012-02'))).toBe('2012-02-29');
    expect(isoFromDay(periodLastDay('2013-02'))).toBe('2013-02-28');
  });
  it('previous month and lists of months', () => {
    expect(previousPeriod('2014-01')).toBe('2013-12');
    expect(addPeriods('2013-11', 2)).toBe('2014-01');
    expect(periodsEnding('2013-11', 6)).toEqual(['2013-06', '2013-07', '2013-08', '2013-09', '2013-10', '2013-11']);
    expect(periodsEnding('2014-02', 3)).toEqual(['2013-12', '2014-01', '2014-02']);
    expect(periodOfDay(d('2013-11-30'))).toBe('2013-11');
    expect(monthName('2013-11')).toBe('November');
  });
  it('rejects malformed periods', () => {
    expect(() => periodFirstDay('2013-13')).toThrow('2013-13');
    expect(() => periodFirstDay('201311')).toThrow('201311');
  });
});

describe('financial years', () => {
  it('April to March: both November 2013 and March 2014 are in 2013/14', () => {
    expect(financialYearStartOfDay(d('2013-11-30'))).toBe(2013);
    expect(financialYearStartOfDay(d('2014-03-31'))).toBe(2013);
    expect(financialYearStartOfDay(d('2014-04-01'))).toBe(2014);
    expect(financialYearStartOfDay(d('2013-03-31'))).toBe(2012);
    expect(financialYearStartOfPeriod('2014-03')).toBe(2013);
    expect(financialYearStartOfPeriod('2013-04')).toBe(2013);
  });
  it('labels and bounds', () => {
    expect(financialYearLabel(2013)).toBe('2013/14');
    expect(financialYearLabel(1999)).toBe('1999/00');
    expect(isoFromDay(financialYearFirstDay(2013))).toBe('2013-04-01');
    expect(isoFromDay(financialYearLastDay(2012))).toBe('2013-03-31');
  });
});

describe('day arithmetic agrees with the JavaScript Date (UTC) over 1900–2100', () => {
  it('every day round-trips through its parts', () => {
    const first = d('1900-01-01');
    const last = d('2100-12-31');
    for (let day = first; day <= last; day += 1) {
      const date = new Date(day * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      if (isoFromDay(day) !== iso || d(iso) !== day) throw new Error(`day ${day}: ${isoFromDay(day)} against ${iso}`);
    }
    expect(isoFromDay(last)).toBe('2100-12-31');
    expect(parseIsoDay('2100-02-29')).toBeNull(); // 2100 is not a leap year
    expect(parseIsoDay('2000-02-29')).not.toBeNull();
  });
});
