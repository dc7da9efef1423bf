import { MAX_LISTED_PER_KIND } from '../../../functions/core/extract/problems';
import { UNQUOTED_EXPORT_HINT } from '../../../functions/core/extract/limits';
import { ALL_TABLES, csv, day, read, summarise } from './helpers';

const PLANS_HEADER =
  'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_number_of_previous_cp_plans';

describe('errors', () => {
  it('a needed table that is missing', async () => {
    const result = await read(
      { 'ssd_cp_plans.csv': csv(PLANS_HEADER) },
      { needed: new Set(['ssd_cp_plans', 'ssd_cp_reviews']) },
    );
    expect(summarise(result.quality.errors)).toEqual([['missing-table', 'ssd_cp_reviews', null, null, null]]);
    expect(result.extract).toBeNull();
  });

  it('a table no indicator needs may be absent', async () => {
    const result = await read({ 'ssd_cp_plans.csv': csv(PLANS_HEADER) }, { needed: new Set(['ssd_cp_plans']) });
    expect(result.quality.errors).toEqual([]);
    expect(result.extract?.present).toEqual(['ssd_cp_plans']);
  });

  it('a table no indicator needs, present but broken, is still an error', async () => {
    const result = await read({ 'ssd_cin_visits.csv': csv('cinv_person_id', 'C1') });
    expect(summarise(result.quality.errors)).toEqual([
      ['missing-column', 'ssd_cin_visits', 1, 'cinv_cin_visit_date', null],
    ]);
  });

  it('a required column missing (a required flag column too), and a column given twice', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv('cppl_cp_plan_id,cppl_cp_plan_start_date', 'P1,2013-01-01'),
      'ssd_initial_cp_conference.csv': csv('icpc_cp_plan_id', 'P1'),
      'ssd_cla_episodes.csv': csv(
        'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,' +
          'clae_cla_episode_ceased,clae_cla_episode_ceased_date',
      ),
    });
    expect(summarise(result.quality.errors)).toEqual([
      ['missing-column', 'ssd_cp_plans', 1, 'cppl_person_id', null],
      ['missing-column', 'ssd_initial_cp_conference', 1, 'icpc_icpc_transfer_in', null],
      ['duplicate-column', 'ssd_cla_episodes', 1, 'clae_cla_episode_ceased_date', 'clae_cla_episode_ceased_date'],
    ]);
  });

  it('a missing required value (a missing required flag takes its default instead)', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(PLANS_HEADER, 'P1,NULL,2013-01-01,,', 'P2,C2,,,'),
      'ssd_initial_cp_conference.csv': csv('icpc_cp_plan_id,icpc_icpc_transfer_in', 'P1,'),
    });
    expect(summarise(result.quality.errors)).toEqual([
      ['missing-value', 'ssd_cp_plans', 2, 'cppl_person_id', 'NULL'],
      ['missing-value', 'ssd_cp_plans', 3, 'cppl_cp_plan_start_date', ''],
    ]);
  });

  it('values that do not parse as their type', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(PLANS_HEADER + ',cppl_cp_plan_transfer_out', 'P1,C1,2013-02-30,31/04/2013,two,maybe'),
    });
    expect(summarise(result.quality.errors)).toEqual([
      ['bad-date', 'ssd_cp_plans', 2, 'cppl_cp_plan_start_date', '2013-02-30'],
      ['bad-date', 'ssd_cp_plans', 2, 'cppl_cp_plan_end_date', '31/04/2013'],
      ['bad-integer', 'ssd_cp_plans', 2, 'cppl_number_of_previous_cp_plans', 'two'],
      ['bad-flag', 'ssd_cp_plans', 2, 'cppl_cp_plan_transfer_out', 'maybe'],
    ]);
    expect(result.quality.errors[0].message).toMatch(/not a valid date/);
  });

  it('a duplicate identifier, an end before its start, a negative previous-plans count', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(PLANS_HEADER, 'P1,C1,2013-01-01,,', 'P1,C2,2013-02-01,2013-01-31,-1'),
      'ssd_cla_episodes.csv': csv(
        'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased',
        'E1,C1,2013-01-02,2013-01-01',
      ),
    });
    expect(summarise(result.quality.errors)).toEqual([
      ['negative-number', 'ssd_cp_plans', 3, 'cppl_number_of_previous_cp_plans', '-1'],
      ['duplicate-id', 'ssd_cp_plans', 3, 'cppl_cp_plan_id', 'P1'],
      ['end-before-start', 'ssd_cp_plans', 3, 'cppl_cp_plan_end_date', '2013-01-31'],
      ['end-before-start', 'ssd_cla_episodes', 2, 'clae_cla_episode_ceased_date', '2013-01-01'],
    ]);
    expect(result.quality.errors[1].message).toBe('duplicate identifier: already used on row 2');
  });

  it('a duplicate identifier names the row its id was first used on, among hundreds of ids', async () => {
    // Plans P1…P300 on rows 2…301 (Pn on row n + 1), then P1, P150 and P300 again on rows 302–304.
    const plans = Array.from({ length: 300 }, (_, i) => `P${i + 1},C${i + 1},2013-01-01,,`);
    const again = ['P1', 'P150', 'P300'].map((plan) => `${plan},C1,2013-01-01,,`);
    const result = await read({ 'ssd_cp_plans.csv': csv(PLANS_HEADER, ...plans, ...again) });
    expect(result.quality.errors.map((error) => [error.row, error.value, error.message])).toEqual([
      [302, 'P1', 'duplicate identifier: already used on row 2'],
      [303, 'P150', 'duplicate identifier: already used on row 151'],
      [304, 'P300', 'duplicate identifier: already used on row 301'],
    ]);
  });

  it('a duplicate identifier names its first row when rows before it added no id (duplicates, empty ids)', async () => {
    // Rows: 2 P1, 3 P1 (duplicate), 4 no id, 5 P2, 6 P3, 7 P2, 8 P3, 9 P1, 10 P4, 11 P4.
    const rows = ['P1', 'P1', '', 'P2', 'P3', 'P2', 'P3', 'P1', 'P4', 'P4'].map((plan) => `${plan},C1,2013-01-01,,`);
    const result = await read({ 'ssd_cp_plans.csv': csv(PLANS_HEADER, ...rows) });
    expect(result.quality.errors.map((error) => [error.row, error.kind, error.message])).toEqual([
      [3, 'duplicate-id', 'duplicate identifier: already used on row 2'],
      [4, 'missing-value', 'required value is missing'],
      [7, 'duplicate-id', 'duplicate identifier: already used on row 5'],
      [8, 'duplicate-id', 'duplicate identifier: already used on row 6'],
      [9, 'duplicate-id', 'duplicate identifier: already used on row 2'],
      [11, 'duplicate-id', 'duplicate identifier: already used on row 10'],
    ]);
  });

  it('both CSV files and extract.xlsx in one extract', async () => {
    const result = await read({ 'ssd_cp_plans.csv': csv(PLANS_HEADER), 'extract.xlsx': Buffer.from('PK') });
    expect(summarise(result.quality.errors)).toEqual([['ambiguous-extract', null, null, null, null]]);
    expect(result.extract).toBeNull();
  });

  it.each([
    ['a 0-byte file', Buffer.alloc(0), null, null, /empty \(0 bytes\)/],
    [
      'a workbook renamed .csv',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
      null,
      null,
      /zip archive/,
    ],
    // Bytes that are not text stop the file at the row (and column) they are on.
    ['binary data', Buffer.from([0x61, 0x00, 0x62]), 1, 'a', /row 1: .*binary data/],
    [
      'text that is not UTF-8',
      Buffer.from('id,name\n1,caf\xe9\n', 'latin1'),
      2,
      'name',
      /row 2: the bytes 0xE9 0x0A .* are not UTF-8 text/,
    ],
  ])('a file that is not CSV at all: %s', async (_label, content, row, column, message) => {
    const result = await read({ 'ssd_cp_plans.csv': content }, { needed: new Set(['ssd_cp_plans']) });
    expect(summarise(result.quality.errors)).toEqual([
      ['invalid-file', 'ssd_cp_plans', row, column, 'ssd_cp_plans.csv'],
    ]);
    expect(result.quality.errors[0].message).toMatch(message);
    expect(result.extract).toBeNull();
  });

  it('an unterminated quote, and a row with the wrong number of fields', async () => {
    const result = await read({
      'ssd_cin_plans.csv': csv(
        'cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date',
        'N1,C1,2013-01-01,extra',
        'N2,"C2,2013-01-01',
        'N3,C3,2013-01-01',
      ),
    });
    expect(summarise(result.quality.errors)).toEqual([
      ['malformed-row', 'ssd_cin_plans', 2, null, null],
      ['malformed-row', 'ssd_cin_plans', 3, null, null],
    ]);
    expect(result.quality.errors[0].message).toBe(
      `not valid CSV: this record has 4 fields where the header has 3: ${UNQUOTED_EXPORT_HINT}`,
    );
    expect(result.quality.errors[1].message).toMatch(/unterminated quote/);
  });

  it('an extract.xlsx that is not a workbook', async () => {
    const result = await read({ 'extract.xlsx': 'cppl_cp_plan_id\nP1\n' }, { needed: new Set(['ssd_cp_plans']) });
    expect(summarise(result.quality.errors)).toEqual([
      ['invalid-file', null, null, null, 'extract.xlsx'],
      ['missing-table', 'ssd_cp_plans', null, null, null],
    ]);
    expect(result.quality.errors[0].message).toMatch(/not a valid xlsx workbook/);
  });

  it(`lists at most ${MAX_LISTED_PER_KIND} problems of a kind, and counts them all`, async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `C${i},not-a-date,Y`);
    const result = await read({
      'ssd_cin_visits.csv': csv(
        'cinv_person_id,cinv_cin_visit_date,cinv_cin_visit_seen',
        ...rows,
        'C1,2013-01-01,maybe',
      ),
    });
    expect(result.quality.errors).toHaveLength(MAX_LISTED_PER_KIND + 1);
    expect(result.quality.errors[MAX_LISTED_PER_KIND - 1].row).toBe(51);
    expect(result.quality.counts).toEqual({
      'bad-date': { severity: 'error', total: 60, listed: 50 },
      'bad-flag': { severity: 'error', total: 1, listed: 1 },
    });
  });
});

