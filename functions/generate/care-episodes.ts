/** The generator's care episodes (ssd_cla_episodes). */
import { isoFromDay } from '../core/calendar';
import type { Day } from '../core/types';
import type { Block } from './block';

// Care episodes last years, so their history reaches further back to fill the ~500 in care.
const CLA_HISTORY_YEARS = 15;
const CLA_STARTS_PER_YEAR = 130;

export function careEpisodeFamily(block: Block): void {
  for (const start of block.startDays(CLA_STARTS_PER_YEAR, CLA_HISTORY_YEARS))
    claEpisode(block, block.newPerson(), start);
}

/** A care episode; about one child in ten comes back into care later. */
export function claEpisode(block: Block, person: string, start: Day): void {
  const { random } = block;
  const months = random.weighted<[number, number]>([
    [40, [1, 12]],
    [45, [12, 60]],
    [15, [60, 180]],
  ]);
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
