/**
 * Hostile and broken CSV files: every one ends as a problem naming the table, row and
 * column where the reader stopped, after reading no more than it had to.
 */
import { Readable } from 'node:stream';
import { readExtract } from '../../functions/core/extract/read-extract';
import type { ExtractSource } from '../../functions/core/extract/source';
import { csv, read, summarise } from '../unit/extract/helpers';
import { type LazyFile, readLazy, repeat } from './helpers';

const CIN_HEADER = 'cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date';
const CIN_VISITS_HEADER = 'cinv_person_id,cinv_cin_visit_date';
const MB = 1024 ** 2;

function lazy(name: string, parts: () => Iterable<Buffer>, size = 0): LazyFile {
  return { name, size, chunks: parts };
}

describe('CSV: size limits stop the file where it breaks them', () => {
  it('a header line of 1,000,000 columns stops at column 1,001, having read a fraction of it', async () => {
    const columns = 1_000_000;
    const names = (from: number, count: number): Buffer =>
      Buffer.from(Array.from({ length: count }, (_, i) => `col${from + i},`).join(''));
    const file = lazy('ssd_cin_plans.csv', function* () {
      for (let from = 0; from < columns; from += 10_000) yield names(from, 10_000);
      yield Buffer.from('last\n');
    });
    const { result, pulled, closed } = await readLazy([file], { needed: new Set(['ssd_cin_plans']) });
    expect(summarise(result.quality.errors)).toEqual([
      ['limit-exceeded', 'ssd_cin_plans', 1, 'column 1001', 'ssd_cin_plans.csv'],
    ]);
    expect(result.quality.errors[0].message).toMatch(
      /row 1 has more than 1,000 columns \(the limit\); reading stopped/,
    );
    expect(pulled.get('ssd_cin_plans.csv')).toBeLessThan(1 * MB); // of about 12 MB
    expect(closed.get('ssd_cin_plans.csv')).toBe(true);
  });

  it('a 100 MB cell, streamed, stops at 32,767 characters naming its row and column', async () => {
    const file = lazy('ssd_cin_plans.csv', function* () {
      yield Buffer.from(`${CIN_HEADER}\nN1,C1,2013-01-01\nN2,`);
      yield* repeat(Buffer.alloc(64 * 1024, 'x'), 1600); // 100 MiB, never held whole
      yield Buffer.from(',2013-01-01\n');
    });
    const { result, pulled, closed } = await readLazy([file]);
    expect(summarise(result.quality.errors)).toEqual([
      ['limit-exceeded', 'ssd_cin_plans', 3, 'cinp_person_id', 'ssd_cin_plans.csv'],
    ]);
    expect(result.quality.errors[0].message).toMatch(/row 3: a cell is longer than 32,767 characters/);
    expect(pulled.get('ssd_cin_plans.csv')).toBeLessThan(1 * MB);
    expect(closed.get('ssd_cin_plans.csv')).toBe(true);
  });

  it(
    'a stray quote that swallows the rest of a large file is ' +
      'stopped at the cell limit, naming the row it opened on',
    async () => {
      const rows = function* (): Iterable<Buffer> {
        yield Buffer.from(`${CIN_HEADER}\nN1,"C1,2013-01-01\n`);
        for (let i = 2; i < 100_000; i++) yield Buffer.from(`N${i},C${i},2013-01-01\n`);
      };
      const { result } = await readLazy([lazy('ssd_cin_plans.csv', rows)]);
      expect(summarise(result.quality.errors)).toEqual([
        ['limit-exceeded', 'ssd_cin_plans', 2, 'cinp_person_id', 'ssd_cin_plans.csv'],
      ]);
      expect(result.quality.errors[0].message).toMatch(/a quote that is never closed/);
    },
  );

  it('a row longer than the record limit, more rows than the row limit, more bytes than the file limit', async () => {
    const row = await read(
      { 'ssd_cin_plans.csv': csv(CIN_HEADER, 'N1,C1,2013-01-01', `N2,${'y'.repeat(50)},${'z'.repeat(50)}`) },
      { limits: { recordChars: 60 } },
    );
    expect(summarise(row.quality.errors)).toEqual([
      ['limit-exceeded', 'ssd_cin_plans', 3, 'cinp_cin_plan_start_date', 'ssd_cin_plans.csv'],
    ]);
    const rows = await read(
      { 'ssd_cin_plans.csv': csv(CIN_HEADER, 'N1,C1,2013-01-01', 'N2,C1,2013-01-01', 'N3,C1,2013-01-01') },
      { limits: { rowsPerTable: 2 } },
    );
    expect(summarise(rows.quality.errors)).toEqual([['limit-exceeded', 'ssd_cin_plans', 4, null, 'ssd_cin_plans.csv']]);
    expect(rows.quality.errors[0].message).toMatch(/more than 2 rows \(the limit\); reading stopped at row 4/);
    // The listed size said 10 bytes; the stream went on (a source that lied, or a file growing as it is read).
    const { result, pulled } = await readLazy(
      [
        lazy(
          'ssd_cin_visits.csv',
          function* () {
            yield Buffer.from(`${CIN_VISITS_HEADER}\n`);
            yield* repeat(Buffer.from('C1,2013-01-01\n'), 1000);
          },
          10,
        ),
      ],
      { limits: { fileBytes: 1000 } },
    );
    expect(summarise(result.quality.errors)).toEqual([
      ['limit-exceeded', 'ssd_cin_visits', null, null, 'ssd_cin_visits.csv'],
    ]);
    expect(result.quality.errors[0].message).toMatch(/larger than the limit of 1,000 bytes/);
    expect(pulled.get('ssd_cin_visits.csv')).toBeLessThan(17_000);
  });

  it('a CSV over 2 GiB by its listed size is refused unread', async () => {
    const { result, pulled } = await readLazy([lazy('ssd_cp_visits.csv', () => [], 2 * 1024 ** 3 + 1)]);
    expect(summarise(result.quality.errors)).toEqual([
      ['limit-exceeded', 'ssd_cp_visits', null, null, 'ssd_cp_visits.csv'],
    ]);
    expect(pulled.size).toBe(0);
  });
});

