import { UserError } from '../errors';
import type { Day, Period } from '../types';
import { dayFromCivil, daysInMonth } from './values';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The last day of a reporting month `YYYY-MM`. */
export function periodEnd(period: Period): Day {
  const match = PERIOD.exec(period);
  if (!match) throw new UserError(`invalid reporting period "${period}": expected YYYY-MM, e.g. 2013-11`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  return dayFromCivil(year, month, daysInMonth(year, month));
}
