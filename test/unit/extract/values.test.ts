import fc from 'fast-check';
import {
  CellError,
  isMissing,
  parseDateCell,
  parseDateText,
  parseFlagCell,
  parseIntegerCell,
  parseTextCell,
} from '../../../functions/core/extract/values';
import { isoFromDay } from '../../../functions/core/calendar';

/** The expected Day, computed independently of the code under test. */
const day = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe('missing values', () => {
  it.each([[''], ['   '], ['NULL'], [' NULL '], [null], [undefined]])('%p is missing', (cell) => {
    expect(isMissing(cell)).toBe(true);
  });
  it.each([['x'], ['0'], ['null value'], [0], [false]])('%p is not missing', (cell) => {
    expect(isMissing(cell)).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2013-11-30', '2013-11-30'],
    ['2013-11-30 14:05', '2013-11-30'],
    ['2013-11-30 14:05:59', '2013-11-30'],
    ['2013-11-30 23:59:59.997', '2013-11-30'],
    ['2013-11-30T00:00:00', '2013-11-30'],
    ['2013-11-30T23:30:00.000Z', '2013-11-30'],
    ['2013-11-30T23:30:00+05:00', '2013-11-30'],
    ['30/11/2013', '2013-11-30'],
    ['01/02/2013', '2013-02-01'],
    ['1/2/2013', '2013-02-01'],
    ['30/11/2013 09:15', '2013-11-30'],
    ['30/11/2013 09:15:00', '2013-11-30'],
    [' 2012-02-29 ', '2012-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['1969-12-31', '1969-12-31'],
  ])('%p is %s', (text, iso) => {
    expect(parseDateText(text)).toBe(day(iso));
  });

  it.each([
    ['2013-02-30'],
    ['31/04/2013'],
    ['2013-02-29'],
    ['1900-02-29'],
    ['2013-13-01'],
    ['2013-00-10'],
    ['00/01/2013'],
    ['2013-11-30 24:00'],
    ['2013-11-30 12:60'],
    ['11/30/2013'],
    ['2013/11/30'],
    ['30-11-2013'],
    ['13-11-30'],
    ['2013-11-30X'],
    ['30 Nov 2013'],
    ['41608'],
    ['today'],
    [''],
  ])('%p is not a date', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });

  it('reads a native workbook date (a UTC instant) as its calendar date, dropping the time', () => {
    expect(parseDateCell(new Date(Date.UTC(2013, 10, 30)))).toBe(day('2013-11-30'));
    expect(parseDateCell(new Date(Date.UTC(2013, 10, 30, 23, 59)))).toBe(day('2013-11-30'));
    expect(parseDateCell(new Date(Date.UTC(1960, 0, 1, 12)))).toBe(day('1960-01-01'));
  });

  it('does not take a plain number, a boolean or an invalid Date as a date', () => {
    expect(parseDateCell(41608)).toBeUndefined();
    expect(parseDateCell(true)).toBeUndefined();
    expect(parseDateCell(new Date(Number.NaN))).toBeUndefined();
  });
});

describe('flags', () => {
  it.each([['Y'], ['y'], ['Yes'], ['YES'], ['1'], ['true'], ['TRUE'], [' Y '], [true], [1]])('%p is Y', (cell) => {
    expect(parseFlagCell(cell)).toBe(true);
  });
  it.each([['N'], ['n'], ['No'], ['no'], ['0'], ['false'], ['False'], [false], [0]])('%p is N', (cell) => {
    expect(parseFlagCell(cell)).toBe(false);
  });
  it.each([['maybe'], ['2'], ['YN'], [2], [new Date(0)], [new CellError('#N/A')]])('%p is not a flag', (cell) => {
    expect(parseFlagCell(cell)).toBeUndefined();
  });
});

describe('integers and text', () => {
  it.each([
    ['3', 3],
    ['+3', 3],
    ['0', 0],
    ['-1', -1],
    ['2.0', 2],
    [' 7 ', 7],
    [4, 4],
  ])('%p is %p', (cell, value) => {
    expect(parseIntegerCell(cell)).toBe(value);
  });
  it.each([['2.5'], ['two'], ['1e3'], [2.5], ['']])('%p is not a whole number', (cell) => {
    expect(parseIntegerCell(cell)).toBeUndefined();
  });
  it('trims text and gives a workbook number its decimal text', () => {
    expect(parseTextCell('  P-001 ')).toBe('P-001');
    expect(parseTextCell(1234)).toBe('1234');
    expect(parseTextCell(new Date(0))).toBeUndefined();
    expect(parseTextCell(new CellError('#REF!'))).toBeUndefined();
  });
});

