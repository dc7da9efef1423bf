/**
 * Fuzzing the readers: whatever the bytes, reading ends with a result (records or
 * problems) — never an exception, never a hang — and every problem names its kind, table
 * and message. Sized to run in a few seconds; a failure prints a seed to replay.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import type { CsvBatch } from '../../functions/core/extract/csv-records';
import { CsvTextGuard } from '../../functions/core/extract/csv-text-guard';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../functions/core/extract/limits';
import type { Problem } from '../../functions/core/types';
import { ALL_TABLES, read } from '../unit/extract/helpers';

/** Every kind the reader reports (read from its modules): a problem of any other kind would be a leak. */
const KNOWN_KINDS = [
  'invalid-file',
  'limit-exceeded',
  'malformed-row',
  'missing-table',
  'missing-column',
  'duplicate-column',
  'missing-value',
  'bad-text',
  'bad-date',
  'bad-flag',
  'bad-integer',
  'negative-number',
  'duplicate-id',
  'end-before-start',
  'same-day-plan',
  'after-period',
  'overlapping-plans',
  'review-before-start',
  'unknown-plan',
  'unknown-file',
  'ambiguous-extract',
];

function wellFormed(problems: readonly Problem[]): void {
  for (const problem of problems) {
    expect(KNOWN_KINDS).toContain(problem.kind);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

/** Text made of the characters that matter to CSV, so the fuzzer reaches quoting and line ends often. */
const csvText = fc
  .array(
    fc.constantFrom('a', 'Y', '1', '2013-01-01', ',', ',', '"', '"', '\n', '\r', '\r\n', ' ', 'NULL', 'é', '\u202e'),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const PLANS_HEADER = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date';

describe('fuzz: CSV reader', () => {
  it('arbitrary bytes, in arbitrary chunks, end as a result with well-formed problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), async (bytes, chunkSize) => {
        const result = await read(
          { 'ssd_cp_plans.csv': Buffer.from(bytes) },
          { needed: ALL_TABLES, source: { chunkSize } },
        );
        wellFormed(result.quality.errors);
        wellFormed(result.quality.warnings);
        expect(result.quality.errors.length).toBeGreaterThan(0); // other tables are missing
        expect(result.extract).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it(
    'CSV-like text under a valid header: records or problems,' + ' and never both a record and an error for one row',
    async () => {
      await fc.assert(
        fc.asyncProperty(csvText, fc.integer({ min: 1, max: 16 }), async (body, chunkSize) => {
          const result = await read({ 'ssd_cp_plans.csv': `${PLANS_HEADER}\n${body}` }, { source: { chunkSize } });
          wellFormed(result.quality.errors);
          wellFormed(result.quality.warnings);
          if (result.extract) {
            const errorRows = new Set(result.quality.errors.map((p) => p.row));
            for (const plan of result.extract.cpPlans) expect(errorRows.has(plan.row)).toBe(false);
          }
        }),
        { numRuns: 300 },
      );
    },
  );

  interface GuardOutcome {
    /**
     * The records passed on, and the parse errors as `record index: code`; null after a failure (they depend on the
     * chunking then).
     */
    records: string[][] | null;
    errors: string[] | null;
    /** Records the guard counted (it names rows by this count). */
    counted: number;
    failure: string | null;
  }

  async function guardOutcome(chunks: readonly string[], limits: ReaderLimits = DEFAULT_LIMITS): Promise<GuardOutcome> {
    const guard = new CsvTextGuard(limits);
    const records: string[][] = [];
    const errors: string[] = [];
    const failure = await new Promise<string | null>((resolve) => {
      guard.on('data', (batch: CsvBatch) => {
        for (const error of batch.errors) errors.push(`${records.length + (error.row ?? 0)}: ${error.code}`);
        records.push(...batch.records);
      });
      guard.on('end', () => resolve(null));
      guard.on('error', (error: Error) => resolve(error.message));
      for (const chunk of chunks) guard.write(Buffer.from(chunk));
      guard.end();
    });
    return {
      records: failure === null ? records : null,
      errors: failure === null ? errors : null,
      counted: guard.records,
      failure,
    };
  }

  /** `body` cut at the given points, after a header chunk (so that later chunks can take the guard's fast path). */
  function chunked(header: string, body: string, cuts: readonly number[]): string[] {
    const points = [...new Set(cuts.map((cut) => cut % (body.length + 1)))].sort((a, b) => a - b);
    return [header, ...[0, ...points].map((from, i) => body.slice(from, [...points, body.length][i]))].filter(
      (chunk) => chunk !== '',
    );
  }

  it(
    "the guard's records, parse errors and row count are " + "papaparse's for the whole text, however it is chunked",
    async () => {
      // LF line ends only, so that papaparse can read the whole text on its own as the reference.
      const lfText = fc
        .array(fc.constantFrom('a', 'Y', '2013-01-01', ',', ',', '"', '"', '\n', '\n', ' ', 'NULL', 'é', '\u202e'), {
          maxLength: 60,
        })
        .map((parts) => parts.join(''));
      await fc.assert(
        fc.asyncProperty(lfText, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (body, cuts, withHeader) => {
          const header = withHeader ? 'h,i\n' : '';
          const whole = Papa.parse<string[]>(header + body, { delimiter: ',', newline: '\n' });
          const records = whole.data;
          // papaparse reports an empty last record after a final line end; the guard does not have one.
          if ((header + body).endsWith('\n') && records.length > 0 && records[records.length - 1].join('') === '')
            records.pop();
          const expected = {
            records,
            errors: whole.errors.map((error) => `${error.row ?? 0}: ${error.code}`),
            counted: records.length,
            failure: null,
          };
          expect(await guardOutcome(chunked(header, body, cuts))).toEqual(expected);
          expect(await guardOutcome([header + body])).toEqual(expected);
        }),
        { numRuns: 1000 },
      );
    },
  );

  it(
    'lines without quotes (split without a scan per character) give the ' +
      'same records, rows and failures as the character scan and papaparse',
    async () => {
      // A chunk that starts on the header row is scanned character by character throughout, so
      // the whole text in one chunk is the reference; split after the header, later chunks take
      // the fast path for their lines before any quote. Low limits make it fall back often.
      const lowLimits: ReaderLimits = { ...DEFAULT_LIMITS, columns: 4, cellChars: 6, recordChars: 9, rowsPerTable: 3 };
      const plainish = fc
        .array(fc.constantFrom('a', 'a', 'bb', 'ccccccc', ',', '\n', '\n', '\n', '\r', '\r\n', '"', '\u0000', 'é'), {
          maxLength: 60,
        })
        .map((parts) => parts.join(''));
      await fc.assert(
        fc.asyncProperty(plainish, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (body, cuts, low) => {
          const limits = low ? lowLimits : DEFAULT_LIMITS;
          const header = 'h,i\n';
          expect(await guardOutcome(chunked(header, body, cuts), limits)).toEqual(
            await guardOutcome([header + body], limits),
          );
        }),
        { numRuns: 2000 },
      );
    },
  );
});

async function sampleWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('ssd_cin_plans');
  sheet.addRow(['cinp_cin_plan_id', 'cinp_person_id', 'cinp_cin_plan_start_date', 'cinp_cin_plan_end_date']);
  for (let i = 0; i < 30; i++)
    sheet.addRow([`N${i}`, `C${i % 7}`, new Date(Date.UTC(2013, i % 12, 1 + i)), i % 3 === 0 ? 'NULL' : '2013-12-31']);
  book.addWorksheet('Notes').addRow(['a note', 42, true]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('fuzz: workbook reader', () => {
  let workbook: Buffer;
  beforeAll(async () => {
    workbook = await sampleWorkbook();
  });

  it('the unmutated workbook reads clean (so the mutations below start from a valid file)', async () => {
    const result = await read({ 'extract.xlsx': workbook });
    expect(result.quality.errors).toEqual([]);
    expect(result.extract?.cinPlans).toHaveLength(30);
  });

  it('arbitrary bytes end as an invalid file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const result = await read({ 'extract.xlsx': Buffer.from(bytes) });
        expect(result.quality.errors.map((p) => p.kind)).toEqual(['invalid-file']);
      }),
      { numRuns: 200 },
    );
  });

  it('a valid workbook with bytes changed, cut short or spliced: a result every time', async () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('splice' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 50, max: 5000 }),
        async (mutations, chunkSize) => {
          let bytes = Buffer.from(workbook);
          for (const m of mutations) {
            const at = m.at % bytes.length;
            if (m.kind === 'flip') bytes.set(m.bytes.subarray(0, bytes.length - at), at);
            else if (m.kind === 'cut') bytes = bytes.subarray(0, at);
            else bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
          }
          const result = await read({ 'extract.xlsx': bytes }, { source: { chunkSize } });
          wellFormed(result.quality.errors);
          wellFormed(result.quality.warnings);
        },
      ),
      { numRuns: 150 },
    );
  });
});