describe('CSV: bytes that are not text', () => {
  it.each([
    ['Latin-1 é', Buffer.from([0xe9]), '0xE9'],
    ['an overlong encoding of "/"', Buffer.from([0xc0, 0xaf]), '0xC0 0xAF'],
    ['a UTF-16 surrogate', Buffer.from([0xed, 0xa0, 0x80]), '0xED 0xA0 0x80'],
    ['a code point above U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80]), '0xF4 0x90 0x80 0x80'],
  ])('%s in an id on row 3 is an error naming the row and column, in any chunking', async (_label, bad, shown) => {
    const content = Buffer.concat([
      Buffer.from(`${CIN_HEADER}\nN1,C1,2013-01-01\nN2,C`),
      bad,
      Buffer.from('2,2013-01-01\nN3,C3,2013-01-01\n'),
    ]);
    for (const chunkSize of [1, 3, 64, undefined]) {
      const result = await read({ 'ssd_cin_plans.csv': content }, { source: { chunkSize } });
      expect(summarise(result.quality.errors)).toEqual([
        ['invalid-file', 'ssd_cin_plans', 3, 'cinp_person_id', 'ssd_cin_plans.csv'],
      ]);
      expect(result.quality.errors[0].message).toContain(`row 3: the bytes ${shown}`);
    }
  });

  it('a character cut off at the end of the file, and a character split across chunks (which is fine)', async () => {
    const cut = await read({
      'ssd_cin_plans.csv': Buffer.concat([
        Buffer.from(`${CIN_HEADER}\nN1,C1,2013-01-01\nN2,`),
        Buffer.from([0xe2, 0x82]),
      ]),
    });
    expect(summarise(cut.quality.errors)).toEqual([['invalid-file', 'ssd_cin_plans', 3, null, 'ssd_cin_plans.csv']]);
    expect(cut.quality.errors[0].message).toMatch(/ends in the middle of a UTF-8 character/);
    const split = await read(
      { 'ssd_cin_plans.csv': csv(CIN_HEADER, 'N1,C€1,2013-01-01') },
      { source: { chunkSize: 1 } },
    );
    expect(split.quality.errors).toEqual([]);
    expect(split.extract?.cinPlans.map((plan) => plan.row)).toEqual([2]);
  });

  it('a NUL byte is binary data: an error naming its row', async () => {
    const result = await read({ 'ssd_cin_plans.csv': `${CIN_HEADER}\nN1,C1,2013-01-01\nN2,C\u00002,2013-01-01\n` });
    expect(summarise(result.quality.errors)).toEqual([
      ['invalid-file', 'ssd_cin_plans', 3, 'cinp_person_id', 'ssd_cin_plans.csv'],
    ]);
    expect(result.quality.errors[0].message).toMatch(/row 3: the file contains binary data \(a NUL byte\)/);
  });
});

describe('CSV: mixed line endings', () => {
  // Decision: CRLF, LF and a lone CR each end a record, in any mix (as Excel and Python's
  // csv module read them); inside quotes they are kept as data. Rows are numbered by record.
  const content =
    `${CIN_VISITS_HEADER}\r\nC1,2013-01-01\nC2,not-a-date\rC3,` + '2013-01-03\r\n"C\r\n4",bad\n\rC5,2013-01-05';

  it.each([1, 2, 7, undefined])('CRLF, LF and CR in one file, served in chunks of %s bytes', async (chunkSize) => {
    const result = await read({ 'ssd_cin_visits.csv': content }, { source: { chunkSize } });
    expect(summarise(result.quality.errors)).toEqual([
      ['bad-date', 'ssd_cin_visits', 3, 'cinv_cin_visit_date', 'not-a-date'],
      ['bad-date', 'ssd_cin_visits', 5, 'cinv_cin_visit_date', 'bad'],
    ]);
    // "C\r\n4" is one quoted cell over two lines (row 5); row 6 is blank (LF then CR); C5 is row 7.
    expect(result.tables).toEqual([{ table: 'ssd_cin_visits', rows: 5, file: 'ssd_cin_visits.csv' }]);
  });

  it('a clean file with mixed endings gives all its records', async () => {
    const result = await read(
      { 'ssd_cin_visits.csv': `${CIN_VISITS_HEADER}\rC1,2013-01-01\r\nC2,2013-01-02\nC3,2013-01-03\r` },
      { source: { chunkSize: 1 } },
    );
    expect(result.quality.errors).toEqual([]);
    expect(result.extract?.cinVisits.length).toBe(3);
  });
});

describe('CSV: many bad rows', () => {
  it('400,000 rows with a bad date: every one counted, 50 listed', async () => {
    const rows = function* (): Iterable<Buffer> {
      yield Buffer.from(`${CIN_VISITS_HEADER}\n`);
      const block = Buffer.from('C1,31/02/2013\n'.repeat(1000));
      yield* repeat(block, 400);
    };
    const { result } = await readLazy([lazy('ssd_cin_visits.csv', rows)]);
    expect(result.quality.counts).toEqual({ 'bad-date': { severity: 'error', total: 400_000, listed: 50 } });
    expect(result.quality.errors).toHaveLength(50);
    expect(result.quality.errors[49].row).toBe(51);
  });
});

describe('CSV: stream faults', () => {
  function source(stream: () => Readable): ExtractSource {
    return {
      description: 'test:',
      name: 'test:',
      list: () =>
        Promise.resolve([
          {
            name: 'ssd_cin_plans.csv',
            key: 'test:ssd_cin_plans.csv',
            size: 100,
            // As an async function would: a throw in stream() becomes a rejection.
            open: () => new Promise<Readable>((resolve) => resolve(stream())),
          },
        ]),
    };
  }

  it('a source that errors after the file was read does not crash the process', async () => {
    let late: Readable | null = null;
    const result = await readExtract(
      source(() => {
        late = Readable.from([Buffer.from(`${CIN_HEADER}\nN1,C1,2013-01-01\n`)]);
        return late;
      }),
      { period: '2013-11', neededTables: new Set() },
    );
    expect(result.quality.errors).toEqual([]);
    // An 'error' with no listener would throw here (and crash a real process).
    expect(() => late?.emit('error', new Error('socket reset after the end'))).not.toThrow();
  });

  it(
    'a source that fails part way rejects (a fault of ' + 'the source, not of the data), leaving nothing open',
    async () => {
      const opened: Readable[] = [];
      const failing = source(() => {
        const stream = new Readable({
          read() {
            this.push(Buffer.from(`${CIN_HEADER}\nN1,C1,2013-01-01\n`));
            this.destroy(new Error('ECONNRESET'));
          },
        });
        opened.push(stream);
        return stream;
      });
      await expect(readExtract(failing, { period: '2013-11', neededTables: new Set() })).rejects.toThrow('ECONNRESET');
      expect(opened).toHaveLength(1);
      expect(opened[0].destroyed).toBe(true);
    },
  );
});
