/**
 * The DuckDB baseline against a tiny hand-made extract whose expected numbers were
 * worked out by hand from docs/MEASURES.md (the working is in the comments), so the
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
import {
  HAND_WORKED_MONTHS_SHOWN,
  HAND_WORKED_PERIOD,
  HAND_WORKED_POPULATION,
  writeHandWorkedExtract,
} from './hand-worked-extract';

type Expected = [value: number | null, numerator: number | null, denominator: number | null];
/** Per indicator code: [priorYear, 2013-10, 2013-11, ytd]. */
const EXPECTED: Record<string, Expected[]> = {
  // Front door (hand-worked-extract.ts says what each row is for). Contacts: T1 | T3 | T5 | T2 T3 T5.
  Contacts: [
    [1, null, null],
    [1, null, null],
    [1, null, null],
    [3, null, null],
  ],
  // Referrals: R1 R3 R7 R8 | R5 R6 | R2 R4 | R2 R4 R5 R6.
  CPP_Total_NumRef: [
    [4, null, null],
    [2, null, null],
    [2, null, null],
    [4, null, null],
  ],
  CPP_Total_Rateper10000: [
    [5, 4, 8000],
    [1, 2, 20000],
    [1, 2, 20000],
    [2, 4, 20000],
  ],
  // Re-referrals: none in the prior year; R6 (10 days after R5); R2 (exactly 12 months after R1), not R4 (a day more).
  ReReferral: [
    [0, 0, 4],
    [50, 1, 2],
    [50, 1, 2],
    [50, 2, 4],
  ],
  // No further action: R5 in October, R4 in November.
  CIN_Refferals_NFA: [
    [0, 0, 4],
    [50, 1, 2],
    [50, 1, 2],
    [50, 2, 4],
  ],
  // Completed: A3 (43 working days) | A4 (0) | A7 (51, late) | A1 (45, on the deadline), A2 (46), A4, A7.
  Continue_Assess_Comp: [
    [100, 1, 1],
    [100, 1, 1],
    [0, 0, 1],
    [50, 2, 4],
  ],
  // Enquiries started: S1 | both S2 | S3 | S2 S2 S3 (S1 was in March); S4 undated.
  Section_47: [
    [1.25, 1, 8000],
    [1, 2, 20000],
    [0.5, 1, 20000],
    [1.5, 3, 20000],
  ],
  // Conferences: none in the prior year (S1's is on 22 April); H's 16 working days (late), K2's 15 | J's 9 |
  // S1's 15 (on the deadline), H's, K2's, J's.
  CP_conf_15days: [
    [null, 0, 0],
    [50, 1, 2],
    [100, 1, 1],
    [75, 3, 4],
  ],
  // Children in need (not NFA referrals): K2 at 03-31 (L2 closed that day); J K2 at 10-31; G J K2 at 11-30.
  CIN: [
    [1.25, 1, 8000],
    [1, 2, 20000],
    [1.5, 3, 20000],
    [1.5, 3, 20000],
  ],
  // Open at 03-31: P1 P2 P5 (children A B D); at 10-31: P1 P3 P4 P5 (A C D); at 11-30: P1 P3 (A).
  Op388: [
    [3, null, null],
    [3, null, null],
    [1, null, null],
    [1, null, null],
  ],
  // 2013-03-31 is in FY 2012/13: no 2012 population, so the latest earlier year (2011: 8,000) is used.
  OP388a: [
    [3.75, 3, 8000],
    [1.5, 3, 20000],
    [0.5, 1, 20000],
    [0.5, 1, 20000],
  ],
  // In care at 03-31: X V U; at 10-31: X Y Z V U; at 11-30: X Z V U.
  OP389a: [
    [3.75, 3, 8000],
    [2.5, 5, 20000],
    [2, 4, 20000],
    [2, 4, 20000],
  ],
  'OP 411': [
    [1, null, null],
    [1, null, null],
    [0, null, null],
    [2, null, null],
  ],
  'OP 413': [
    [2, null, null],
    [1, null, null],
    [2, null, null],
    [3, null, null],
  ],
  // Ended 2y+: P5 (2013-01-15 <= end) and P,7 (ends on its 2nd anniversary).
  HY64: [
    [50, 1, 2],
    [0, 0, 1],
    [50, 1, 2],
    [100 / 3, 1, 3],
  ],
  // Open 2y+ at 03-31: P5; at 10-31: P1 (since 2013-08-31) and P5; at 11-30: P1.
  Op64a: [
    [100 / 3, 1, 3],
    [50, 2, 4],
    [50, 1, 2],
    [50, 1, 2],
  ],
  // Starts: prior P6 (not a repeat); Oct P3 (repeat); Nov none (no value); YTD P3, P4 (prev 2).
  'Op 365': [
    [0, 0, 1],
    [100, 1, 1],
    [null, 0, 0],
    [100, 2, 2],
  ],
  Op421: [
    [1, null, null],
    [1, null, null],
    [0, null, null],
    [1, null, null],
  ],
  Op422: [
    [0, null, null],
    [1, null, null],
    [1, null, null],
    [2, null, null],
  ],
  // Due at 03-31: P1 P2 P5, all timely; at 10-31: P1 P4 P5 (P3 not yet due), P4 late; at 11-30: P1, late.
  Op367: [
    [100, 3, 3],
    [200 / 3, 2, 3],
    [0, 0, 1],
    [0, 0, 1],
  ],
  // CP visits, 28 days: prior B and D of A B D; Oct A of A C D; Nov A of A.
  OP380: [
    [200 / 3, 2, 3],
    [100 / 3, 1, 3],
    [100, 1, 1],
    [100, 1, 1],
  ],
  // CIN visits, 42 days: prior K of K (L too recent); Oct K (earliest start 01-01) not seen in (09-19, 10-31];
  // Nov K and M due, M seen.
  OP381: [
    [100, 1, 1],
    [0, 0, 1],
    [50, 1, 2],
    [50, 1, 2],
  ],
  // Children in care. Periods: X 2009-01-01..2010-04-30 and 2010-05-01..open (E5 inside it), Y 2013-10-31..
  // 2013-11-30, Z 2013-04-01..open. Started: prior none; Oct Y; Nov none; YTD Z and Y.
  LACnum_Start: [
    [0, null, null],
    [1, null, null],
    [0, null, null],
    [2, null, null],
  ],
  // Ceased: Y on 2013-11-30.
  LACceased: [
    [0, null, null],
    [0, null, null],
    [1, null, null],
    [1, null, null],
  ],
  // 3+ placements in the year to d. Prior (from 2012-04-01): X has L1, L2 (L3, L4 later) of X. Oct (from
  // 2012-11-01): X has L1, L2, L4 (L3 same-day); Y one (L8 starts after d); Z two → 1 of 3. Nov (from 2012-12-01):
  // L1 ended on that day, so X still has 3; Z two; Y left care → 1 of 2 (YTD is the Nov snapshot). V (LB only: LA
  // ended 2011-10-31) and U (LC, LD) have fewer than three in every year: 0 of 3, 1 of 5, 1 of 4.
  LACStable_2016on: [
    [0, 0, 3],
    [20, 1, 5],
    [25, 1, 4],
    [25, 1, 4],
  ],
  // Long-term stability: in care since addMonths(d, −30) or earlier and under 16. Prior (since 2010-09-30): X (since
  // 2010-05-01) V U; U stable (A5 since 2013-01-15 straight from LC, since 2010-01-01 ≤ 2011-03-31), X (L2 since
  // 2012-12-01) and V (LB since 2011-10-31) not → 1 of 3. Oct (since 2011-04-30; placement since 2011-10-31): X V U,
  // V stable on the day, U → 2 of 3 (Z, Y too recent). Nov: V turns 16 on d, so X U; U → 1 of 2.
  // (LAIT's code is LAC_LongStable%; a pack code holds no %.)
  LAC_LongStable: [
    [100 / 3, 1, 3],
    [200 / 3, 2, 3],
    [50, 1, 2],
    [50, 1, 2],
  ],
  // Care visits, 42 days. Prior (x = 2013-02-17): X due, not visited. Oct (x = 2013-09-19): X, Z due (Y came in on
  // 10-31); Z seen on 10-19. Nov: X seen, Z not (see hand-worked-extract.ts). V and U are due and never visited.
  CLA_Visits: [
    [0, 0, 3],
    [25, 1, 4],
    [25, 1, 4],
    [25, 1, 4],
  ],
  // Care reviews in the 12 months (d − 1 year, d]. The first review is due 20 working days after the start (looked up
  // for Z only: the others came into care 15 months or more before every d). X's review due 2012-11-17 (6 months
  // after 2012-05-17) was held on 2012-11-30: overdue on (11-17, 11-30], in the year to 03-31 and to 10-31 (late), not
  // in the year to 11-30, which starts 2012-12-01 (then X's 2013-05-30 on its due day and 2013-11-15 early: timely).
  // V was never reviewed (the one row is cancelled): late at every d. U: each review within 6 months of the last.
  // Z: due 2013-04-29 (Apr 2–5, 8–12, 15–19, 22–26, 29 = 20 working days after Easter Monday), held that day, the
  // second due and held 2013-07-29. Y: first due 2013-11-28, after 10-31, and Y left care on 11-30: never due.
  // Prior: U of X V U; Oct: U Z of X V U Z; Nov: X U Z of X V U Z.
  CLA_Reviews: [
    [100 / 3, 1, 3],
    [50, 2, 4],
    [75, 3, 4],
    [75, 3, 4],
  ],
  // Missing: X from 2013-10-30 to 11-02 (October and November); Y's on the day Y left care, Z away, W never in care.
  Children_missing: [
    [0, null, null],
    [1, null, null],
    [1, null, null],
    [1, null, null],
  ],
  // Cohort at 03-31: L2 L3 L6; at 10-31: L2 L6 (L3 is 22 that day); at 11-30: L1 L2 L6 (L1 is 19 that day).
  // In touch (YES, any case): L3 at 03-31, L1 at 11-30.
  CLInTouch: [
    [100 / 3, 1, 3],
    [0, 0, 2],
    [100 / 3, 1, 3],
    [100 / 3, 1, 3],
  ],
  // L2's residence is not known (R): out of the denominator. Suitable (1): L6, and L1 from 11-30; L3 unsuitable.
  CareLeaverAcc: [
    [50, 1, 2],
    [100, 1, 1],
    [100, 2, 2],
    [100, 2, 2],
  ],
  // EET: L3 (F5, as its description) at 03-31, L1 (F2) at 11-30; G4 and G5 are not.
  CareLeaverEET: [
    [100 / 3, 1, 3],
    [0, 0, 2],
    [100 / 3, 1, 3],
    [100 / 3, 1, 3],
  ],
};

describe('DuckDB baseline on a hand-worked extract', () => {
  let dir: string;
  let pack: BaselinePack;

  beforeAll(async () => {
    dir = writeHandWorkedExtract();
    const config = parsePackConfig({
      ...defaultPack,
      monthsShown: HAND_WORKED_MONTHS_SHOWN,
      population: HAND_WORKED_POPULATION,
    });
    pack = await duckdbPack(dir, config, HAND_WORKED_PERIOD);
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
      writeFileSync(
        path.join(bad, 'ssd_cp_plans.csv'),
        'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\nP1,A,31.08.2011\n',
      );
      await expect(duckdbPack(bad, parsePackConfig(defaultPack), '2013-11')).rejects.toThrow(/not a date/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
