/**
 * Care leavers aged 19–21 (docs/MEASURES.md): the cohort at a day d and the three
 * percentages DfE publishes for it. DfE's rule (SSDA903; LAIT data dictionary, NoCareLeavers,
 * CareLeaverAcc, CareLeaverEET, CareLeavers_LA_NotInTouch): former relevant young people whose
 * 19th, 20th or 21st birthday falls in the year, their status on or around that birthday, leaving
 * out those who have died or returned home to parents for 6 months or more. The SSD keeps each
 * young person's latest status only (ssd_care_leavers), so the pack counts, at each month end,
 * the young people then aged 19, 20 or 21 with their latest recorded status.
 */
import { addYears } from '../calendar';
import { SUITABILITY_UNKNOWN_ACCOMMODATION, isEetActivity } from '../extract/care-leaver-codes';
import type { CareLeaver, Day } from '../types';
import { atDays, type DaySet } from './evaluation-days';
import type { ExtractIndex } from './extract-index';
import { fractionTally, type SnapshotEvaluator } from './tally';

/** In DfE's cohort at d: aged 19, 20 or 21, not recorded as other than former relevant, not died or returned home. */
export function inCohort(leaver: CareLeaver, day: Day): boolean {
  if (leaver.birth === null || leaver.formerRelevant === false) return false;
  if (leaver.inTouch === 'DIED' || leaver.inTouch === 'RHOM') return false;
  return addYears(leaver.birth, 19) <= day && day < addYears(leaver.birth, 22);
}

/** A percentage over the cohort at each day: `counts` says whether a leaver is in the denominator and the numerator. */
function overCohort(
  index: ExtractIndex,
  days: DaySet,
  counts: (leaver: CareLeaver) => { denominator: boolean; numerator: boolean },
): SnapshotEvaluator {
  const leavers = index.extract.careLeavers ?? [];
  return atDays(days, (i) => {
    const day = days.days[i];
    let numerator = 0;
    let denominator = 0;
    for (const leaver of leavers) {
      if (!inCohort(leaver, day)) continue;
      const counted = counts(leaver);
      if (!counted.denominator) continue;
      denominator += 1;
      if (counted.numerator) numerator += 1;
    }
    return fractionTally(numerator, denominator);
  });
}

/** care_leavers_in_touch_pct: in touch (YES) of the cohort. */
export const careLeaversInTouch = (index: ExtractIndex, days: DaySet): SnapshotEvaluator =>
  overCohort(index, days, (leaver) => ({ denominator: true, numerator: leaver.inTouch === 'YES' }));

/** care_leavers_suitable_accommodation_pct: suitable, of the cohort less gone abroad, deported, residence not known. */
export const careLeaversSuitable = (index: ExtractIndex, days: DaySet): SnapshotEvaluator =>
  overCohort(index, days, (leaver) => ({
    denominator: !SUITABILITY_UNKNOWN_ACCOMMODATION.includes(leaver.accommodation ?? ''),
    numerator: leaver.suitable === true,
  }));

/** care_leavers_eet_pct: in education, employment or training (activity F/P 1–5), of the cohort. */
export const careLeaversEet = (index: ExtractIndex, days: DaySet): SnapshotEvaluator =>
  overCohort(index, days, (leaver) => ({
    denominator: true,
    numerator: leaver.activity !== null && isEetActivity(leaver.activity),
  }));
