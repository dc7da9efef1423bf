import * as z from 'zod';
import { parseIsoDay, partsOfDay } from '../calendar';
import { shippedHolidays } from '../working-days';
import { MAX_LIST } from './config-fields';

/**
 * The authority's own closure days (docs/WORKING-DAYS.md): real dates inside the working-day
 * calendar's years, each once.
 */
export const closureDaysSchema = z
  .array(z.string())
  .max(MAX_LIST * 5)
  .default([])
  .superRefine((days, ctx) => {
    const { firstYear, lastYear } = shippedHolidays();
    const seen = new Map<string, number>();
    days.forEach((textValue, i) => {
      const day = parseIsoDay(textValue);
      if (day === null) {
        ctx.addIssue({ code: 'custom', path: [i], message: `${JSON.stringify(textValue)} is not a YYYY-MM-DD date` });
        return;
      }
      const { year } = partsOfDay(day);
      if (year < firstYear || year > lastYear)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `${textValue} is outside the working-day calendar, which covers ${firstYear}–${lastYear}`,
        });
      const first = seen.get(textValue);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `${textValue} is listed twice (also at closureDays[${first}])`,
        });
      else seen.set(textValue, i);
    });
  });
