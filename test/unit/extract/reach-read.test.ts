/**
 * The reader with a reach (extract/pruning.ts, docs/EXTRACT.md "Rows before the pack's reach"), worked by hand:
 * a dated row before its table's reach is validated and counted but not kept; a row on the reach day is kept;
 * undated and unseen rows are counted exactly as without a reach; a table given no reach keeps every row.
 */
import { csv, day, read } from './helpers';

const visits = csv(
  'cppv_person_id,cppv_cp_visit_date,cppv_cp_visit_seen,cppv_cp_plan_id',
  'C1,2013-03-03,Y,P1', // the day before the reach: counted, not kept
  'C1,2013-03-04,Y,P1', // the reach day itself: kept
  'C1,,Y,P1', // undated: counted as undated, as without a reach
  'C1,2013-01-10,N,P1', // unseen: counted as unseen, never pruned
  'C1,2013-11-20,Y,P1',
);
const contacts = csv(
  'cont_contact_id,cont_person_id,cont_contact_date',
  'T1,C1,2012-03-31', // the day before 1 Apr 2012: not kept
  'T2,C1,2012-04-01',
  'T3,C2,2012-03-01', // not kept
  'T4,C2,2012-03-02', // not kept
);
const plans = csv('cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date', 'P1,C1,2012-06-01,');
const reach = { ssd_cp_visits: day('2013-03-04'), ssd_contacts: day('2012-04-01') };

describe('reading with a reach', () => {
  it('keeps visits from the reach day on; counts the earlier ones and says so', async () => {
    const result = await read({ 'ssd_cp_plans.csv': plans, 'ssd_cp_visits.csv': visits }, { reach });
    const extract = result.extract!;
    expect(Array.from(extract.cpVisits.day.subarray(0, extract.cpVisits.length))).toEqual([
      day('2013-03-04'),
      day('2013-11-20'),
    ]);
    expect(extract.cpVisits.unseenRows).toBe(1);
    expect(extract.pruned?.ssd_cp_visits).toEqual({ before: day('2013-03-04'), rows: 1, latest: day('2013-03-03') });
    const info = (result.quality.info ?? []).filter((line) => line.kind === 'rows-before-reach');
    expect(info.map((line) => line.message)).toEqual([
      expect.stringMatching(/^1 CP visit dated before 2013-03-04, earlier than any window the pack shows, was checked/),
    ]);
    expect(result.quality.warnings.map((w) => w.kind)).toContain('undated-visit');
  });

  it('keeps contacts from the first day of the earliest window', async () => {
    const result = await read({ 'ssd_contacts.csv': contacts }, { reach });
    expect(Array.from(result.extract!.frontDoor.contacts)).toEqual([day('2012-04-01')]);
    expect(result.extract!.pruned?.ssd_contacts).toEqual({
      before: day('2012-04-01'),
      rows: 3,
      latest: day('2012-03-31'),
    });
  });

  it('still validates a row before the reach: a bad or duplicate value there is an error', async () => {
    const bad = csv('cont_contact_id,cont_person_id,cont_contact_date', 'T1,C1,2011-02-30', 'T1,C1,2011-03-01');
    const result = await read({ 'ssd_contacts.csv': bad }, { reach });
    expect(result.extract).toBeNull();
    expect(result.quality.errors.map((e) => [e.kind, e.row])).toEqual([
      ['bad-date', 2],
      ['duplicate-id', 3],
    ]);
  });

  it('without a reach every dated row is kept and nothing is recorded as pruned', async () => {
    const result = await read({ 'ssd_contacts.csv': contacts });
    expect(result.extract!.frontDoor.contacts).toHaveLength(4);
    expect(result.extract!.pruned).toBeUndefined();
  });
});
