/**
 * The generator's care histories beyond the episodes: each care episode's placements, care
 * reviews, statutory visits and missing episodes (ssd_cla_placement, ssd_cla_reviews,
 * ssd_cla_visits, ssd_missing). Every generated episode is a whole period of care (care-
 * episodes.ts, child-protection.ts); this family reads the block's episode rows back, so the
 * earlier families and their random draws are untouched, and draws from a stream of its own.
 * In the SSD layouts it fills the episodes' period-of-care id (clae_cla_id, written NULL
 * before), which Mosaic's placements link through.
 */
import { addMonths, dayFromIso, isoFromDay } from '../core/calendar';
import type { Day } from '../core/types';
import { type Block, HISTORY_YEARS } from './block';
import { headerOf, LAYOUT_COLUMNS } from './layouts';
import type { Random } from './random';

const SALT = 0xca7e;

interface Period {
  claId: string;
  person: string;
  start: Day;
  end: Day | null;
}

/** A cell of an episode row as the layout wrote it, back to a day ('2013-04-01 00:00:00.000' or NULL/''). */
function dayOf(cell: string): Day | null {
  return cell === '' || cell === 'NULL' ? null : dayFromIso(cell.slice(0, 10));
}

/**
 * The block's care episodes (each a period of care), with clae_cla_id filled where the layout has it (the same id
 * each time, so a later family may read them again).
 */
export function periodsOf(block: Block): Period[] {
  const headers = (LAYOUT_COLUMNS[block.out.layout].ssd_cla_episodes ?? []).map(headerOf);
  const at = (name: string) => headers.indexOf(name);
  const [id, person, start, end, claId] = [
    at('clae_cla_episode_id'),
    at('clae_person_id'),
    at('clae_cla_episode_start_date'),
    at('clae_cla_episode_ceased_date'),
    at('clae_cla_id'),
  ];
  return (block.out.rows.ssd_cla_episodes ?? []).map((row) => {
    const period = {
      claId: `${row[id]}-C`,
      person: row[person],
      start: dayOf(row[start]) ?? block.end,
      end: dayOf(row[end]),
    };
    if (claId >= 0) row[claId] = period.claId;
    return period;
  });
}

export function careHistoryFamily(block: Block): void {
  const random = block.stream(SALT);
  // Reviews and visits over the years the pack's history covers, not a child's whole 15 years in care.
  const from = addMonths(block.end, -12 * HISTORY_YEARS) + 1;
  for (const period of periodsOf(block)) {
    placements(block, random, period);
    reviews(block, random, period, from);
    visits(block, random, period, from);
    missing(block, random, period);
  }
}

const iso = (day: Day | null): string => (day === null ? '' : isoFromDay(day));

/** A day `min`..`max` days after `day`. */
const after = (random: Random, day: Day, [min, max]: readonly [number, number]) => day + random.int(min, max);

function placements(block: Block, random: Random, period: Period): void {
  const last = period.end ?? block.end;
  // Most children settle: a long placement is likelier the longer they have been in care.
  let start = period.start;
  for (let i = 0; start <= last; i += 1) {
    const months = random.weighted<[number, number]>(
      i === 0
        ? [
            [45, [0.2, 4]],
            [25, [4, 18]],
            [30, [18, 120]],
          ]
        : [
            [25, [0.5, 6]],
            [25, [6, 24]],
            [50, [24, 150]],
          ],
    );
    const end = start + Math.max(1, Math.round(months[0] * 30.44 + random.next() * (months[1] - months[0]) * 30.44));
    // The last placement ends with the period of care (or is open while it is).
    const placementEnd = end < last ? end : period.end;
    block.out.add('ssd_cla_placement', {
      clap_cla_placement_id: block.newId('PL'),
      clap_cla_id: period.claId,
      clap_person_id: period.person,
      clap_cla_placement_start_date: isoFromDay(start),
      clap_cla_placement_end_date: iso(placementEnd),
      clap_cla_placement_type: random.weighted([
        [70, 'U4'],
        [10, 'U1'],
        [10, 'K2'],
        [5, 'P1'],
        [5, 'H5'],
      ]),
    });
    if (placementEnd === null || placementEnd >= last) break;
    start = placementEnd;
  }
}

function reviews(block: Block, random: Random, period: Period, from: Day): void {
  const last = period.end === null ? block.end : period.end - 1;
  // First within about 20 working days, the second 3 months on, then every 6 months; now and then late.
  let day = after(random, period.start, random.chance(0.9) ? [5, 27] : [29, 45]);
  for (let i = 0; day <= last; i += 1) {
    if (day >= from)
      block.out.add('ssd_cla_reviews', {
        clar_cla_review_id: block.newId('CLR'),
        clar_cla_id: period.claId,
        clar_cla_person_id: period.person,
        clar_cla_review_date: isoFromDay(day),
        clar_cla_review_cancelled: 'N',
      });
    const months = i === 0 ? 3 : 6;
    const due = addMonths(day, months);
    day = random.chance(0.9) ? after(random, due, [-25, 0]) : after(random, due, [1, 40]);
  }
}

function visits(block: Block, random: Random, period: Period, from: Day): void {
  const last = period.end === null ? block.end : period.end - 1;
  // Within a week of the placement, then at most six weeks apart; sometimes later.
  let day = after(random, period.start, [1, 7]);
  while (day <= last) {
    const seen = !random.chance(0.03);
    if (day >= from)
      block.out.add('ssd_cla_visits', {
        clav_cla_visit_id: block.newId('CLV'),
        clav_cla_id: period.claId,
        clav_person_id: period.person,
        clav_cla_visit_date: isoFromDay(day),
        clav_cla_visit_seen: seen ? 'Y' : 'N',
      });
    day = seen ? after(random, day, random.chance(0.9) ? [14, 42] : [43, 70]) : after(random, day, [1, 5]);
  }
}

function missing(block: Block, random: Random, period: Period): void {
  const last = period.end ?? block.end;
  // Each year in care, about one child in twelve goes missing, often more than once.
  for (let year = period.start; year <= last; year = addMonths(year, 12)) {
    if (!random.chance(0.085)) continue;
    const episodes = random.weighted([
      [50, 1],
      [30, 2],
      [20, 4],
    ]);
    for (let i = 0; i < episodes; i += 1) {
      const start = random.int(year, Math.min(addMonths(year, 12) - 1, last));
      const end =
        start +
        random.weighted([
          [60, 0],
          [30, 1],
          [10, 4],
        ]);
      block.out.add('ssd_missing', {
        miss_table_id: block.newId('MIS'),
        miss_person_id: period.person,
        miss_missing_episode_start_date: isoFromDay(start),
        miss_missing_episode_end_date: end > block.end ? '' : isoFromDay(end),
        miss_missing_episode_type: random.chance(0.8) ? 'Missing' : 'Absent',
      });
    }
  }
}
