/**
 * The DuckDB baseline's working-day SQL (bench/duckdb/working-days.ts) against dates counted
 * by hand from the real calendar with the GOV.UK bank holidays, per docs/WORKING-DAYS.md.
 * "(n)" marks the nth working day counted; "hol" a bank holiday, "shut" a closure day.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { workingDaysSql } from '../../bench/duckdb/working-days';

interface Calendar {
  /** The single value of a one-row, one-column query, dates as YYYY-MM-DD. */
  value(sql: string): Promise<unknown>;
  close(): void;
}

async function calendar(closureDays: string[] = []): Promise<Calendar> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  for (const statement of workingDaysSql(closureDays)
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean))
    await connection.run(statement);
  return {
    async value(sql) {
      const rows = (await connection.runAndReadAll(`SELECT (${sql})::VARCHAR AS v`)).getRowObjectsJS();
      return rows[0].v;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

let plain: Calendar;
let closing: Calendar;
beforeAll(async () => {
  plain = await calendar();
  closing = await calendar(['2013-12-27', '2013-12-28', '2013-12-29', '2013-12-30', '2013-12-31']);
});
afterAll(() => {
  plain.close();
  closing.close();
});

const windowStart = (c: Calendar, d: string, n: number) => c.value(`wd_window_start(DATE '${d}', ${n})`);
const deadline = (c: Calendar, event: string, n: number) => c.value(`wd_deadline(DATE '${event}', ${n})`);
const within = (c: Calendar, event: string, done: string, n: number) =>
  c.value(`wd_within(DATE '${event}', DATE '${done}', ${n})`);

describe('the calendar table', () => {
  it('covers the snapshot years day by day, with its bank holidays and the moved ones', async () => {
    expect(await plain.value(`SELECT min(day) || ' ' || max(day) FROM wd_calendar`)).toBe('2011-01-01 2028-12-31');
    // 29 Apr 2011 royal wedding; 4 and 5 June 2012; Fri 8 May 2020 (VE day); the usual Mondays are working days.
    for (const [day, working] of [
      ['2011-04-29', 'false'],
      ['2012-06-04', 'false'],
      ['2012-06-05', 'false'],
      ['2012-05-28', 'true'],
      ['2020-05-08', 'false'],
      ['2020-05-04', 'true'],
    ])
      expect([day, await plain.value(`SELECT working FROM wd_calendar WHERE day = DATE '${day}'`)]).toEqual([
        day,
        working,
      ]);
  });

  it('counts (a, b]: January 2014 has 22 working days (1 Jan a holiday, 31 days, 8 weekend days)', async () => {
    expect(await plain.value(`wd_between(DATE '2013-12-31', DATE '2014-01-31')`)).toBe('22');
    // The same span with the closure days: 31 December is the start, not inside, so still 22.
    expect(await closing.value(`wd_between(DATE '2013-12-31', DATE '2014-01-31')`)).toBe('22');
    // December 2013: 22 weekdays, less 25 and 26 December: 20; less 27, 30, 31 closed: 17.
    expect(await plain.value(`wd_between(DATE '2013-11-30', DATE '2013-12-31')`)).toBe('20');
    expect(await closing.value(`wd_between(DATE '2013-11-30', DATE '2013-12-31')`)).toBe('17');
  });

  it('refuses a day outside the calendar, naming it and the years covered', async () => {
    await expect(plain.value(`wd_worked(DATE '2010-12-31')`)).rejects.toThrow(
      'the day 2010-12-31 is outside the working-day calendar, which covers 2011–2028',
    );
    await expect(plain.value(`wd_worked(DATE '2029-01-01')`)).rejects.toThrow(/2029-01-01/);
  });
});

describe('rule (a), visits: x is the latest day such that (x, d] holds exactly N working days', () => {
  it('at the 2012/13 year end', async () => {
    // Fri 4 Jan 2013: 4(1) 3(2) 2(3), 1 hol, Mon 31 Dec(4), 28(5) 27(6), 26 25 hol, 24(7), 21(8) 20(9)
    // Wed 19(10); the day before is Tue 18, a working day: x = 18 December.
    expect(await windowStart(plain, '2013-01-04', 10)).toBe('2012-12-18');
  });

  it('at the 2013/14 year end, with and without the closure days 27–31 December', async () => {
    // Fri 10 Jan 2014: 10(1) 9(2) 8(3) 7(4) 6(5), 3(6) 2(7), 1 hol, 31(8) 30(9), Fri 27 Dec(10).
    // Before it Thu 26 and Wed 25 are holidays, Tue 24 a working day: the latest x is 26 December.
    expect(await windowStart(plain, '2014-01-10', 10)).toBe('2013-12-26');
    // Shut 27–31: ... 2(7), 1 hol, 31–27 shut, 26 25 hol, Tue 24(8) Mon 23(9), weekend, Fri 20(10): x = Thu 19.
    expect(await windowStart(closing, '2014-01-10', 10)).toBe('2013-12-19');
  });

  it('over Easter 2014 (Good Friday 18, Easter Monday 21 April)', async () => {
    // Thu 24 Apr: 24(1) 23(2) 22(3), 21 hol, weekend, 18 hol, 17(4) Wed 16(5): x = Tue 15 April.
    expect(await windowStart(plain, '2014-04-24', 5)).toBe('2014-04-15');
  });

  it('across the moved 2012 spring bank holiday (4 June, with 5 June; 28 May a working day)', async () => {
    // Fri 8 June: 8(1) 7(2) 6(3), 5 4 hol, weekend, Fri 1(4) Thu 31 May(5): x = Wed 30 May.
    expect(await windowStart(plain, '2012-06-08', 5)).toBe('2012-05-30');
    // Tue 29 May: 29(1) Mon 28(2); before it the weekend: the latest x is Sun 27 May.
    expect(await windowStart(plain, '2012-05-29', 2)).toBe('2012-05-27');
  });

  it('across the moved 2020 early May bank holiday (Fri 8 May; 4 May a working day)', async () => {
    // Tue 12 May: 12(1) 11(2), 8 hol, 7(3) 6(4) 5(5) 4(6), 1(7) 30 Apr(8) 29(9) Tue 28(10): x = Mon 27 April.
    expect(await windowStart(plain, '2020-05-12', 10)).toBe('2020-04-27');
    // Evaluated on Sun 10 May with N = 1: Sat, Fri 8 hol, Thu 7(1): x = Wed 6 May.
    expect(await windowStart(plain, '2020-05-10', 1)).toBe('2020-05-06');
  });

  it('refuses a window that starts before the calendar', async () => {
    // 2011 opens Sat 1, Sun 2, Mon 3 (hol): by Wed 5 January only 4 and 5 are working days.
    expect(await windowStart(plain, '2011-01-05', 2)).toBe('2011-01-03');
    await expect(windowStart(plain, '2011-01-05', 3)).rejects.toThrow(/starts before the working-day calendar/);
  });
});

describe('rule (b), within N working days of an event: day 0 is the event, the deadline day counts', () => {
  it('over Easter 2013 (Good Friday 29 March, Easter Monday 1 April)', async () => {
    // Wed 27 Mar: 28(1), 29 hol, weekend, 1 Apr hol, Tue 2(2) Wed 3(3), Thu 4(4): deadline Wed 3 April.
    expect(await deadline(plain, '2013-03-27', 3)).toBe('2013-04-03');
    expect(await within(plain, '2013-03-27', '2013-04-03', 3)).toBe('true');
    expect(await within(plain, '2013-03-27', '2013-04-04', 3)).toBe('false');
    expect(await plain.value(`wd_duration(DATE '2013-03-27', DATE '2013-04-02')`)).toBe('2');
  });

  it('an ICPC within 15 working days across the moved 2012 spring bank holiday', async () => {
    // Tue 22 May: 23(1) 24(2) 25(3) Mon 28(4) 29(5) 30(6) 31(7) Fri 1 Jun(8), 4 5 hol, 6(9) 7(10) 8(11)
    // 11(12) 12(13) 13(14) Thu 14(15), Fri 15(16): deadline 14 June.
    expect(await deadline(plain, '2012-05-22', 15)).toBe('2012-06-14');
    expect(await within(plain, '2012-05-22', '2012-06-14', 15)).toBe('true');
    expect(await within(plain, '2012-05-22', '2012-06-15', 15)).toBe('false');
  });

  it('the deadline runs to the day before the next working day (2020: VE day, spring bank holiday)', async () => {
    // Fri 1 May: 4(1) 5(2) 6(3) Thu 7(4), Fri 8 hol, weekend, Mon 11(5): deadline Sun 10 May.
    expect(await deadline(plain, '2020-05-01', 4)).toBe('2020-05-10');
    expect(await within(plain, '2020-05-01', '2020-05-09', 4)).toBe('true');
    expect(await within(plain, '2020-05-01', '2020-05-11', 4)).toBe('false');
    // Fri 22 May: weekend, Mon 25 hol, Tue 26(1), Wed 27(2): deadline Tue 26 May.
    expect(await deadline(plain, '2020-05-22', 1)).toBe('2020-05-26');
  });

  it('an event on a weekend, across the year end, with and without the closure days', async () => {
    // Sat 7 Dec 2013: 9–13 (5), 16–20 (10), 23(11) 24(12), 25 26 hol, 27(13), 30(14) 31(15), 1 Jan hol,
    // Thu 2(16): deadline Wed 1 January 2014.
    expect(await deadline(plain, '2013-12-07', 15)).toBe('2014-01-01');
    // Shut 27–31: 23(11) 24(12), 2 Jan(13) 3(14), Mon 6(15), Tue 7(16): deadline Mon 6 January.
    expect(await deadline(closing, '2013-12-07', 15)).toBe('2014-01-06');
    expect(await within(closing, '2013-12-07', '2014-01-06', 15)).toBe('true');
    expect(await within(closing, '2013-12-07', '2014-01-07', 15)).toBe('false');
  });

  it('done on the event day is day 0; done before the event is refused; a deadline past the calendar too', async () => {
    expect(await within(plain, '2013-12-02', '2013-12-02', 0)).toBe('true');
    await expect(within(plain, '2013-12-02', '2013-12-01', 15)).rejects.toThrow(/before its event/);
    await expect(deadline(plain, '2028-12-20', 45)).rejects.toThrow(/beyond the working-day calendar/);
  });
});
