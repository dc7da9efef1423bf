import { isPeriod, periodLastDay } from '../calendar';
import { UserError } from '../errors';
import type { Day, Period } from '../types';

/**
 * The last day of a reporting month `YYYY-MM`; a UserError (not a RangeError) when the text is not one, as it comes
 * from the user.
 */
export function periodEnd(period: Period): Day {
  if (!isPeriod(period)) throw new UserError(`invalid reporting period "${period}": expected YYYY-MM, e.g. 2013-11`);
  return periodLastDay(period);
}
