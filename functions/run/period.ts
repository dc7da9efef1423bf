/**
 * Which month a scheduled run reports on: the calendar month before the scheduled time
 * as a clock in London reads it (GMT in winter, BST in summer), so a retried or late
 * invocation still reports the month it was scheduled for.
 */
import { dayFromParts, previousPeriod, periodOf } from '../core/calendar';
import type { Day, Period } from '../core/types';

const londonMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/** The calendar month (`YYYY-MM`) that `instant` falls in, in Europe/London. */
export function londonPeriodOf(instant: Date): Period {
  let year = 0;
  let month = 0;
  for (const part of londonMonth.formatToParts(instant)) {
    if (part.type === 'year') year = Number(part.value);
    if (part.type === 'month') month = Number(part.value);
  }
  return periodOf(year, month);
}

/** The reporting month for a schedule fired at `scheduledTime`: the London month before it. */
export function periodForSchedule(scheduledTime: Date): Period {
  return previousPeriod(londonPeriodOf(scheduledTime));
}

const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date `instant` falls on in Europe/London: "today" for the council, whatever the machine's zone. */
export function londonDayOf(instant: Date): Day {
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(londonDate.formatToParts(instant).find((p) => p.type === type)?.value);
  return dayFromParts(part('year'), part('month'), part('day'));
}
