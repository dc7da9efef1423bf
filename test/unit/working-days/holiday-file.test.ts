/** The bank-holiday file loader: the snapshot format, GOV.UK's own format, and the errors an operator sees. */
import { isoFromDay } from '../../../functions/core/calendar';
import { HolidayFileError, parseHolidayFile } from '../../../functions/core/working-days';

const snapshot = (over: Record<string, unknown> = {}): string =>
  JSON.stringify({
    source: 'test',
    retrieved: '2026-01-01',
    division: 'england-and-wales',
    firstYear: 2013,
    lastYear: 2014,
    events: [
      { date: '2013-12-25', title: 'Christmas Day' },
      { date: '2014-01-01', title: 'New Year’s Day' },
    ],
    ...over,
  });

describe('parseHolidayFile', () => {
  it('reads the snapshot format', () => {
    const data = parseHolidayFile(snapshot(), 'holidays.json');
    expect([data.firstYear, data.lastYear, data.holidays.map(isoFromDay)]).toEqual([
      2013,
      2014,
      ['2013-12-25', '2014-01-01'],
    ]);
  });

  it("reads GOV.UK's bank-holidays.json, taking the years from its events and one day once", () => {
    const govUk = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'Spring bank holiday', date: '2012-06-04', notes: 'Substitute day', bunting: true },
          { title: 'Queen’s Diamond Jubilee', date: '2012-06-05', notes: '', bunting: true },
          { title: 'New Year’s Day', date: '2013-01-01', notes: '', bunting: true },
          { title: 'New Year’s Day', date: '2013-01-01', notes: '', bunting: true },
        ],
      },
      scotland: { division: 'scotland', events: [] },
    };
    const data = parseHolidayFile(JSON.stringify(govUk), 'bank-holidays.json');
    expect([data.firstYear, data.lastYear, data.holidays.map(isoFromDay)]).toEqual([
      2012,
      2013,
      ['2012-06-04', '2012-06-05', '2013-01-01'],
    ]);
  });

  it.each([
    ['not JSON', '{', /holidays\.json: not valid JSON/],
    [
      'an impossible date',
      snapshot({ events: [{ date: '2013-02-30', title: 'x' }] }),
      /events\[0\]\.date: not a YYYY-MM-DD/,
    ],
    ['an event outside the years', snapshot({ lastYear: 2013 }), /events\[1\] \(2014-01-01\) is outside 2013–2013/],
    ['a year with no holidays', snapshot({ lastYear: 2015 }), /no holidays listed for 2015/],
    ['an unknown shape', JSON.stringify({ scotland: {} }), /GOV\.UK's bank-holidays\.json with "england-and-wales"/],
    [
      'a GOV.UK entry with no date',
      JSON.stringify({ 'england-and-wales': { division: 'x', events: [{ title: 'x' }] } }),
      /\["england-and-wales"\]\.events\[0\]\.date: Invalid input/,
    ],
  ])('names the file, the entry and the problem: %s', (_name, text, message) => {
    expect(() => parseHolidayFile(text, 'holidays.json')).toThrow(HolidayFileError);
    expect(() => parseHolidayFile(text, 'holidays.json')).toThrow(message);
  });
});
