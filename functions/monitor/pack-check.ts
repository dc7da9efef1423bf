/**
 * The "no successful run recorded for last month by day N" check, as plain functions:
 * which month is due, which key proves it was published, and the metric record that
 * reports the answer to CloudWatch.
 */
import type { Period } from '../core/types';
import { periodForSchedule } from '../run/period';
import { LAYOUT } from '../core/layout';

/** The CloudWatch metric the monitor publishes and the stack alarms on. */
export const PACK_PUBLISHED_METRIC = {
  namespace: 'IndicatorPack',
  name: 'MonthlyPackPublished',
  /** One series per deployment (its data bucket). */
  dimension: 'DataBucket',
} as const;

/**
 * The scheduled run reports the month before the one it runs in, in UK time (docs/EVENTS.md):
 * the same rule the run itself applies, so the monitor checks the month the run published.
 */
export const dueReportPeriod: (now: Date) => Period = periodForSchedule;

/** latest.json exists once a month's run has succeeded (docs/OUTPUTS.md, "Outputs"); the key the run publishes. */
export const latestPointerKey: (period: Period) => string = LAYOUT.latestKey;

/**
 * A CloudWatch Embedded Metric Format record: printed to the function's log, it becomes
 * a metric data point without the function needing cloudwatch:PutMetricData.
 */
export function packPublishedRecord(
  dataBucket: string,
  period: Period,
  published: boolean,
  at: Date,
): Record<string, unknown> {
  return {
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: PACK_PUBLISHED_METRIC.namespace,
          Dimensions: [[PACK_PUBLISHED_METRIC.dimension]],
          Metrics: [{ Name: PACK_PUBLISHED_METRIC.name, Unit: 'Count' }],
        },
      ],
    },
    [PACK_PUBLISHED_METRIC.dimension]: dataBucket,
    [PACK_PUBLISHED_METRIC.name]: published ? 1 : 0,
    period,
  };
}
