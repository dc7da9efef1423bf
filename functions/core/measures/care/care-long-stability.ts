/**
 * cla_long_term_stability_pct (docs/MEASURES.md, "Children in care"): DfE's long-term placement
 * stability (LAIT's LAC_LongStable%). Of the children in care at d, looked after continuously for
 * 2.5 years or more and aged under 16, those in the same placement for 2 years or more, or placed
 * for adoption (SSDA903 placement type A3–A6) where the adoptive placement together with the
 * placement just before it lasts 2 years or more.
 */
import { addMonths, addYears, isOpenAt } from '../../calendar';
import type { Placement } from '../../extract/care-records';
import type { Day, PersonKey } from '../../types';
import { atDays, PersonDayBits, type DaySet } from '../evaluation-days';
import type { ExtractIndex } from '../extract-index';
import { fractionTally, type SnapshotEvaluator } from '../tally';
import { carePeriods } from './care-periods';

/** 2.5 years in care, 2 years in the placement. */
const IN_CARE_MONTHS = 30;
const PLACEMENT_YEARS = 2;
const AGE_LIMIT = 16;

/** SSDA903 PLACE A3–A6: placed for adoption (with consent or a placement order, with or without the foster carers). */
export const isAdoptive = (type: string | null): boolean => type !== null && /^a[3-6]$/i.test(type.trim());

/**
 * The day from which a placement counts as lasting: its own start, or for an adoptive placement the start of the
 * child's placement just before it (the latest to start before it) when that one ran up to it (ended on or after
 * the adoptive one's start).
 */
function stableSince(placement: Placement, previous: Placement | undefined): Day {
  if (!isAdoptive(placement.type) || previous === undefined) return placement.start;
  const joined = previous.end === null || previous.end >= placement.start;
  return joined ? Math.min(previous.start, placement.start) : placement.start;
}

export function claLongTermStability(index: ExtractIndex, days: DaySet): SnapshotEvaluator {
  const { persons, care, claEpisodes } = index.extract;
  const births = index.extract.births ?? new Map<PersonKey, Day>();
  const due = new PersonDayBits(days, persons);
  for (const period of carePeriods(claEpisodes)) {
    const birth = births.get(period.person);
    if (birth === undefined) continue; // age not known: not counted
    for (let k = 0; k < days.size; k += 1) {
      const d = days.days[k];
      if (
        isOpenAt(period.start, period.end, d) &&
        period.start <= addMonths(d, -IN_CARE_MONTHS) &&
        d < addYears(birth, AGE_LIMIT)
      )
        due.markIndices(period.person, k, k + 1);
    }
  }
  const stable = new PersonDayBits(days, persons);
  const byChild = [...care.placements].sort((a, b) => a.person - b.person || a.start - b.start);
  byChild.forEach((placement, i) => {
    const before = i > 0 && byChild[i - 1].person === placement.person ? byChild[i - 1] : undefined;
    const since = stableSince(placement, before);
    for (let k = 0; k < days.size; k += 1) {
      const d = days.days[k];
      if (isOpenAt(placement.start, placement.end, d) && since <= addYears(d, -PLACEMENT_YEARS))
        stable.markIndices(placement.person, k, k + 1);
    }
  });
  const [denominators, numerators] = [due.countPerDay(), due.countPerDay(stable)];
  return atDays(days, (i) => fractionTally(numerators[i], denominators[i]));
}
