/**
 * The DuckDB baseline against a tiny hand-made extract whose expected numbers were
 * worked out by hand from indicators.md (the working is in the comments), so the
 * baseline can be trusted as an independent check of the pipeline.
 *
 * Period 2013-11, two months shown. Columns:
 *   priorYear  d = 2013-03-31, flow [2012-04-01, 2013-03-31]
 *   2013-10    d = 2013-10-31, flow [2013-10-01, 2013-10-31]
 *   2013-11    d = 2013-11-30, flow [2013-11-01, 2013-11-30]
 *   ytd        d = 2013-11-30, flow [2013-04-01, 2013-11-30]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import defaultPack from '../../functions/core/config/default-pack.json';
import { parsePackConfig } from '../../functions/core/config/pack-config';
import { duckdbPack, type BaselinePack } from '../../bench/duckdb-baseline';

const FILES: Record<string, string> = {
  // Header names in odd case/spacing and a BOM: names match case-insensitively after trimming.
  // P1 A 2011-08-31 open, prev missing (A's first plan). P2 B 29/02/2012 (UK form) ended 2013-10-15, out=Yes.
  // P3 A 2013-10-03 open, prev missing but A has the earlier P1: a repeat. P4 C 2013-04-10..2013-11-05, prev 2.
  // P5 D 2011-01-15..2013-11-20, out=true, ended after 2 years. P6 B 2012-06-01..2012-09-01, prev 0 (given, so
  // not a repeat although B had P2 earlier). "P,7" F 2011-03-31..2013-03-31: ends on the prior-year date, so
  // not open then, and ends exactly 2 years after its start.
  'ssd_cp_plans.csv':
    '\uFEFFCPPL_CP_PLAN_ID, CPPL_Person_ID ,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_number_of_previous_cp_plans,cppl_cp_plan_transfer_out,cppl_cp_plan_initial_category\n' +
    'P1,A,2011-08-31,,NULL,,NEG\n' +
    'P2,B,29/02/2012,2013-10-15,0,Yes,NEG\n' +
    'P3,A,2013-10-03 09:15:00,,,,EMO\n' +
    'P4,C,2013-04-10,2013-11-05,2,N,NEG\n' +
    'P5,D,2011-01-15,20/11/2013 14:00,,true,PHY\n' +
    'P6,B,2012-06-01,2012-09-01,0,,NEG\n' +
    '"P,7",F,2011-03-31,2013-03-31T00:00:00,,NULL,SAB\n',
  // P3 has a Y row and an N row (any Y makes it a transfer-in); P6 via "1"; a row without plan id is ignored.
  'ssd_initial_cp_conference.csv':
    'icpc_cp_plan_id,icpc_icpc_transfer_in,icpc_icpc_date\n' + 'P3,y,2013-10-03\n' + 'P3,N,2013-10-03\n' + 'P6,1,2012-06-01\n' + ',Y,2013-01-01\n' + 'P4,,2013-04-10\n',
  'ssd_cp_reviews.csv':
    'cppr_cp_plan_id,cppr_cp_review_date,cppr_cp_review_due\n' +
    // P1: due 2011-11-30 (31 Aug + 3 months, clamped), then every 6 months, met until 2013-05-30; next due
    // 2013-11-30 with no review by then (2013-12-01 is after d): timely at 2013-03-31 and 2013-10-31, late at 2013-11-30.
    'P1,2011-11-30,\n' + 'P1,2012-05-30,\n' + 'P1,2012-11-30,\n' + 'P1,2013-05-30,\n' + 'P1,2013-12-01,\n' +
    // P2: due 2012-05-29 met on the day, then due 2012-11-29 met on 2012-11-20 (with a time), next due 2013-05-20.
    'P2,2012-05-29,\n' + 'P2,2012-11-20 10:30:00,\n' +
    // P4: due 2013-07-10, first review 2013-07-11: late. The review on its start date is not after the start.
    'P4,2013-04-10,\n' + 'P4,2013-07-11,\n' +
    // P5: 2011-04-15, 2011-10-14, 2012-04-14, 2012-10-01, 2013-03-30, 2013-09-30 (twice), each within 6 months
    // of the one before; a row with no review date is not held.
    'P5,2011-04-15,\n' + 'P5,2011-10-14,\n' + 'P5,2012-04-14,\n' + 'P5,2012-10-01,\n' + 'P5,2013-03-30,\n' + 'P5,2013-09-30,\n' + 'P5,30/09/2013,\n' + 'P5,,2014-03-30\n' +
    'PX,2013-10-01,\n',
  'ssd_cp_visits.csv':
    'cppv_person_id,cppv_cp_visit_date,cppv_cp_visit_seen,cppv_cp_plan_id\n' +
    // Prior year, window (2013-03-03, 2013-03-31]: A on the excluded boundary and unseen; B and D seen.
    'A,2013-03-03,Y,P1\n' + 'A,2013-03-31,N,P1\n' + 'B,2013-03-04,,P2\n' + 'D,2013-03-31,Yes,P5\n' +
    // October, window (2013-10-03, 2013-10-31]: A seen on the 31st; C only on the excluded boundary; D after.
    'A,2013-10-04,0,P1\n' + 'A,2013-10-31,y,P1\n' + 'C,2013-10-03,Y,P4\n' + 'D,2013-11-01,Y,P5\n' + 'Q,2013-10-10,Y,\n' +
    // November, window (2013-11-02, 2013-11-30]: A seen (NULL = missing = seen); boundary and future visits don't count.
    'A,2013-11-02,Y,P1\n' + 'A,2013-11-15,NULL,P3\n' + 'A,2013-12-01,Y,P3\n',
  // K: 2013-01-01 open and 2013-09-25 open (earliest start counts); L 2013-03-01..2013-10-20; M 2013-10-01 open.
  'ssd_cin_plans.csv':
    'cinp_cin_plan_id,cinp_person_id,cinp_cin_plan_start_date,cinp_cin_plan_end_date\n' +
    'C1,K,2013-01-01,\n' + 'C2,L,2013-03-01,2013-10-20\n' + 'C3,K,2013-09-25,\n' + 'C4,M,2013-10-01,\n',
  'ssd_cin_visits.csv':
    'cinv_person_id,cinv_cin_visit_date,cinv_cin_visit_seen\n' +
    'K,2013-03-31,\n' + 'K,2013-09-19,Y\n' + 'K,2013-10-20,N\n' + 'M,2013-10-20,Y\n',
  // The SSD's other name for the ceased date. X has two open episodes; Y's ends on 2013-11-30 (not open then).
  'ssd_cla_episodes.csv':
    'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased\n' +
    'E1,X,2010-05-01,\n' + 'E2,X,2009-01-01,2010-04-30\n' + 'E3,Y,2013-10-31,2013-11-30\n' + 'E4,Z,2013-04-01,NULL\n' + 'E5,X,2012-01-01,\n',
};

type Expected = [value: number | null, numerator: number | null, denominator: number | null];
/** Per indicator code: [priorYear, 2013-10, 2013-11, ytd]. */
const EXPECTED: Record<string, Expected[]> = {
  // Open at 03-31: P1 P2 P5 (children A B D); at 10-31: P1 P3 P4 P5 (A C D); at 11-30: P1 P3 (A).
  Op388: [[3, null, null], [3, null, null], [1, null, null], [1, null, null]],
  // 2013-03-31 is in FY 2012/13: no 2012 population, so the latest earlier year (2011: 8,000) is used.
  OP388a: [[3.75, 3, 8000], [1.5, 3, 20000], [0.5, 1, 20000], [0.5, 1, 20000]],
  // In care at 03-31: X; at 10-31: X Y Z; at 11-30: X Z.
  OP389a: [[1.25, 1, 8000], [1.5, 3, 20000], [1, 2, 20000], [1, 2, 20000]],
  'OP 411': [[1, null, null], [1, null, null], [0, null, null], [2, null, null]],
  'OP 413': [[2, null, null], [1, null, null], [2, null, null], [3, null, null]],
  // Ended 2y+: P5 (2013-01-15 <= end) and P,7 (ends on its 2nd anniversary).
  HY64: [[50, 1, 2], [0, 0, 1], [50, 1, 2], [100 / 3, 1, 3]],
  // Open 2y+ at 03-31: P5; at 10-31: P1 (since 2013-08-31) and P5; at 11-30: P1.
  Op64a: [[100 / 3, 1, 3], [50, 2, 4], [50, 1, 2], [50, 1, 2]],
  // Starts: prior P6 (not a repeat); Oct P3 (repeat); Nov none (no value); YTD P3, P4 (prev 2).
  'Op 365': [[0, 0, 1], [100, 1, 1], [null, 0, 0], [100, 2, 2]],
  Op421: [[1, null, null], [1, null, null], [0, null, null], [1, null, null]],
  Op422: [[0, null, null], [1, null, null], [1, null, null], [2, null, null]],
  // Due at 03-31: P1 P2 P5, all timely; at 10-31: P1 P4 P5 (P3 not yet due), P4 late; at 11-30: P1, late.
  Op367: [[100, 3, 3], [200 / 3, 2, 3], [0, 0, 1], [0, 0, 1]],
  // CP visits, 28 days: prior B and D of A B D; Oct A of A C D; Nov A of A.
  OP380: [[200 / 3, 2, 3], [100 / 3, 1, 3], [100, 1, 1], [100, 1, 1]],
  // CIN visits, 42 days: prior K of K (L too recent); Oct K (earliest start 01-01) not seen in (09-19, 10-31];
  // Nov K and M due, M seen.
  OP381: [[100, 1, 1], [0, 0, 1], [50, 1, 2], [50, 1, 2]],
};

