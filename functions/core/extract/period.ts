import { isoFromDay, isPeriod, periodLastDay, periodOfDay, previousPeriod } from '../calendar';
import { UsageError, UserError } from '../errors';
import type { Day, Period } from '../types';

/**
 * The last day of a reporting month `YYYY-MM`; a UserError (not a RangeError) when the text is not one, as it comes
 * from the user.
 */
export function periodEnd(period: Period): Day {
  if (!isPeriod(period)) throw new UserError(`invalid reporting period "${period}": expected YYYY-MM, e.g. 2013-11`);
  return periodLastDay(period);
}

/**
 * Refuses a month that has not ended on `today` (the caller's calendar date, in London for the council): its pack
 * would count the visits and reviews still to come as missed — a plausible, wrong, Red pack.
 */
export function assertMonthEnded(period: Period, today: Day): void {
  const end = periodEnd(period);
  if (today > end) return;
  throw new UsageError(
    `${period} has not ended (today is ${isoFromDay(today)}); ` +
      `a pack can be made for ${previousPeriod(periodOfDay(today))} or earlier`,
  );
}
