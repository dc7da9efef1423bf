/**
 * When the officers are reminded of a preview nobody has approved (approval: "required"):
 * on the Nth working day after the day the preview was sent, N being the configuration's
 * `approvalReminderWorkingDays`. The sent day itself is not counted (a preview sent on a
 * Friday with N = 2 is due on the Tuesday, or the Wednesday when the Monday is a bank
 * holiday), and days are UK dates (Europe/London), so a preview sent at 00:30 BST on a
 * Friday counts from that Friday. Working days are the project's calendar
 * (core/working-days: weekends, England and Wales bank holidays, the configuration's
 * closureDays). From the due day on, every check finds the reminder due; the reminder's
 * marker (approval-reminder.ts) is what makes it go once.
 */
import type { WorkingDays } from '../core/working-days';
import type { Day } from '../core/types';
import { londonDayOf } from '../run/period';

/** The day the reminder about a preview sent at `sentAt` is due: the Nth working day after the sent day. */
export function reminderDueDay(sentAt: Date, workingDaysAfter: number, calendar: WorkingDays): Day {
  if (!Number.isInteger(workingDaysAfter) || workingDaysAfter < 1)
    throw new RangeError(`the reminder's working days must be a whole number ≥ 1, not ${workingDaysAfter}`);
  // deadline(d, n) is the day before the (n+1)th working day after d, so the day after deadline(d, N-1) is the Nth.
  return calendar.deadline(londonDayOf(sentAt), workingDaysAfter - 1) + 1;
}

/** Whether, at `now`, the reminder about a preview sent at `sentAt` is due. */
export function isReminderDue(sentAt: Date, now: Date, workingDaysAfter: number, calendar: WorkingDays): boolean {
  return londonDayOf(now) >= reminderDueDay(sentAt, workingDaysAfter, calendar);
}
