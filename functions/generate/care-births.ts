/**
 * The generator's dates of birth for children in care: an ssd_person row (pers_dob) for each
 * child of the block's care episodes, for the measures that need a child's age (long-term
 * placement stability: under 16). Drawn from a stream of its own after every other family, so
 * every earlier row is unchanged (ssd_person gains rows after the care leavers'). A child comes
 * into care at any age from birth to 17, most often as a baby or a teenager, and is under 18
 * throughout their time in care (the generator's periods last at most 12 years).
 */
import { addYears, isoFromDay } from '../core/calendar';
import type { Day } from '../core/types';
import type { Block } from './block';
import { periodsOf } from './care-history';

const STREAM_SALT = 0xb127;
/** Age in whole years at the first entry into care: [weight, [min, max]]. */
const ENTRY_AGE: ReadonlyArray<readonly [number, [number, number]]> = [
  [20, [0, 0]],
  [20, [1, 4]],
  [20, [5, 9]],
  [30, [10, 15]],
  [10, [16, 17]],
];

export function careBirthFamily(block: Block): void {
  const random = block.stream(STREAM_SALT);
  // Each child's first entry into care and the last day they are in care (the month's end while still in care).
  const spans = new Map<string, { first: Day; last: Day }>();
  for (const period of periodsOf(block)) {
    const last = period.end ?? block.end;
    const span = spans.get(period.person);
    if (span === undefined) spans.set(period.person, { first: period.start, last });
    else spans.set(period.person, { first: Math.min(span.first, period.start), last: Math.max(span.last, last) });
  }
  for (const [person, { first, last }] of spans) {
    const [min, max] = random.weighted(ENTRY_AGE);
    // Born a random day within the year of age drawn, but never 18 or more while in care (nor born after entry).
    const drawn = addYears(first, -random.int(min, max)) - random.int(0, 364);
    const birth = Math.min(first, Math.max(drawn, addYears(last, -18) + 1));
    block.out.add('ssd_person', { pers_person_id: person, pers_dob: isoFromDay(birth) });
  }
}
