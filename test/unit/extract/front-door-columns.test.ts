/**
 * The front door's large tables as columns (front-door-types.ts, extract/cin-episodes.ts):
 * what the reader keeps of ssd_cin_episodes, ssd_cin_assessments and ssd_contacts, row by
 * row, worked out from docs/EXTRACT-SSD.md ("Front door"), with NO_DAY for a missing date.
 */
import { NO_DAY } from '../../../functions/core/types';
import { csv, day, read } from './helpers';

describe('front door columns', () => {
  it('keeps dated referrals in file order with their child, close (NO_DAY: open) and NFA flag', async () => {
    const result = await read({
      'ssd_cin_episodes.csv': csv(
        'cine_referral_id,cine_person_id,cine_referral_date,cine_referral_nfa,cine_close_reason,cine_close_date',
        'R1,C1,2013-01-10,N,RC7,2013-02-01',
        'R2,C2,,N,,', // undated: no referral (a note says so)
        'R3,C2,1969-12-31,Y,,', // the day before day 0: a real date, not "none"
        'R4,C1,2013-05-05,,RC5,2013-06-30', // empty NFA reads as N
      ),
    });
    const referrals = result.extract!.frontDoor.referrals;
    // C1 is the first person read (key 0), C2 the second (key 1).
    expect(referrals.length).toBe(3);
    expect(Array.from(referrals.person)).toEqual([0, 1, 0]);
    expect(Array.from(referrals.date)).toEqual([day('2013-01-10'), -1, day('2013-05-05')]);
    expect(Array.from(referrals.close)).toEqual([day('2013-02-01'), NO_DAY, day('2013-06-30')]);
    expect(Array.from(referrals.nfa)).toEqual([0, 1, 0]);
    expect((result.quality.info ?? []).map((n) => n.kind)).toContain('undated-referral');
  });

  it('keeps dated assessments; an authorisation before the start or none is NO_DAY (not completed)', async () => {
    const result = await read({
      'ssd_cin_assessments.csv': csv(
        'cina_assessment_id,cina_person_id,cina_assessment_start_date,cina_assessment_auth_date',
        'A1,C1,2013-01-31,2013-04-08',
        'A2,C1,,2013-04-08', // no start: not kept
        'A3,C2,2013-09-01,1900-01-01 00:00:00.000', // SystemC's "no end date"
        'A4,C2,2013-11-05,',
        'A5,C3,1900-01-01,1900-01-01', // the same day as its start: completed on it
      ),
    });
    const { assessments } = result.extract!.frontDoor;
    expect(assessments.length).toBe(4);
    expect(Array.from(assessments.start)).toEqual([
      day('2013-01-31'),
      day('2013-09-01'),
      day('2013-11-05'),
      day('1900-01-01'),
    ]);
    expect(Array.from(assessments.completed)).toEqual([day('2013-04-08'), NO_DAY, NO_DAY, -25567]);
    expect((result.quality.info ?? []).map((n) => n.kind)).toContain('assessment-auth-before-start');
  });

  it('keeps the date of every dated contact, in file order', async () => {
    const result = await read({
      'ssd_contacts.csv': csv(
        'cont_contact_id,cont_person_id,cont_contact_date',
        'T1,C1,2013-10-31',
        'T2,C1,',
        'T3,C2,2013-04-01',
      ),
    });
    expect(Array.from(result.extract!.frontDoor.contacts)).toEqual([day('2013-10-31'), day('2013-04-01')]);
  });

  it('a plan with no referral id: the child episode open at its end (an undated one: open ever before)', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(
        'cppl_cp_plan_id,cppl_referral_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date',
        'P1,,C1,2013-01-01,2013-06-30',
        'P2,,C2,2013-01-01,2013-06-30',
      ),
      'ssd_cin_episodes.csv': csv(
        'cine_referral_id,cine_person_id,cine_referral_date,cine_close_reason,cine_close_date',
        'R1,C1,,RC5,2013-07-01', // undated, closed after P1's end by transfer: P1's episode
        'R2,C2,2012-01-01,RC5,2012-12-31', // closed before P2 ended: not open at its end
        'R3,C2,2013-02-01,RC1,2013-06-30', // open on P2's end day (closed that day): P2's, not a transfer
      ),
    });
    expect(result.extract!.cpPlans.map((p) => [p.id, p.transferOut])).toEqual([
      ['P1', true],
      ['P2', false],
    ]);
  });

  it('links each conference to its enquiry by id, and by the child where an id names several', async () => {
    const result = await read({
      'ssd_initial_cp_conference.csv': csv(
        'icpc_cp_plan_id,icpc_icpc_transfer_in,icpc_icpc_date,icpc_s47_enquiry_id,icpc_person_id',
        ',N,2013-10-20,S1,C1', // S1 has one enquiry
        ',N,2013-10-21,S2,C3', // S2 names two children's enquiries: C3's
        ',N,2013-10-22,S2,', // S2 and no child: ambiguous, not linked
        ',N,2013-10-23,S9,C1', // no such enquiry
        ',N,2013-10-24,S3,C1', // S3 is undated
        ',N,2013-10-01,S1,C1', // before S1 started
        ',Y,2013-10-25,S1,C1', // transferred in: left out
      ),
      'ssd_s47_enquiry.csv': csv(
        's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date',
        'S1,C1,2013-10-10',
        'S2,C2,2013-10-11',
        'S2,C3,2013-10-12',
        'S3,C1,',
      ),
    });
    const frontDoor = result.extract!.frontDoor;
    expect(Array.from(frontDoor.s47Starts)).toEqual([day('2013-10-10'), day('2013-10-11'), day('2013-10-12')]);
    expect(frontDoor.conferences.map((c) => [c.date, c.s47Start, c.row])).toEqual([
      [day('2013-10-20'), day('2013-10-10'), 2],
      [day('2013-10-21'), day('2013-10-12'), 3],
    ]);
    const warnings = result.quality.warnings;
    expect(warnings.find((w) => w.kind === 'unlinked-conference')?.message).toMatch(/^3 initial conferences name/);
    expect(warnings.find((w) => w.kind === 'conference-before-enquiry')).toMatchObject({ row: 7 });
  });
});
