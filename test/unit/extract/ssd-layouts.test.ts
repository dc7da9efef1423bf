/**
 * The real SSD layouts (docs/EXTRACT-SSD.md): the SystemC/Eclipse column set with its
 * nulls, the Mosaic variants, other authorities' plans, transfers out. Each fixture is
 * small and its expected records are worked out from the rules in that document.
 */
import { UNQUOTED_EXPORT_HINT } from '../../../functions/core/extract/limits';
import { TRANSFER_OUT_FROM_CIN_EPISODES, TRANSFER_OUT_UNKNOWN } from '../../../functions/core/extract/transfer-out';
import { csv, day, read, summarise } from './helpers';

// SystemC ssd_cp_plans (procs/ssd_cp_plans.sql): no previous-plans count, no transfer-out flag.
const SYSTEMC_PLANS = csv(
  'cppl_cp_plan_id,cppl_referral_id,cppl_icpc_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,' +
    'cppl_cp_plan_ola,cppl_cp_plan_initial_category,cppl_cp_plan_latest_category',
  'P1,R1,I1,C1,2013-04-02 14:30:00.000,2013-11-10 00:00:00.000,N,Neglect,Neglect',
  'P2,NULL,I2,C2,2013-05-01 00:00:00.000,2013-11-20 00:00:00.000,N,Neglect,NULL',
  'P3,R3,I3,C3,2013-06-01 00:00:00.000,NULL,Y,Neglect,NULL',
  'P4,R4,I4,C4,2013-06-01 00:00:00.000,2013-11-05 00:00:00.000,NULL,Neglect,NULL',
);

