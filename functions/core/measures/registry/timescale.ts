/**
 * The window parameter every timeliness measure with a window takes: `windowDays` (calendar
 * days) or `windowWorkingDays` (working days, docs/WORKING-DAYS.md), never both. With
 * neither, the measure's own default number of calendar days applies.
 */
import * as z from 'zod';

/** A timeliness window: so many calendar days, or so many working days. */
export interface Timescale {
  unit: 'days' | 'working days';
  length: number;
}

/** Most working days a window may hold: a year's worth (England has about 253 a year). */
const MAX_WORKING_DAYS = 260;

/** A default window: so many calendar days (a number), or a whole timescale (45 working days). */
type DefaultWindow = number | Timescale;
const defaultOf = (window: DefaultWindow): Timescale =>
  typeof window === 'number' ? { unit: 'days', length: window } : window;

export function timescaleParams(defaultWindow: DefaultWindow, appliesTo: string) {
  const fallback = typeof defaultWindow === 'number' ? String(defaultWindow) : timescaleWords(defaultWindow);
  return z
    .strictObject({
      windowDays: z
        .number()
        .int()
        .min(1)
        .max(366)
        .optional()
        // `appliesTo` names the measures that take it, for the message when another measure is given it.
        .meta({
          description: `the window W in calendar days (${fallback} when neither window is given)`,
          appliesTo,
        }),
      windowWorkingDays: z
        .number()
        .int()
        .min(1)
        .max(MAX_WORKING_DAYS)
        .optional()
        .meta({ description: 'the window N in working days, instead of windowDays', appliesTo }),
    })
    .superRefine((params, ctx) => {
      if (params.windowDays !== undefined && params.windowWorkingDays !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['windowWorkingDays'],
          message: `give windowDays or windowWorkingDays, not both (windowDays is ${params.windowDays})`,
        });
    });
}

export function timescaleOf(
  params: { windowDays?: number | undefined; windowWorkingDays?: number | undefined },
  defaultWindow: DefaultWindow,
): Timescale {
  if (params.windowWorkingDays !== undefined) return { unit: 'working days', length: params.windowWorkingDays };
  if (params.windowDays !== undefined) return { unit: 'days', length: params.windowDays };
  return defaultOf(defaultWindow);
}

/** "28 days", "10 working days", as the definitions and drafted sentences say it. */
export function timescaleWords({ unit, length }: Timescale): string {
  return `${length} ${length === 1 ? unit.replace(/s$/, '') : unit}`;
}