describe('warnings (the run goes on)', () => {
  it('overlapping CP plans of one child; a plan ending the day the next starts does not overlap', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(
        PLANS_HEADER,
        'P1,C1,2012-01-01,2012-06-01,',
        'P2,C1,2012-06-01,2012-09-01,', // starts the day P1 ends: not open on the same day
        'P3,C1,2012-08-31,,', // starts while P2 is open
        'P4,C2,2012-01-01,2013-01-01,',
        'P5,C2,2012-02-01,2012-03-01,', // inside P4
        'P6,C2,2012-12-31,,', // still inside P4, though after P5 ended
      ),
    });
    expect(result.quality.errors).toEqual([]);
    expect(summarise(result.quality.warnings)).toEqual([
      ['overlapping-plans', 'ssd_cp_plans', 4, 'cppl_cp_plan_start_date', '2012-08-31'],
      ['overlapping-plans', 'ssd_cp_plans', 6, 'cppl_cp_plan_start_date', '2012-02-01'],
      ['overlapping-plans', 'ssd_cp_plans', 7, 'cppl_cp_plan_start_date', '2012-12-31'],
    ]);
    expect(result.extract?.cpPlans).toHaveLength(6);
  });

  it('a plan starting and ending on the same day (CP and CIN plans, not care episodes)', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(PLANS_HEADER, 'P1,C1,2013-01-01,2013-01-01 17:00,'),
      'ssd_cin_plans.csv': csv(
        'cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date,cinp_cin_plan_end_date',
        'N1,C1,2013-01-01,01/01/2013',
      ),
      'ssd_cla_episodes.csv': csv(
        'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date',
        'E1,C1,2013-01-01,2013-01-01',
      ),
    });
    expect(summarise(result.quality.warnings)).toEqual([
      ['same-day-plan', 'ssd_cp_plans', 2, 'cppl_cp_plan_end_date', '2013-01-01'],
      ['same-day-plan', 'ssd_cin_plans', 2, 'cinp_cin_plan_end_date', '2013-01-01'],
    ]);
    expect(result.extract?.cpPlans[0].end).toBe(day('2013-01-01'));
  });

  it('a review on or before its plan start (kept); a review or conference of an unknown plan (ignored)', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(PLANS_HEADER, 'P1,C1,2013-01-10,,'),
      'ssd_cp_reviews.csv': csv(
        'cppr_cp_plan_id,cppr_cp_review_date',
        'P1,2013-01-10',
        'P1,2013-04-01',
        'PX,2013-04-01',
      ),
      'ssd_initial_cp_conference.csv': csv('icpc_cp_plan_id,icpc_icpc_transfer_in', 'P1,N', 'PY,Y'),
    });
    expect(result.quality.errors).toEqual([]);
    expect(summarise(result.quality.warnings)).toEqual([
      ['unknown-plan', 'ssd_initial_cp_conference', 3, 'icpc_cp_plan_id', 'PY'],
      ['review-before-start', 'ssd_cp_reviews', 2, 'cppr_cp_review_date', '2013-01-10'],
      ['unknown-plan', 'ssd_cp_reviews', 4, 'cppr_cp_plan_id', 'PX'],
    ]);
    expect(result.extract?.cpReviews).toEqual([
      { planId: 'P1', date: day('2013-01-10'), row: 2 },
      { planId: 'P1', date: day('2013-04-01'), row: 3 },
    ]);
    expect(result.extract?.initialConferences).toEqual([{ planId: 'P1', transferIn: false, row: 2 }]);
  });

  it('records dated after the reporting month are kept (a review due date may be in the future)', async () => {
    const result = await read(
      {
        'ssd_cp_plans.csv': csv(PLANS_HEADER, 'P1,C1,2013-11-30,,', 'P2,C2,2013-12-01,,'),
        'ssd_cp_reviews.csv': csv('cppr_cp_plan_id,cppr_cp_review_date,cppr_cp_review_due', 'P1,2013-11-30,2014-05-30'),
        'ssd_cp_visits.csv': csv('cppv_person_id,cppv_cp_visit_date', 'C1,2014-01-01'),
      },
      { period: '2013-11' },
    );
    expect(result.quality.errors).toEqual([]);
    expect(summarise(result.quality.warnings)).toEqual([
      ['after-period', 'ssd_cp_plans', 3, 'cppl_cp_plan_start_date', '2013-12-01'],
      ['after-period', 'ssd_cp_visits', 2, 'cppv_cp_visit_date', '2014-01-01'],
      ['review-before-start', 'ssd_cp_reviews', 2, 'cppr_cp_review_date', '2013-11-30'],
    ]);
    expect(result.extract?.cpPlans.map((plan) => plan.id)).toEqual(['P1', 'P2']);
    expect(result.extract?.cpVisits.length).toBe(1);
  });

  it('a CSV or workbook file with a name that is not a table', async () => {
    const result = await read({ 'ssd_cp_plan.csv': csv('x'), 'readme.txt': 'hello' }, { needed: ALL_TABLES });
    expect(summarise(result.quality.warnings)).toEqual([['unknown-file', null, null, null, 'ssd_cp_plan.csv']]);
    expect(result.quality.counts['missing-table'].total).toBe(ALL_TABLES.size); // every needed table
  });
});
