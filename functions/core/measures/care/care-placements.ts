/**
 * cla_placements_3plus_pct (docs/MEASURES.md, "Children in care"): of the children in care at
 * d, those with three or more placements in the year to d. DfE (LAIT's LACStable_2016on): "all
 * placements of 24 hours or more … during the year are counted", including those already open
 * at the year's start and those still open at its end. The year to d is the twelve months
 * (addYears(d, −1), d], so at 31 March it is DfE's 1 April to 31 March.
 */
import { addYears } from '../../calendar';
import type { Placement } from '../../extract/care-records';
import { atDays, PersonDayBits, type DaySet } from '../evaluation-days';
import type { ExtractIndex } from '../extract-index';
import { fractionTally, type SnapshotEvaluator } from '../tally';
import { carePeriods } from './care-periods';

const THREE = 3;

/** A placement of 24 hours or more: it ended on a later day than it started, or is open. */
export const lastsADay = (placement: Placement): boolean => placement.end === null || placement.end > placement.start;

/** Children in care at each day of the set (any open period of care). */
export function inCareAt(index: ExtractIndex, days: DaySet): PersonDayBits {
  const inCare = new PersonDayBits(days, index.extract.persons);
  for (const period of carePeriods(index.extract.claEpisodes))
    inCare.mark(period.person, period.start, period.end ?? Infinity);
  return inCare;
}

export function claThreePlacements(index: ExtractIndex, days: DaySet): SnapshotEvaluator {
  const { persons, care } = index.extract;
  const yearStarts = Array.from(days.days, (d) => addYears(d, -1) + 1);
  const counted = care.placements.filter(lastsADay).sort((a, b) => a.person - b.person);
  const three = new PersonDayBits(days, persons);
  const perDay = new Int32Array(days.size);
  counted.forEach((placement, i) => {
    for (let k = 0; k < days.size; k += 1)
      if (placement.start <= days.days[k] && (placement.end === null || placement.end >= yearStarts[k])) perDay[k] += 1;
    if (i + 1 < counted.length && counted[i + 1].person === placement.person) return;
    // The child's last placement: mark the days with three or more, and start afresh.
    for (let k = 0; k < days.size; k += 1) if (perDay[k] >= THREE) three.markIndices(placement.person, k, k + 1);
    perDay.fill(0);
  });
  const inCare = inCareAt(index, days);
  const [denominators, numerators] = [inCare.countPerDay(), inCare.countPerDay(three)];
  return atDays(days, (i) => fractionTally(numerators[i], denominators[i]));
}
