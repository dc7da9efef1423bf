/**
 * The approval reminder's schedule and permissions (functions/monitor/approval-reminder.ts):
 * only when the deployment receives replies (previews are indexed only then). The
 * missing-run monitor's function runs it, on a second schedule — 09:00 UK time, Monday to
 * Friday, from the first of the month (the monitor's own schedule starts only on the alarm
 * day, after the reminder is usually due) — with the input `{ "check": "approval-reminder" }`.
 * A reminder is due on a working day, so a weekday check finds it on its day (a bank holiday
 * only delays it to the next weekday check).
 *
 * What the check reads and writes, and nothing more: the configuration (whether approval is
 * required, how many working days, the officers, the closure days); the month's preview
 * records; the month's delivery ledger, listed only (a receipt means the pack has gone);
 * the create-only reminder marker beside each preview; the data key through S3; and raw
 * email as the configured sender.
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { LAYOUT } from '../functions/core/layout';
import type { MonitorCheck } from '../functions/monitor/handler';
import type { Alerts } from './alerts';
import { CONFIG_KEY, type DataStore } from './data-store';
import type { Email } from './email';
import type { MissingRunMonitor } from './missing-run-monitor';
import { SCHEDULE_TIME_ZONE } from './monthly-schedule';
import { acknowledgeWildcardResources } from './nag';
import { dataKeyThroughS3, sendAsTheSender } from './pack-function';

export interface ApprovalReminderProps {
  readonly data: DataStore;
  readonly alerts: Alerts;
  readonly email: Email;
  readonly senderAddress: string;
  /** The reminder's Reply-To. */
  readonly receivingAddress: string;
  /** Whose function and role run the check. */
  readonly monitor: MissingRunMonitor;
}

/** Working days at 09:00 UK time. */
export const REMINDER_CRON = 'cron(0 9 ? * MON-FRI *)';
export const REMINDER_INPUT: { check: MonitorCheck } = { check: 'approval-reminder' };

/** Key patterns (any month, any run) the statements name. */
const PREVIEWS = LAYOUT.previewsPrefix('*');
const REMINDER_MARKERS = LAYOUT.previewReminderKey('*', '*');

export class ApprovalReminder extends Construct {
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: ApprovalReminderProps) {
    super(scope, id);
    const { data, alerts, email, monitor } = props;
    monitor.function.addEnvironment('CONFIG_KEY', CONFIG_KEY);
    monitor.function.addEnvironment('SES_CONFIGURATION_SET', email.configurationSet.configurationSetName);
    monitor.function.addEnvironment('RECEIVING_ADDRESS', props.receivingAddress);

    const statements = [
      new iam.PolicyStatement({
        sid: 'ReadConfigAndPreviews',
        actions: ['s3:GetObject'],
        resources: [data.bucket.arnForObjects(CONFIG_KEY), data.objectsUnder(PREVIEWS)],
      }),
      new iam.PolicyStatement({
        // Created with If-None-Match (functions/run/once-marker.ts): one reminder per preview.
        sid: 'WriteReminderMarkers',
        actions: ['s3:PutObject'],
        resources: [data.bucket.arnForObjects(REMINDER_MARKERS)],
      }),
      new iam.PolicyStatement({
        // The month's previews (which is newest) and its delivery ledger (any receipt?).
        sid: 'ListPreviewsAndLedger',
        actions: ['s3:ListBucket'],
        resources: [data.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [PREVIEWS, LAYOUT.deliveryPrefix('*')] } },
      }),
      dataKeyThroughS3(data),
      sendAsTheSender(email, props.senderAddress),
    ];
    for (const statement of statements) monitor.role.addToPolicy(statement);
    acknowledgeWildcardResources(
      monitor.role,
      data.bucket,
      [`/${PREVIEWS}*`, `/${REMINDER_MARKERS}`],
      "Object ARNs scoped to the months' preview records and their reminder markers: a " +
        'month and a run id are in every key, and new ones appear every month.',
    );

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: "indicator-pack: working-day check for last month's unapproved preview",
      schedule: scheduler.ScheduleExpression.expression(REMINDER_CRON, SCHEDULE_TIME_ZONE),
      target: new targets.LambdaInvoke(monitor.function, {
        role: monitor.schedulerRole,
        input: scheduler.ScheduleTargetInput.fromObject(REMINDER_INPUT),
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
        deadLetterQueue: alerts.deadLetterQueue,
      }),
    });
  }
}
