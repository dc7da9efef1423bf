import { createHash } from 'node:crypto';
import { emptyCareRecords } from '../../../functions/core/extract/care-records';
import { memorySource } from '../../../functions/core/extract/memory-source';
import { readExtract } from '../../../functions/core/extract/read-extract';
import { emptyFrontDoor } from '../../../functions/core/front-door-types';
import type { TableStats } from '../../../functions/core/types';
import { ALL_TABLES, csv, day, read, summarise } from './helpers';

/**
 * A small extract exercising the parsing rules: header case and spaces, unknown
 * columns, NULL, every date form, flag spellings, a BOM, quoting with embedded commas,
 * quotes and newlines, CRLF line ends.
 */
const SMALL = {
  'ssd_cp_plans.csv':
    '\ufeff CPPL_CP_PLAN_ID ,cppl_person_id,cppl_cp_plan_start_date,' +
    'cppl_cp_plan_end_date,cppl_cp_plan_initial_category,' +
    'cppl_number_of_previous_cp_plans,cppl_cp_plan_transfer_out,extra_column\r\n' +
    'P1,C1,2012-01-15,2013-03-31 00:00:00,Neglect,0,N,x\r\n' +
    'P2,C2,15/06/2013,NULL,"Emotional, physical",2,,"say ""hi""\r\nthere"\r\n' +
    'P3,C1,2013-04-01T09:30:00,,NULL,NULL,Yes,\r\n',
  'ssd_initial_cp_conference.csv': csv(
    'icpc_cp_plan_id,icpc_icpc_transfer_in,icpc_icpc_date',
    'P1,N,2012-01-15',
    'P2,yes,15/06/2013 10:00',
    ',N,2013-05-01',
    'P3,,',
  ),
  'ssd_cp_reviews.csv': csv(
    'cppr_cp_plan_id,cppr_cp_review_date,cppr_cp_review_due',
    'P1,2012-04-10,2012-04-15',
    'P1,NULL,2012-10-10',
    'P2,2013-09-10,2014-03-10',
  ),
  'ssd_cp_visits.csv': csv(
    'cppv_person_id,cppv_cp_visit_date,cppv_cp_visit_seen,cppv_cp_plan_id',
    'C2,2013-10-01,Y,P2',
    'C2,2013-10-20,N,P2',
    'C1,2013-11-02,,P3',
    'C1,03/11/2013,0,P3',
  ),
  'ssd_cin_plans.csv': csv(
    'cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date,cinp_cin_plan_end_date',
    'N1,C3,2013-01-01,',
    'N2,C2,2012-01-01,2013-06-15',
  ),
  'ssd_cin_visits.csv': csv(
    'cinv_person_id,cinv_cin_visit_date,cinv_cin_visit_seen',
    'C3,2013-11-20,true',
    'C3,2013-10-01,false',
  ),
  'ssd_cla_episodes.csv': csv(
    'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased',
    'E1,C4,2010-05-05,',
    'E2,C1,2013-03-31,2013-04-30',
  ),
  // A code in lower case and a description (SystemC's form); no eligibility column: not recorded.
  'ssd_care_leavers.csv': csv(
    'clea_person_id,clea_care_leaver_in_touch,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,' +
      'clea_care_leaver_activity',
    'C4,yes,Supported lodgings (accommodation in a family home),1,F5',
  ),
  // C9 has no date of birth: not kept, and no person key made for it.
  'ssd_person.csv': csv('pers_person_id,pers_dob', 'C4,1994-05-05', 'C9,'),
};

// Person keys are given in order of first appearance across tables: C1, C2 in plans, then C3, C4.
const C1 = 0;
const C2 = 1;
const C3 = 2;
const C4 = 3;

