/**
 * What the extract can say about CP plans beyond their dates (docs/EXTRACT-SSD.md):
 *
 * Transfer out. The SSD has no transfer-out column on ssd_cp_plans (data/objects/
 * ssd_cp_plans.yml). In order: an authority's own cppl_cp_plan_transfer_out column wins;
 * else a plan that ended is a transfer out when its CIN episode closed with reason RC5
 * ("Transferred to services of another local authority", the CIN census code: data/
 * objects/ssd_cin_episodes.yml, cine_close_reason), the episode found by cppl_referral_id =
 * cine_referral_id, or, when the plan has no referral id, as the child's one episode open
 * on the plan's end date; else it cannot be known (null) and the reason is given.
 *
 * Repeat plans. The SSD has no cppl_number_of_previous_cp_plans either: a repeat is then
 * a plan of a child with an earlier plan in the extract, which reaches back only as far as
 * the SSD's window (@ssd_timeframe_years = 6 by default, procs/ssd_cp_plans.sql).
 */
import { isoFromDay } from '../calendar';
import { NO_DAY, type CpPlan, type PersonKey } from '../types';
import { NO_EPISODE, type CinEpisodes } from './cin-episodes';
import type { RawCpPlan, RawExtract } from './extract-builder';
import type { ProblemCollector } from './problems';

export const TRANSFER_OUT_UNKNOWN =
  'the extract has neither a cppl_cp_plan_transfer_out column in ssd_cp_plans nor the table ssd_cin_episodes ' +
  '(whose close reason RC5 marks a transfer to another local authority), so transfers out cannot be known';

export const TRANSFER_OUT_FROM_CIN_EPISODES =
  'a CP plan that ended is a transfer out when its CIN episode in ssd_cin_episodes (cppl_referral_id = ' +
  "cine_referral_id; when the plan has no referral id, the child's episode open on the plan's end date) " +
  'closed with reason RC5, transferred to the services of another local authority (CIN census code)';

/** cine_close_reason RC5, as a code or as the code with its description ("RC5 - Transferred ..."). */
export function isRc5(reason: string | null): boolean {
  return reason !== null && /^RC5(?![0-9])/i.test(reason.trim());
}

/** Whether episode i is open on the day (an episode with no referral date is open from ever before). */
function openAt(episodes: CinEpisodes, i: number, day: number): boolean {
  const { start, close } = episodes;
  return (start[i] === NO_DAY || start[i] <= day) && (close[i] === NO_DAY || close[i] >= day);
}

/**
 * The episodes (row indexes) of the children of those plans that have no referral id, by child:
 * only theirs, as a national table has far more children with episodes than such plans.
 */
function episodesOfChildren(episodes: CinEpisodes, plans: readonly RawCpPlan[]): Map<PersonKey, number[]> {
  const byPerson = new Map<PersonKey, number[]>();
  for (const { plan, referral } of plans) if (referral === null) byPerson.set(plan.person, []);
  if (byPerson.size > 0) for (let i = 0; i < episodes.length; i += 1) byPerson.get(episodes.person[i])?.push(i);
  return byPerson;
}

export interface TransfersOut {
  plans: CpPlan[];
  /** Why transfers out cannot be known, or null. */
  unknown: string | null;
  /** How they were known when not from the plan's own column, or null. */
  basis: string | null;
}

export function resolveTransfersOut(
  raw: RawExtract,
  ours: readonly RawCpPlan[],
  problems: ProblemCollector,
): TransfersOut {
  if (raw.columnsPresent.ssd_cp_plans?.includes('cppl_cp_plan_transfer_out') === true)
    return { plans: ours.map((p) => p.plan), unknown: null, basis: null };
  if (raw.columnsPresent.ssd_cin_episodes === undefined)
    return { plans: ours.map((p) => ({ ...p.plan, transferOut: null })), unknown: TRANSFER_OUT_UNKNOWN, basis: null };

  const episodes = raw.cinEpisodes;
  const ended = ours.filter(({ plan }) => plan.end !== null);
  const byPerson = episodesOfChildren(episodes, ended);
  /** The plan's CIN episode (its row index): by referral id, else the child's one episode open at the plan's end. */
  const episodeOf = ({ plan, referral, episode }: RawCpPlan, end: number): number | undefined => {
    if (referral !== null) return episode === NO_EPISODE ? undefined : episode;
    const open = (byPerson.get(plan.person) ?? []).filter((i) => openAt(episodes, i, end));
    return open.length === 1 ? open[0] : undefined;
  };
  let unmatched = 0;
  let first: { plan: CpPlan; referral: string | null } | null = null;
  const plans: CpPlan[] = [];
  for (const raw of ours) {
    const { plan, referral } = raw;
    const end = plan.end;
    const episode = end === null ? undefined : episodeOf(raw, end);
    if (end === null) plans.push({ ...plan, transferOut: false });
    else if (episode === undefined) {
      unmatched += 1;
      first ??= { plan, referral };
      plans.push({ ...plan, transferOut: null });
    } else plans.push({ ...plan, transferOut: episodes.close[episode] !== NO_DAY && episodes.rc5[episode] === 1 });
  }
  if (first !== null)
    problems.warning({
      kind: 'unmatched-cin-episode',
      table: 'ssd_cp_plans',
      row: first.plan.row,
      column: 'cppl_referral_id',
      value: first.referral,
      message:
        `${unmatched.toLocaleString('en-GB')} ended CP plan${unmatched === 1 ? '' : 's'} (the first on this row, ` +
        `ended ${first.plan.end === null ? '' : isoFromDay(first.plan.end)}) matched no single CIN episode in ` +
        'ssd_cin_episodes: whether they were transfers out is unknown, and they are not counted as such',
    });
  return { plans, unknown: null, basis: TRANSFER_OUT_FROM_CIN_EPISODES };
}

/** The repeat-plan basis when the extract has no count of previous plans, or null. */
export function repeatBasis(raw: RawExtract, ours: readonly RawCpPlan[]): string | null {
  if (raw.columnsPresent.ssd_cp_plans?.includes('cppl_number_of_previous_cp_plans') === true) return null;
  let earliest = Infinity;
  for (const { plan } of ours) if (plan.start < earliest) earliest = plan.start;
  const from = Number.isFinite(earliest) ? `, whose plans start from ${isoFromDay(earliest)}` : '';
  return (
    `earlier CP plans of the same child in this extract${from} (the SSD holds 6 years by default, ` +
    '@ssd_timeframe_years = 6): a plan before that, or in another authority, is not seen'
  );
}
