/** Evaluates one measure of the library on a test extract, with dates as 'YYYY-MM-DD'. */
import { dayFromIso } from '../../../functions/core/calendar';
import type { MeasureName } from '../../../functions/core/config/pack-config';
import { ExtractIndex } from '../../../functions/core/measures/extract-index';
import { MeasureCache, type MeasureParams } from '../../../functions/core/measures/library';
import type { Tally } from '../../../functions/core/measures/tally';
import type { Extract } from '../../../functions/core/types';

export function snapshotAt(extract: Extract, measure: MeasureName, date: string, params: MeasureParams = {}): Tally {
  const prepared = new MeasureCache(new ExtractIndex(extract)).get(measure, params);
  if (prepared.kind !== 'snapshot') throw new Error(`${measure} is not a snapshot measure`);
  return prepared.at(dayFromIso(date));
}

export function flowOver(extract: Extract, measure: MeasureName, from: string, to: string): Tally {
  const prepared = new MeasureCache(new ExtractIndex(extract)).get(measure, {});
  if (prepared.kind !== 'flow') throw new Error(`${measure} is not a flow measure`);
  return prepared.over(dayFromIso(from), dayFromIso(to));
}

export const count = (n: number): Tally => ({ numerator: n, denominator: null });
export const fraction = (numerator: number, denominator: number): Tally => ({ numerator, denominator });
