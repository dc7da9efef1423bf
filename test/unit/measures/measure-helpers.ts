/**
 * Evaluates one measure of the library on a test extract, with dates as 'YYYY-MM-DD', prepared for just the days or
 * window asked about.
 */
import { dayFromIso } from '../../../functions/core/calendar';
import type { MeasureName } from '../../../functions/core/config/pack-config';
import { ExtractIndex } from '../../../functions/core/measures/extract-index';
import { MeasureCache, type MeasureParams } from '../../../functions/core/measures/measure-cache';
import type { Tally } from '../../../functions/core/measures/tally';
import type { Extract } from '../../../functions/core/types';
import { defaultWorkingDays } from '../../../functions/core/working-days';

/** The shipped calendar, with these closure days. */
const context = (closureDays: readonly string[] = []) => ({ workingDays: defaultWorkingDays(closureDays) });

/** A snapshot measure at several dates, prepared once for all of them (as the pack prepares its columns). */
export function snapshotsAt(
  extract: Extract,
  measure: MeasureName,
  dates: string[],
  params: MeasureParams = {},
  closureDays: readonly string[] = [],
): Tally[] {
  const days = dates.map(dayFromIso);
  const prepared = new MeasureCache(new ExtractIndex(extract), context(closureDays)).get(
    measure,
    params,
    days.map((day) => ({ from: day, to: day })),
  );
  if (prepared.kind !== 'snapshot') throw new Error(`${measure} is not a snapshot measure`);
  return days.map((day) => prepared.at(day));
}

export function snapshotAt(
  extract: Extract,
  measure: MeasureName,
  date: string,
  params: MeasureParams = {},
  closureDays: readonly string[] = [],
): Tally {
  return snapshotsAt(extract, measure, [date], params, closureDays)[0];
}

/** A flow measure over several windows [from, to], prepared once for all of them. */
export function flowsOver(extract: Extract, measure: MeasureName, windows: Array<readonly [string, string]>): Tally[] {
  const days = windows.map(([from, to]) => ({ from: dayFromIso(from), to: dayFromIso(to) }));
  const prepared = new MeasureCache(new ExtractIndex(extract), context()).get(measure, {}, days);
  if (prepared.kind !== 'flow') throw new Error(`${measure} is not a flow measure`);
  return days.map((window) => prepared.over(window.from, window.to));
}

export function flowOver(extract: Extract, measure: MeasureName, from: string, to: string): Tally {
  return flowsOver(extract, measure, [[from, to]])[0];
}

export const count = (n: number): Tally => ({ numerator: n, denominator: null });
export const fraction = (numerator: number, denominator: number): Tally => ({ numerator, denominator });
