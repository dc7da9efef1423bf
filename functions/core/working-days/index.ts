/**
 * The working-day calendar the measures use (docs/WORKING-DAYS.md): England and Wales bank
 * holidays from the shipped GOV.UK snapshot, plus the authority's closure days.
 */
import snapshot from './bank-holidays.england-and-wales.json';
import { parseHolidayValue, type HolidayCalendarData } from './holiday-file';
import { createWorkingDays, type WorkingDays } from './working-days';

export { HolidayFileError, parseHolidayFile, parseHolidayValue, type HolidayCalendarData } from './holiday-file';
export {
  ClosureDaysError,
  createWorkingDays,
  OutsideWorkingDayCalendarError,
  type WorkingDays,
  type WorkingDaysInput,
} from './working-days';

/** Where the shipped snapshot lives in the source tree, for messages and the docs. */
export const SHIPPED_HOLIDAYS_FILE = 'functions/core/working-days/bank-holidays.england-and-wales.json';

let shipped: HolidayCalendarData | undefined;

/** The shipped England and Wales bank holidays, validated once on first use. */
export function shippedHolidays(): HolidayCalendarData {
  shipped ??= parseHolidayValue(snapshot, SHIPPED_HOLIDAYS_FILE);
  return shipped;
}

/** The calendar from the shipped snapshot and the configuration's closure days. */
export function defaultWorkingDays(closureDays: readonly string[] = []): WorkingDays {
  return createWorkingDays({ holidays: shippedHolidays(), closureDays });
}