const EXPECTED_EXTRACT = {
  unknown: {},
  basis: {},
  present: [
    'ssd_cp_plans',
    'ssd_initial_cp_conference',
    'ssd_cp_reviews',
    'ssd_cp_visits',
    'ssd_cin_plans',
    'ssd_cin_visits',
    'ssd_cla_episodes',
    'ssd_care_leavers',
    'ssd_person',
  ],
  persons: 4,
  cpPlans: [
    {
      id: 'P1',
      person: C1,
      start: day('2012-01-15'),
      end: day('2013-03-31'),
      previousPlans: 0,
      transferOut: false,
      row: 2,
    },
    { id: 'P2', person: C2, start: day('2013-06-15'), end: null, previousPlans: 2, transferOut: false, row: 3 },
    // The quoted newline inside row 3 does not start a new spreadsheet row.
    { id: 'P3', person: C1, start: day('2013-04-01'), end: null, previousPlans: null, transferOut: true, row: 4 },
  ],
  initialConferences: [
    { planId: 'P1', transferIn: false, row: 2 },
    { planId: 'P2', transferIn: true, row: 3 },
    { planId: 'P3', transferIn: false, row: 5 },
  ],
  cpReviews: [
    { planId: 'P1', date: day('2012-04-10'), row: 2 },
    { planId: 'P2', date: day('2013-09-10'), row: 4 },
  ],
  cpVisits: {
    length: 2,
    person: Int32Array.from([C2, C1]),
    day: Int32Array.from([day('2013-10-01'), day('2013-11-02')]),
    unseenRows: 2,
  },
  cinPlans: [
    { person: C3, start: day('2013-01-01'), end: null, row: 2 },
    { person: C2, start: day('2012-01-01'), end: day('2013-06-15'), row: 3 },
  ],
  cinVisits: { length: 1, person: Int32Array.from([C3]), day: Int32Array.from([day('2013-11-20')]), unseenRows: 1 },
  claEpisodes: [
    { person: C4, start: day('2010-05-05'), end: null, row: 2 },
    { person: C1, start: day('2013-03-31'), end: day('2013-04-30'), row: 3 },
  ],
  // No front-door or children-in-care tables in this extract.
  frontDoor: emptyFrontDoor(),
  care: emptyCareRecords(),
  // ssd_person's dates of birth, as read (C9's is empty: no entry).
  births: new Map([[C4, day('1994-05-05')]]),
  careLeavers: [
    {
      person: C4,
      birth: day('1994-05-05'),
      formerRelevant: null,
      inTouch: 'YES',
      accommodation: 'E',
      suitable: true,
      activity: 'F5',
      row: 2,
    },
  ],
};

describe('readExtract: CSV form', () => {
  it('reads every table into typed records, by the parsing rules', async () => {
    const result = await read(SMALL, { needed: ALL_TABLES });
    expect(result.quality.errors).toEqual([]);
    expect(result.quality.warnings).toEqual([]);
    // The header's columns (columnsPresent) are checked in test/unit/pack/measure-unavailable.test.ts.
    expect({ ...result.extract, columnsPresent: undefined }).toEqual(EXPECTED_EXTRACT);
  });

  it('gives the same records when the files arrive in 7-byte chunks (rows and characters split)', async () => {
    const result = await read(
      { ...SMALL, 'ssd_cin_plans.csv': SMALL['ssd_cin_plans.csv'].replace('N1,C3', 'N1,Ç3') },
      { source: { chunkSize: 7 } },
    );
    expect(result.quality.errors).toEqual([]);
    expect(result.extract?.cpPlans).toEqual(EXPECTED_EXTRACT.cpPlans);
    expect(result.extract?.persons).toBe(5); // Ç3 is a different child from C3
  });

  it('records size and SHA-256 of each file read, with its etag and version', async () => {
    const content = csv('cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date', 'N1,C1,2013-01-01');
    const source = memorySource(
      { 'ssd_cin_plans.csv': content, 'notes.txt': 'not part of the extract' },
      { description: 'mem/' },
    );
    const listed = await source.list();
    const tagged = {
      ...source,
      list: () => Promise.resolve(listed.map((file) => ({ ...file, etag: `"e-${file.name}"`, versionId: 'v1' }))),
    };
    const stats: TableStats[] = [];
    const result = await readExtract(tagged, {
      period: '2013-11',
      neededTables: new Set(),
      onTable: (s) => stats.push(s),
    });
    expect(result.inputs).toEqual([
      {
        key: 'mem/ssd_cin_plans.csv',
        size: Buffer.byteLength(content),
        sha256: createHash('sha256').update(content).digest('hex'),
        etag: '"e-ssd_cin_plans.csv"',
        versionId: 'v1',
      },
    ]);
    expect(stats).toEqual([{ table: 'ssd_cin_plans', rows: 1, file: 'ssd_cin_plans.csv' }]);
    expect(result.tables).toEqual(stats);
    expect(result.quality.warnings).toEqual([]); // notes.txt is simply ignored
  });

  it('accepts a table with a header and no rows as "no records", and matches file names in any case', async () => {
    const result = await read(
      { 'SSD_CP_PLANS.CSV': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\r\n' },
      { needed: new Set(['ssd_cp_plans']) },
    );
    expect(result.quality.errors).toEqual([]);
    expect(result.extract?.cpPlans).toEqual([]);
    expect(result.extract?.present).toEqual(['ssd_cp_plans']);
  });

  it('skips blank lines but keeps counting spreadsheet rows', async () => {
    const result = await read({
      'ssd_cin_plans.csv': csv('cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date', '', ',,', 'N1,C1,bad'),
    });
    expect(summarise(result.quality.errors)).toEqual([
      ['bad-date', 'ssd_cin_plans', 4, 'cinp_cin_plan_start_date', 'bad'],
    ]);
  });
});
