/**
 * Whether an extract reaches the end of the month a pack is made for. An extract taken
 * before the month ended, or last month's upload left in place, reads cleanly but gives
 * a plausible, wrong pack: visits and reviews that happened after its last record count
 * as missed (0% timely, Red). So the latest activity recorded anywhere in the extract
 * must come near the month's end.
 *
 * What counts as activity, per table (the dates a case system writes as work happens):
 *   - ssd_cp_plans, ssd_cin_plans: plan start and end dates;
 *   - ssd_cla_episodes: episode start and ceased dates;
 *   - ssd_cp_reviews: the dates reviews were held (not their due dates, which are naturally in the future);
 *   - ssd_cp_visits, ssd_cin_visits: the dates of visits (the reader keeps seen visits only; unseen ones are a few
 *     per cent and never the only activity of a week);
 *   - ssd_initial_cp_conference: not counted — the reader keeps no conference date, and an initial conference comes
 *     with a plan start that is counted.
 * An extract whose latest activity is long AFTER the month is fine: a rerun of an old month on a newer extract.
 */
import { isoFromDay, monthName, partsOfDay, periodLastDay, periodOfDay } from '../calendar';
import type { Day, Extract, Period, Problem } from '../types';

/**
 * How many days before the month's last day the extract's latest activity may be: 7. Every authority records visits,
 * reviews or plan changes on most working days (each child on a plan is visited at least every few weeks, so even a
 * small authority's 30 children give several visits a week); a whole week with none at the month's end means the
 * extract stops before the month does. A week still allows a long bank-holiday weekend (Christmas to New Year has at
 * most four non-working days in a row) and a few days' lag in recording visits. The issue's example — the 2013-11
 * extract (latest record 2 December) for a 2014-03 pack — is 119 days short.
 */
export const STALE_EXTRACT_DAYS = 7;

function later(latest: Day | null, day: Day | null): Day | null {
  if (day === null) return latest;
  return latest === null || day > latest ? day : latest;
}

/** The latest activity date in the extract (see the list above); null when it holds no dated record at all. */
export function latestActivity(extract: Extract): Day | null {
  let latest: Day | null = null;
  for (const spans of [extract.cpPlans, extract.cinPlans, extract.claEpisodes])
    for (const record of spans) latest = later(later(latest, record.start), record.end);
  for (const review of extract.cpReviews) latest = later(latest, review.date);
  for (const visits of [extract.cpVisits, extract.cinVisits])
    for (let i = 0; i < visits.length; i++) latest = later(latest, visits.day[i]);
  // Visits read but not kept, being before the pack's reach (pruning.ts), were activity all the same.
  for (const table of ['ssd_cp_visits', 'ssd_cin_visits'] as const)
    latest = later(latest, extract.pruned?.[table]?.latest ?? null);
  return latest;
}

/** "31 March 2014". */
function longDate(day: Day): string {
  const { year, day: dom } = partsOfDay(day);
  return `${dom} ${monthName(periodOfDay(day))} ${year}`;
}

/** An error when the extract's latest activity is more than STALE_EXTRACT_DAYS before the month's end; else null. */
export function coverageProblem(extract: Extract, period: Period): Problem | null {
  const monthEnd = periodLastDay(period);
  const latest = latestActivity(extract);
  if (latest !== null && latest >= monthEnd - STALE_EXTRACT_DAYS) return null;
  const found =
    latest === null ? 'the extract holds no dated record' : `the extract's latest record is ${isoFromDay(latest)}`;
  return {
    kind: 'extract-too-old',
    table: null,
    row: null,
    column: null,
    value: latest === null ? null : isoFromDay(latest),
    message:
      `${found}; a pack for ${period} needs data to ${longDate(monthEnd)} — is this the right folder? ` +
      `(the latest record must be at most ${STALE_EXTRACT_DAYS} days before the month's end)`,
  };
}
