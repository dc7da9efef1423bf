/** The generator's care episodes (ssd_cla_episodes). */
import { isoFromDay } from '../core/calendar';
import type { Day } from '../core/types';
import type { Block } from './block';

/*
 * England, 2013/14 (SSDA903, DfE's "Children looked after in England year ending 31 March
 * 2014"): 68,840 children looked after at 31 March 2014, 60 per 10,000 children aged 0–17
 * (LAIT's LAC, 2015/16: 60 too), and about 30,400 starting to be looked after in the year,
 * 26.5 per 10,000. For 57,600 children: about 345 in care and 150 starts a year, of which
 * these fresh episodes are about 125 (the rest come after a CP plan or a return to care), with
 * a mean stay of a little over two years. Care episodes last years, so their history reaches
 * further back than the CP plans'.
 */
const CLA_HISTORY_YEARS = 15;
const CLA_STARTS_PER_YEAR = 120;
/** An episode's length in months: [weight, [min, max]]. */
const CLA_EPISODE_MONTHS: ReadonlyArray<readonly [number, [number, number]]> = [
  [45, [1, 12]],
  [42, [12, 48]],
  [12, [48, 144]],
];

export function careEpisodeFamily(block: Block): void {
  for (const start of block.startDays(CLA_STARTS_PER_YEAR, CLA_HISTORY_YEARS))
    claEpisode(block, block.newPerson(), start);
}

/** A care episode; about one child in ten comes back into care later. */
export function claEpisode(block: Block, person: string, start: Day): void {
  const { random } = block;
  const months = random.weighted(CLA_EPISODE_MONTHS);
  const end = block.endAfter(start, months[0] + random.next() * (months[1] - months[0]));
  block.out.add('ssd_cla_episodes', {
    clae_cla_episode_id: block.newId('CLA'),
    clae_person_id: person,
    clae_cla_episode_start_date: isoFromDay(start),
    clae_cla_episode_ceased_date: end === null ? '' : isoFromDay(end),
  });
  if (end !== null && end + 60 < block.end && random.chance(0.1))
    claEpisode(block, person, random.int(end + 30, Math.min(end + 720, block.end)));
}