describe('SystemC layout', () => {
  it('reads the real column set; OLA plans and what is linked to them are excluded and counted', async () => {
    const result = await read({
      'ssd_cp_plans.csv': SYSTEMC_PLANS,
      'ssd_initial_cp_conference.csv': csv('icpc_icpc_id,icpc_cp_plan_id,icpc_icpc_transfer_in', 'X1,P1,N', 'X3,P3,Y'),
      'ssd_cp_visits.csv': csv(
        'cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date,' +
          'cppv_cp_visit_seen,cppv_cp_visit_seen_alone',
        'V1,C1,P1,2013-11-01 10:00:00.000,Y,N',
        'V2,C3,P3,2013-11-02 10:00:00.000,Y,NULL',
        'V3,C1,P1,NULL,Y,NULL',
        'V4,C2,NULL,NULL,NULL,NULL',
      ),
    });
    expect(result.quality.errors).toEqual([]);
    const extract = result.extract!;
    // P3 is OLA: gone, with its conference X3 and its visit V2; P4's null OLA flag means N.
    expect(extract.cpPlans.map((p) => p.id)).toEqual(['P1', 'P2', 'P4']);
    expect(extract.initialConferences.map((c) => c.planId)).toEqual(['P1']);
    expect(extract.cpVisits.length).toBe(1);
    expect(Array.from(extract.cpVisits.day)).toEqual([day('2013-11-01')]);
    expect((result.quality.info ?? []).map((n) => n.message)).toContain(
      '1 CP plan of other local authorities (cppl_cp_plan_ola = Y) excluded from every CP measure, ' +
        'with 1 initial conference, 0 reviews and 1 visit linked to them',
    );
    // No cppl_number_of_previous_cp_plans: the data-quality section says where repeats are counted from.
    expect((result.quality.info ?? []).find((n) => n.kind === 'cp-repeat-basis')?.message).toMatch(
      /^Repeat plans are counted from earlier CP plans of the same child in this extract.*6 years/,
    );
    // V3 and V4 have no date: counted in one warning.
    expect(result.quality.warnings.map((w) => w.message)).toContain('2 CP visits have no date and were not counted');
    // No flag and no ssd_cin_episodes: transfers out cannot be known.
    expect(extract.cpPlans.map((p) => p.transferOut)).toEqual([null, null, null]);
    expect(extract.unknown).toEqual({ cpTransferOut: TRANSFER_OUT_UNKNOWN });
    expect(extract.basis.cpRepeat).toMatch(
      /^earlier CP plans of the same child in this extract, whose plans start from 2013-04-02/,
    );
  });

  it('links a review with no plan id to the plan open on its date, or counts it as unlinked', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(
        'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date',
        'P1,C1,2013-01-01,2013-06-30',
        'P2,C1,2013-08-01,',
        'P3,C2,2013-01-01,',
        'P4,C2,2013-02-01,',
      ),
      'ssd_cp_reviews.csv': csv(
        'cppr_cp_review_id,cppr_person_id,cppr_cp_plan_id,cppr_cp_review_due,cppr_cp_review_date',
        'W1,C1,NULL,2013-04-01,2013-03-25', // P1 open: linked
        'W2,C1,,2013-07-01,2013-06-30', // the day P1 ends: still P1 (a review may end the plan)
        'W3,C1,,2013-07-01,2013-07-15', // between P1 and P2: no plan open
        'W4,C2,,2013-04-01,2013-03-01', // P3 and P4 both open: ambiguous
        'W5,C9,P2,2013-11-01,2013-10-30', // has its plan id: used as given
      ),
    });
    expect(result.quality.errors).toEqual([]);
    expect(result.extract!.cpReviews.map((r) => [r.planId, r.row])).toEqual([
      ['P1', 2],
      ['P1', 3],
      ['P2', 6],
    ]);
    expect(summarise(result.quality.warnings).filter((w) => w[0] === 'unlinked-review')).toEqual([
      ['unlinked-review', 'ssd_cp_reviews', 4, 'cppr_cp_plan_id', null],
      ['unlinked-review', 'ssd_cp_reviews', 5, 'cppr_cp_plan_id', null],
    ]);
    expect(result.quality.warnings.find((w) => w.row === 5)?.message).toMatch(/had 2 CP plans open on 2013-03-01/);
  });

  it('reviews with or without plan ids, placements naming the child or only its care period: file order', async () => {
    const result = await read({
      'ssd_cp_plans.csv': csv(
        'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date',
        'P1,C1,2013-01-01,',
        'P2,C2,2013-01-01,',
      ),
      'ssd_cp_reviews.csv': csv(
        'cppr_cp_review_id,cppr_person_id,cppr_cp_plan_id,cppr_cp_review_due,cppr_cp_review_date',
        'W1,C2,P2,2013-04-01,2013-03-20', // row 2: its plan id
        'W2,C1,,2013-04-01,2013-03-21', // row 3: no plan id, C1's P1 open
        'W3,C1,P1,2013-07-01,2013-06-20', // row 4: its plan id
        'W4,C2,,2013-07-01,2013-06-21', // row 5: no plan id, C2's P2 open
      ),
      'ssd_cla_episodes.csv': csv(
        'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id',
        'E1,C1,2013-01-01,,L1',
      ),
      'ssd_cla_placement.csv': csv(
        'clap_cla_placement_id,clap_person_id,clap_cla_id,clap_cla_placement_start_date,clap_cla_placement_end_date,' +
          'clap_cla_placement_type',
        'L-P1,,L1,2013-01-01,2013-03-01,U1', // row 2: the child through its period of care L1 (C1)
        'L-P2,C1,L1,2013-03-01,,U2', // row 3: names the child
        'L-P3,,L9,2013-04-01,,U3', // row 4: a period of care no episode has: not counted, warned
      ),
    });
    expect(result.quality.errors).toEqual([]);
    const extract = result.extract!;
    expect(extract.cpReviews.map((r) => [r.planId, r.row])).toEqual([
      ['P2', 2],
      ['P1', 3],
      ['P1', 4],
      ['P2', 5],
    ]);
    const c1 = extract.cpPlans[0].person;
    expect(extract.care.placements.map((p) => [p.person, p.type, p.row])).toEqual([
      [c1, 'U1', 2],
      [c1, 'U2', 3],
    ]);
    expect(summarise(result.quality.warnings).filter((w) => w[0] === 'unlinked-placement')).toEqual([
      ['unlinked-placement', 'ssd_cla_placement', null, 'clap_cla_id', null],
    ]);
  });

  it('transfer out from ssd_cin_episodes: RC5 by referral id, else by the child and the end date', async () => {
    const result = await read({
      'ssd_cp_plans.csv': SYSTEMC_PLANS,
      'ssd_cin_episodes.csv': csv(
        'cine_referral_id,cine_person_id,cine_referral_date,cine_referral_outcome_json,' +
          'cine_close_reason,cine_close_date',
        'R1,C1,2013-03-01,"{""OUTCOME_NFA_FLAG"": ""N""}",RC5,2013-11-10', // P1's referral: RC5
        'R9,C2,2013-04-01,NULL,RC5 - Transferred to services of another local authority,2013-11-20', // P2 by person
        'R4,C4,2013-05-01,NULL,RC1,2013-11-05', // P4: closed, not a transfer
      ),
    });
    expect(result.quality.errors).toEqual([]);
    expect(result.extract!.cpPlans.map((p) => [p.id, p.transferOut])).toEqual([
      ['P1', true],
      ['P2', true],
      ['P4', false],
    ]);
    expect(result.extract!.unknown).toEqual({});
    expect(result.extract!.basis.cpTransferOut).toBe(TRANSFER_OUT_FROM_CIN_EPISODES);
  });

  it('an ended plan matching no CIN episode is unknown and warned about; the local flag wins', async () => {
    const episodes = csv('cine_referral_id,cine_person_id,cine_close_reason,cine_close_date', 'R1,C1,RC5,2013-11-10');
    const plans = csv(
      'cppl_cp_plan_id,cppl_referral_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date',
      'P1,R1,C1,2013-04-02,2013-11-10',
      'P2,R2,C2,2013-05-01,2013-11-20',
    );
    const derived = await read({ 'ssd_cp_plans.csv': plans, 'ssd_cin_episodes.csv': episodes });
    expect(derived.extract!.cpPlans.map((p) => p.transferOut)).toEqual([true, null]);
    expect(summarise(derived.quality.warnings)).toEqual([
      ['unmatched-cin-episode', 'ssd_cp_plans', 3, 'cppl_referral_id', 'R2'],
    ]);
    const flagged = await read({
      'ssd_cp_plans.csv': csv(
        'cppl_cp_plan_id,cppl_referral_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,' +
          'cppl_cp_plan_transfer_out',
        'P1,R1,C1,2013-04-02,2013-11-10,N',
        'P2,R2,C2,2013-05-01,2013-11-20,',
      ),
      'ssd_cin_episodes.csv': episodes,
    });
    expect(flagged.extract!.cpPlans.map((p) => p.transferOut)).toEqual([false, false]);
    expect(flagged.extract!.basis.cpTransferOut).toBeUndefined();
  });

  it('other SSD tables in the folder are one info line, a misspelt table is still a warning', async () => {
    const result = await read({
      'ssd_cp_plans.csv': SYSTEMC_PLANS,
      'ssd_address.csv': csv('addr_person_id', 'C1'),
      'ssd_family.csv': csv('fami_person_id', 'C1'),
      'ssd_cp_plan.csv': csv('x'),
    });
    expect((result.quality.info ?? []).map((n) => n.message)).toContain(
      'other SSD tables in the extract, not needed and not read: ssd_address.csv, ssd_family.csv',
    );
    expect(summarise(result.quality.warnings)).toEqual([['unknown-file', null, null, null, 'ssd_cp_plan.csv']]);
  });
});

