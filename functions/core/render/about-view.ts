/**
 * How the pack says where it came from. Directors get the day and time it was produced in
 * UK time; the run id, the raw UTC timestamp and the storage keys are for officers (the
 * preview email, the failure notice, the workbook's About sheet) — issue 14.
 */
import type { RenderMeta } from './render-types';

export interface AboutView {
  /** e.g. "Produced on 2 December 2013 at 07:00 by indicator-pack 1.2.3." */
  produced: string;
  /** e.g. "Run 2013…-schedule, generated 2013-12-02T07:00:05.000Z from extracts/…, config/pack.json." */
  runDetails: string;
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2 December 2013 at 07:00" in UK time, or the text as given when it is not a timestamp. */
export function ukDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) => UK_TIME.formatToParts(date).find((p) => p.type === type)?.value;
  return `${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')}`;
}

export function aboutView(meta: RenderMeta): AboutView {
  return {
    produced: `Produced on ${ukDateTime(meta.generatedAt)} by indicator-pack ${meta.codeVersion}.`,
    runDetails: `Run ${meta.runId}, generated ${meta.generatedAt} from ${meta.sources.join(', ')}.`,
  };
}
