/**
 * The builder lets its large lookups go as soon as the tables that use them have been read: the CIN episodes'
 * referral ids once both ssd_cp_plans and ssd_cin_episodes have (whichever came first: a workbook's sheets may be in
 * any order), or when the read ends.
 */
import { NO_EPISODE } from '../../../functions/core/extract/cin-episodes';
import { ExtractBuilder } from '../../../functions/core/extract/extract-builder';
import type { TableName } from '../../../functions/core/types';

function builderWithPlansAndEpisodes(): ExtractBuilder {
  const out = new ExtractBuilder();
  const plan = (id: string, referral: string | null) =>
    out.addCpPlan(
      { id, person: out.person('C1'), start: 0, end: 10, previousPlans: null, transferOut: null, row: 2 },
      referral,
      false,
    );
  plan('P1', 'R2');
  plan('P2', null);
  plan('P3', 'R9'); // no episode has it
  for (const referral of ['R1', 'R2'])
    out.cinEpisodes.add({ referral, person: out.person('C1'), start: 0, close: null, nfa: false, rc5: false });
  return out;
}

const episodes = (out: ExtractBuilder) => out.cpPlans.map((plan) => plan.episode);

describe("the plans' CIN episodes", () => {
  it.each<[string, TableName[]]>([
    ['plans read first', ['ssd_cp_plans', 'ssd_cin_episodes']],
    ['episodes read first', ['ssd_cin_episodes', 'ssd_cp_plans']],
  ])('are found once both tables are read (%s), and the referral ids let go then', (_order, tables) => {
    const out = builderWithPlansAndEpisodes();
    out.tableRead(tables[0]);
    expect(episodes(out)).toEqual([NO_EPISODE, NO_EPISODE, NO_EPISODE]);
    expect(out.cinEpisodes.referralIds.size).toBe(2);
    out.tableRead(tables[1]);
    expect(episodes(out)).toEqual([1, NO_EPISODE, NO_EPISODE]);
    expect(out.cinEpisodes.referralIds.size).toBe(0);
    out.build();
    expect(episodes(out)).toEqual([1, NO_EPISODE, NO_EPISODE]);
  });

  it('are found when the read ends, if a table was never read to its end', () => {
    const out = builderWithPlansAndEpisodes();
    out.tableRead('ssd_cin_episodes');
    out.build();
    expect(episodes(out)).toEqual([1, NO_EPISODE, NO_EPISODE]);
    expect(out.cinEpisodes.referralIds.size).toBe(0);
  });
});