describe('DuckDB baseline on a hand-worked extract', () => {
  let dir: string;
  let pack: BaselinePack;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'duckdb-baseline-'));
    for (const [name, content] of Object.entries(FILES)) writeFileSync(path.join(dir, name), content);
    const config = parsePackConfig({ ...defaultPack, monthsShown: 2, population: { '2011': 8000, '2013': 20000 } });
    pack = await duckdbPack(dir, config, '2013-11');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the months ending at the period', () => {
    expect(pack.months).toEqual(['2013-10', '2013-11']);
  });

  it.each(Object.entries(EXPECTED))('computes %s as worked by hand', (code, expected) => {
    const indicator = pack.indicators.find((i) => i.code === code);
    expect(indicator).toBeDefined();
    const cells = [indicator!.priorYear, ...indicator!.months, indicator!.ytd];
    const actual = cells.map((c): Expected => [c.value, c.numerator, c.denominator]);
    expected.forEach(([value, numerator, denominator], i) => {
      expect([actual[i][1], actual[i][2]]).toEqual([numerator, denominator]);
      if (value === null) expect(actual[i][0]).toBeNull();
      else expect(actual[i][0]).toBeCloseTo(value, 9);
    });
  });

  it('covers every indicator of the default pack', () => {
    expect(pack.indicators.map((i) => i.code).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('refuses a value that is not a date', async () => {
    const bad = mkdtempSync(path.join(os.tmpdir(), 'duckdb-baseline-bad-'));
    try {
      writeFileSync(path.join(bad, 'ssd_cp_plans.csv'), 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\nP1,A,31.08.2011\n');
      await expect(duckdbPack(bad, parsePackConfig(defaultPack), '2013-11')).rejects.toThrow(/not a date/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