describe('Mosaic layout', () => {
  it('reads cin_plan_id, links CP visits by plan and CIN visits by referral; reviews have no person', async () => {
    const result = await read({
      'ssd_cp_plans.csv': SYSTEMC_PLANS,
      'ssd_cp_visits.csv': csv(
        'cppv_cp_visit_id,cppv_cp_plan_id,cppv_cp_visit_date,cppv_cp_visit_seen',
        'V1,P1,2013-11-01 00:00:00.000,Y',
        'V2,P3,2013-11-01 00:00:00.000,Y', // OLA plan: dropped
        'V3,P9,2013-11-01 00:00:00.000,Y', // no such plan: unlinked
      ),
      'ssd_cp_reviews.csv': csv(
        'cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_due,cppr_cp_review_date',
        '1,P1,2013-07-02,2013-07-01',
        '2,NULL,2013-07-02,2013-07-01', // no plan id and no person column: unlinked
      ),
      'ssd_cin_plans.csv': csv(
        'cin_plan_id,cinp_referral_id,cinp_person_id,cinp_cin_plan_start_date,cinp_cin_plan_end_date',
        'N1,F1,K1,2013-09-01,NULL',
      ),
      'ssd_cin_visits.csv': csv(
        'cinv_cin_visit_id,cinv_cin_plan_id,cinv_cin_visit_date,cinv_cin_visit_seen',
        'Z1,F1,2013-10-01,Y',
        'Z2,F2,2013-10-02,Y', // a referral with no CIN plan: unlinked
      ),
    });
    expect(result.quality.errors).toEqual([]);
    const extract = result.extract!;
    expect(extract.cinPlans.map((p) => p.row)).toEqual([2]); // N1
    // V1 belongs to P1's child C1 (the first person seen); Z1 to K1.
    const c1 = extract.cpPlans[0].person;
    expect(Array.from(extract.cpVisits.person)).toEqual([c1]);
    expect(Array.from(extract.cinVisits.person)).toEqual([extract.cinPlans[0].person]);
    expect(extract.cpReviews.map((r) => r.planId)).toEqual(['P1']);
    const messages = result.quality.warnings.map((w) => w.message);
    expect(messages).toContain('1 CP visit names no child, directly or through cppv_cp_plan_id, and was not counted');
    expect(messages).toContain('1 CIN visit names no child, directly or through cinv_cin_plan_id, and was not counted');
    expect((result.quality.info ?? []).map((n) => n.message)).toContain(
      "columns read under another layout's name: ssd_cin_plans.cin_plan_id (mosaic) as cinp_cin_plan_id",
    );
  });
});