describe('properties', () => {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const dates = fc.date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2099, 11, 31, 23, 59, 59)),
    noInvalidDate: true,
  });

  it('every valid date, in every form, reads back as the same Day', () => {
    fc.assert(
      fc.property(dates, (instant) => {
        const y = instant.getUTCFullYear();
        const m = pad(instant.getUTCMonth() + 1);
        const d = pad(instant.getUTCDate());
        const hh = pad(instant.getUTCHours());
        const mm = pad(instant.getUTCMinutes());
        const ss = pad(instant.getUTCSeconds());
        const expected = Math.floor(instant.getTime() / 86_400_000);
        const forms = [
          `${y}-${m}-${d}`,
          `${y}-${m}-${d} ${hh}:${mm}`,
          `${y}-${m}-${d} ${hh}:${mm}:${ss}`,
          `${y}-${m}-${d} ${hh}:${mm}:${ss}.${pad(instant.getUTCMilliseconds(), 3)}`,
          `${y}-${m}-${d}T${hh}:${mm}:${ss}`,
          instant.toISOString(),
          `${d}/${m}/${y}`,
          `${d}/${m}/${y} ${hh}:${mm}`,
          `${d}/${m}/${y} ${hh}:${mm}:${ss}`,
        ];
        for (const form of forms) expect(parseDateText(form)).toBe(expected);
        expect(parseDateCell(instant)).toBe(expected);
        expect(isoFromDay(expected)).toBe(`${y}-${m}-${d}`);
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary text never throws: it is a date, a flag, a number or undefined', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[0-9/: T.-]{0,24}$/)),
        (text) => {
          const date = parseDateText(text);
          expect(date === undefined || Number.isInteger(date)).toBe(true);
          const flag = parseFlagCell(text);
          expect(flag === undefined || typeof flag === 'boolean').toBe(true);
          const integer = parseIntegerCell(text);
          expect(integer === undefined || Number.isSafeInteger(integer)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it(
    'ten characters in the YYYY-MM-DD shape (read from ' + 'character codes) parse as the general parser reads them',
    () => {
      // Spaces around the text are trimmed, and make it longer than the short path takes.
      fc.assert(
        fc.property(
          fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/),
          fc.stringMatching(/^[0-9a /+-]{10}$/),
          (shaped, near) => {
            expect(parseDateText(shaped)).toBe(parseDateText(` ${shaped} `));
            expect(parseDateText(near)).toBe(parseDateText(` ${near} `));
          },
        ),
        { numRuns: 2000 },
      );
      // Years 1900–2199 are looked up in a table: its edges, and either side of them.
      for (const year of ['1899', '1900', '2199', '2200']) {
        for (const monthDay of [
          '01-01',
          '01-31',
          '01-32',
          '02-28',
          '02-29',
          '12-31',
          '12-32',
          '13-01',
          '00-10',
          '06-00',
        ]) {
          const text = `${year}-${monthDay}`;
          expect(parseDateText(text)).toBe(parseDateText(` ${text} `));
        }
      }
      expect(parseDateText('2199-12-31')).toBe(Date.UTC(2199, 11, 31) / 86_400_000);
      expect(parseDateText('1900-01-01')).toBe(Date.UTC(1900, 0, 1) / 86_400_000);
      expect(parseDateText('2013-02-29')).toBeUndefined();
      expect(parseDateText('2012-02-29')).toBe(15399);
      expect(parseDateText('２０１３-01-01')).toBeUndefined(); // full-width digits are not digits
    },
  );

  it('a date that parses is a real calendar date written the same way', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const parsed = parseDateText(`${y}-${pad(m)}-${pad(d)}`);
          const real = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(parsed === undefined ? false : isoFromDay(parsed) === `${y}-${pad(m)}-${pad(d)}`).toBe(real);
          expect(parseDateText(`${pad(d)}/${pad(m)}/${y}`)).toBe(parsed);
        },
      ),
    );
  });
});
