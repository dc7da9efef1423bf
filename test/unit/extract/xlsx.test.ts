import ExcelJS from 'exceljs';
import { day, read, summarise } from './helpers';

async function workbook(sheets: Record<string, unknown[][]>, dateFormat = 'dd/mm/yyyy'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) {
      const added = sheet.addRow(row);
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = dateFormat;
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const utc = (iso: string, hours = 0): Date => new Date(day(iso) * 86_400_000 + hours * 3_600_000);

describe('readExtract: workbook form', () => {
  it('reads sheets named after tables: native dates, text dates, numbers as ids, boolean flags', async () => {
    const book = await workbook({
      Notes: [['This sheet is ignored']],
      SSD_CP_Plans: [
        [
          'cppl_cp_plan_id',
          ' Cppl_Person_Id ',
          'cppl_cp_plan_start_date',
          'cppl_cp_plan_end_date',
          'cppl_number_of_previous_cp_plans',
          'cppl_cp_plan_transfer_out',
        ],
        [1001, 'C1', utc('2013-02-28'), utc('2013-10-31', 15), 1, true],
        ['P2', 42, '2013-05-01 00:00:00', 'NULL', null, 'N'],
        [],
        ['P3', 'C1', '31/10/2013', null, 0, 0],
      ],
      ssd_cp_visits: [
        ['cppv_person_id', 'cppv_cp_visit_date', 'cppv_cp_visit_seen'],
        [42, utc('2013-11-01'), 'Y'],
        ['C1', utc('2013-11-02'), false],
      ],
    });
    const result = await read({ 'extract.xlsx': book }, { needed: new Set(['ssd_cp_plans', 'ssd_cp_visits']) });
    expect(result.quality.errors).toEqual([]);
    expect(result.quality.warnings).toEqual([]);
    expect(result.extract?.present).toEqual(['ssd_cp_plans', 'ssd_cp_visits']);
    expect(result.extract?.cpPlans).toEqual([
      {
        id: '1001',
        person: 0,
        start: day('2013-02-28'),
        end: day('2013-10-31'),
        previousPlans: 1,
        transferOut: true,
        row: 2,
      },
      { id: 'P2', person: 1, start: day('2013-05-01'), end: null, previousPlans: null, transferOut: false, row: 3 },
      // Row 4 is empty; the spreadsheet row numbers stay those of the sheet.
      { id: 'P3', person: 0, start: day('2013-10-31'), end: null, previousPlans: 0, transferOut: false, row: 5 },
    ]);
    expect(result.extract?.cpVisits).toEqual({
      length: 1,
      person: Int32Array.from([1]),
      day: Int32Array.from([day('2013-11-01')]),
      unseenRows: 1,
    });
    expect(result.inputs).toHaveLength(1);
    expect(result.inputs[0].size).toBe(book.length);
  });

  it('reports workbook cells of the wrong type with their sheet row', async () => {
    const book = await workbook({
      ssd_cin_plans: [
        ['cinp_cin_plan_id', 'cinp_person_id', 'cinp_cin_plan_start_date'],
        ['N1', 'C1', 41275], // a plain number is not a date
        ['N2', utc('2013-01-01'), utc('2013-01-01')], // a date is not an id
        ['N3', { error: '#N/A' }, '2013-02-30'],
      ],
    });
    const result = await read({ 'extract.xlsx': book });
    expect(summarise(result.quality.errors)).toEqual([
      ['bad-date', 'ssd_cin_plans', 2, 'cinp_cin_plan_start_date', '41275'],
      ['bad-text', 'ssd_cin_plans', 3, 'cinp_person_id', '2013-01-01T00:00:00.000Z'],
      ['bad-text', 'ssd_cin_plans', 4, 'cinp_person_id', '#N/A'],
      ['bad-date', 'ssd_cin_plans', 4, 'cinp_cin_plan_start_date', '2013-02-30'],
    ]);
  });

  it('a needed sheet missing from the workbook', async () => {
    const book = await workbook({
      ssd_cin_plans: [['cinp_cin_plan_id', 'cinp_person_id', 'cinp_cin_plan_start_date']],
    });
    const result = await read({ 'extract.xlsx': book }, { needed: new Set(['ssd_cin_plans', 'ssd_cla_episodes']) });
    expect(summarise(result.quality.errors)).toEqual([['missing-table', 'ssd_cla_episodes', null, null, null]]);
  });

  it('a truncated workbook is an invalid file, not a crash', async () => {
    const book = await workbook({
      ssd_cin_plans: [
        ['cinp_cin_plan_id', 'cinp_person_id', 'cinp_cin_plan_start_date'],
        ['N1', 'C1', '2013-01-01'],
      ],
    });
    const result = await read({ 'extract.xlsx': book.subarray(0, Math.floor(book.length / 2)) });
    expect(summarise(result.quality.errors)[0]).toEqual(['invalid-file', null, null, null, 'extract.xlsx']);
    expect(result.extract).toBeNull();
  });
});
