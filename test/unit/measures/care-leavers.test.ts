/**
 * Care leavers aged 19–21 (docs/MEASURES.md): the cohort's age rule at the birthdays, and the
 * SSDA903 codes read as codes or as descriptions. The percentages themselves are worked by
 * hand on test/crosscheck/hand-worked-extract.ts (both the pipeline and DuckDB).
 */
import { dayFromIso } from '../../../functions/core/calendar';
import { ACTIVITY_DESCRIPTIONS, codeOf, inTouchCode } from '../../../functions/core/extract/care-leaver-codes';
import { inCohort } from '../../../functions/core/measures/care-leavers';
import type { CareLeaver } from '../../../functions/core/types';

const leaver = (birth: string, overrides: Partial<CareLeaver> = {}): CareLeaver => ({
  person: 0,
  birth: dayFromIso(birth),
  formerRelevant: true,
  inTouch: 'YES',
  accommodation: 'U',
  suitable: true,
  activity: 'F2',
  row: 2,
  ...overrides,
});

describe('the 19–21 cohort at d', () => {
  it('starts on the 19th birthday and ends on the 22nd', () => {
    // Born 2013-11-30 minus 19 years: 19 on 2013-11-30 itself, 18 the day before.
    expect(inCohort(leaver('1994-11-30'), dayFromIso('2013-11-29'))).toBe(false);
    expect(inCohort(leaver('1994-11-30'), dayFromIso('2013-11-30'))).toBe(true);
    // 22 on 2013-10-31: still 21 on the 30th, out on the 31st.
    expect(inCohort(leaver('1991-10-31'), dayFromIso('2013-10-30'))).toBe(true);
    expect(inCohort(leaver('1991-10-31'), dayFromIso('2013-10-31'))).toBe(false);
  });

  it('takes a 29 February birthday as 28 February in other years', () => {
    // 19 on 2011-02-28 (2011 has no 29th); 22 on 2014-02-28.
    expect(inCohort(leaver('1992-02-29'), dayFromIso('2011-02-27'))).toBe(false);
    expect(inCohort(leaver('1992-02-29'), dayFromIso('2011-02-28'))).toBe(true);
    expect(inCohort(leaver('1992-02-29'), dayFromIso('2014-02-27'))).toBe(true);
    expect(inCohort(leaver('1992-02-29'), dayFromIso('2014-02-28'))).toBe(false);
  });

  it('leaves out the dead, those returned home, other eligibilities and those with no date of birth', () => {
    const d = dayFromIso('2013-11-30');
    expect(inCohort(leaver('1993-01-01', { inTouch: 'DIED' }), d)).toBe(false);
    expect(inCohort(leaver('1993-01-01', { inTouch: 'RHOM' }), d)).toBe(false);
    expect(inCohort(leaver('1993-01-01', { formerRelevant: false }), d)).toBe(false);
    expect(inCohort({ ...leaver('1993-01-01'), birth: null }, d)).toBe(false);
    // Not recorded: counted (the eligibility column is read when present).
    expect(inCohort(leaver('1993-01-01', { formerRelevant: null, inTouch: null }), d)).toBe(true);
  });
});

describe('SSDA903 codes as the SSD writes them', () => {
  it('reads a code or its description, the longest description first', () => {
    expect(codeOf('f5', ACTIVITY_DESCRIPTIONS)).toBe('F5');
    expect(
      codeOf('Young person engaged full time in training or employment (not apprenticeship)', ACTIVITY_DESCRIPTIONS),
    ).toBe('F5');
    expect(codeOf('Young person engaged full  time in training or employment', ACTIVITY_DESCRIPTIONS)).toBe('F3');
    expect(codeOf('Looking for work', ACTIVITY_DESCRIPTIONS)).toBeNull();
    expect(codeOf(null, ACTIVITY_DESCRIPTIONS)).toBeNull();
  });

  it('reads the in-touch code in any case, and nothing else', () => {
    expect(inTouchCode(' yes ')).toBe('YES');
    expect(inTouchCode('Yes - in touch')).toBeNull();
  });
});
