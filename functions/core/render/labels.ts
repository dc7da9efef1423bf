/** Month labels every renderer shares. */
import { monthName, parsePeriod } from '../calendar';
import type { Period } from '../types';

/** `2013-06` → `Jun-13`, the seed's column label. */
export function monthLabel(period: Period): string {
  return `${monthName(period).slice(0, 3)}-${String(parsePeriod(period).year % 100).padStart(2, '0')}`;
}

/** `2013-11` → `November 2013`. */
export function monthTitle(period: Period): string {
  return `${monthName(period)} ${parsePeriod(period).year}`;
}
