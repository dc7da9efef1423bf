/**
 * The approval reminder's due day (functions/monitor/reminder-due.ts), hand-worked on the
 * 2025 calendar: Monday 25 August 2025 is the summer bank holiday; 25 and 26 December
 * 2025 and 1 January 2026 are bank holidays (GOV.UK, in the shipped snapshot).
 */
import { isoFromDay } from '../../../functions/core/calendar';
import { defaultWorkingDays } from '../../../functions/core/working-days';
import { isReminderDue, reminderDueDay } from '../../../functions/monitor/reminder-due';

const calendar = defaultWorkingDays();
const dueIso = (sentAt: string, n: number, closureDays: string[] = []): string =>
  isoFromDay(reminderDueDay(new Date(sentAt), n, defaultWorkingDays(closureDays)));

test('across a weekend: sent Thursday 4 September, two working days on is Monday 8 September', () => {
  // Friday 5 (1), Saturday and Sunday not counted, Monday 8 (2).
  expect(dueIso('2025-09-04T10:00:00Z', 2)).toBe('2025-09-08');
  expect(isReminderDue(new Date('2025-09-04T10:00:00Z'), new Date('2025-09-07T20:00:00Z'), 2, calendar)).toBe(false);
  expect(isReminderDue(new Date('2025-09-04T10:00:00Z'), new Date('2025-09-08T08:00:00Z'), 2, calendar)).toBe(true);
});

test('across a bank holiday: sent Friday 22 August, the Monday is the summer bank holiday, due Wednesday 27', () => {
  // Saturday, Sunday, Monday 25 (bank holiday) not counted; Tuesday 26 (1), Wednesday 27 (2).
  expect(dueIso('2025-08-22T08:00:00Z', 2)).toBe('2025-08-27');
  expect(isReminderDue(new Date('2025-08-22T08:00:00Z'), new Date('2025-08-26T16:00:00Z'), 2, calendar)).toBe(false);
  expect(isReminderDue(new Date('2025-08-22T08:00:00Z'), new Date('2025-08-27T08:00:00Z'), 2, calendar)).toBe(true);
  // And every later check finds it due (the marker, not the rule, makes it go once).
  expect(isReminderDue(new Date('2025-08-22T08:00:00Z'), new Date('2025-09-15T08:00:00Z'), 2, calendar)).toBe(true);
  // One working day: Tuesday 26.
  expect(dueIso('2025-08-22T08:00:00Z', 1)).toBe('2025-08-26');
});

test('the sent day is the UK date: 23:30 UTC on Thursday 21 August is Friday 22 in BST', () => {
  // Counted from Thursday it would be Friday 22 (1), Tuesday 26 (2).
  expect(dueIso('2025-08-21T23:30:00Z', 2)).toBe('2025-08-27');
});

test("the authority's closure days count as not working", () => {
  // Sent Wednesday 24 December 2025. Without closures: 25, 26 bank holidays, weekend, Monday 29 (1), Tuesday 30 (2).
  expect(dueIso('2025-12-24T09:00:00Z', 2)).toBe('2025-12-30');
  // Closed 29–31 December, 1 January a bank holiday: Friday 2 January (1), Monday 5 January (2).
  expect(dueIso('2025-12-24T09:00:00Z', 2, ['2025-12-29', '2025-12-30', '2025-12-31'])).toBe('2026-01-05');
});

test('a number of working days below one is refused', () => {
  expect(() => reminderDueDay(new Date('2025-09-04T10:00:00Z'), 0, calendar)).toThrow(RangeError);
});