describe('structural faults still stop the run', () => {
  it('a visit table with no way to link its rows to a child; a visit table with no date column', async () => {
    const result = await read({
      'ssd_cp_visits.csv': csv('cppv_cp_visit_id,cppv_cp_visit_date', 'V1,2013-11-01'),
      'ssd_cin_visits.csv': csv('cinv_person_id,cinv_cin_visit_seen', 'K1,Y'),
    });
    expect(summarise(result.quality.errors)).toEqual([
      ['missing-column', 'ssd_cp_visits', 1, 'cppv_person_id / cppv_cp_plan_id', null],
      ['missing-column', 'ssd_cin_visits', 1, 'cinv_cin_visit_date', null],
    ]);
    expect(result.extract).toBeNull();
  });
});

describe('an export without quoting', () => {
  it('a few extra fields: says the file was probably exported without quoting', async () => {
    const result = await read({
      'ssd_cin_episodes.csv': csv(
        'cine_referral_id,cine_person_id,cine_referral_outcome_json',
        'R1,C1,{"a": "N", "b": "Y"}',
      ),
    });
    expect(result.quality.errors.map((e) => e.message)).toEqual([
      `not valid CSV: this record has 4 fields where the header has 3: ${UNQUOTED_EXPORT_HINT}`,
    ]);
  });

  it('more fields than the column limit: the same plain reason', async () => {
    const json = Array.from({ length: 1_100 }, (_, i) => `"k${i}": "N"`).join(', ');
    const result = await read({
      'ssd_cin_episodes.csv': csv('cine_referral_id,cine_person_id,cine_referral_outcome_json', `R1,C1,{${json}}`),
    });
    expect(result.quality.errors.map((e) => e.message)).toEqual([
      'memory:ssd_cin_episodes.csv: row 2 has more than 1,000 columns (the limit); reading stopped: ' +
        UNQUOTED_EXPORT_HINT,
    ]);
  });
});
