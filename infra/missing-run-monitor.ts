/**
 * "No successful run recorded for last month by day N": a small function, scheduled
 * daily from day N to the month's end, lists `reports/<last month>/latest.json` and
 * publishes 1 or 0 as a metric; an alarm fires on 0. Checking daily (not only on day N)
 * lets the alarm clear by itself once an officer's rerun publishes the pack.
 *
 * Why a metric from a checker rather than a metric from the run: a missing run sends no
 * data, and CloudWatch cannot look back a whole month for absent data.
 */
import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { PACK_PUBLISHED_METRIC } from '../functions/monitor/pack-check';
import type { Alerts } from './alerts';
import { LAYOUT } from '../functions/core/layout';
import type { DataStore } from './data-store';
import { functionRole, lambdaLogGroup } from './function-basics';
import { acknowledgeInvokeVersions, SCHEDULE_TIME_ZONE, schedulerRole } from './monthly-schedule';
import { REPO_ROOT } from './pack-function';

export interface MissingRunMonitorProps {
  readonly data: DataStore;
  readonly alerts: Alerts;
  /** Day of the month from which last month's pack must exist. */
  readonly alarmDay: number;
}

/** The monitor's schedule: 09:00 UK time every day from `alarmDay` to the month's end. */
export function monitorCron(alarmDay: number): string {
  return `cron(0 9 ${alarmDay}-31 * ? *)`;
}

export class MissingRunMonitor extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly schedule: scheduler.Schedule;
  readonly schedulerRole: iam.Role;
  /** Fires when last month's pack is not published by the alarm day. */
  readonly missingRunAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: MissingRunMonitorProps) {
    super(scope, id);
    const { data, alerts } = props;

    const logGroup = lambdaLogGroup(this, 'LogGroup', data.key);
    this.role = functionRole(this, 'Role', 'indicator-pack missing-run monitor', logGroup);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        // Listing the one pointer key is enough to know it exists; no object is read.
        sid: 'ListLatestPointers',
        actions: ['s3:ListBucket'],
        resources: [data.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': LAYOUT.latestKey('*') } },
      }),
    );

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      description: "indicator-pack: records whether last month's pack has been published",
      entry: path.join(REPO_ROOT, 'functions', 'monitor', 'handler.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(30),
      reservedConcurrentExecutions: 1,
      role: this.role,
      logGroup,
      environment: { DATA_BUCKET: data.bucket.bucketName },
      bundling: { forceDockerBundling: false, minify: true, target: 'node24' },
    });
    // A failed check is retried (it is read-only) and then dropped to the dead-letter
    // queue, whose alarm then tells the officers the check itself is failing.
    this.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      onFailure: { bind: () => ({ destination: alerts.deadLetterQueue.queueArn }) },
    });
    for (const statement of alerts.sendToDeadLetterQueueStatements()) this.role.addToPolicy(statement);

    this.schedulerRole = schedulerRole(this, 'SchedulerRole', alerts);
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: "indicator-pack: daily check that last month's pack was published",
      schedule: scheduler.ScheduleExpression.expression(monitorCron(props.alarmDay), SCHEDULE_TIME_ZONE),
      target: new targets.LambdaInvoke(this.function, {
        role: this.schedulerRole,
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
        deadLetterQueue: alerts.deadLetterQueue,
      }),
    });
    acknowledgeInvokeVersions(this.schedulerRole, this.function);

    this.missingRunAlarm = new cloudwatch.Alarm(this, 'MissingRunAlarm', {
      alarmDescription:
        `No successful indicator pack run is recorded for last month by day ${props.alarmDay}: ` +
        'check reports/<YYYY-MM>/ for a failed manifest and rerun (docs/DEPLOY.md).',
      metric: new cloudwatch.Metric({
        namespace: PACK_PUBLISHED_METRIC.namespace,
        metricName: PACK_PUBLISHED_METRIC.name,
        dimensionsMap: { [PACK_PUBLISHED_METRIC.dimension]: data.bucket.bucketName },
        statistic: cloudwatch.Stats.MINIMUM,
        period: Duration.hours(1),
      }),
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      threshold: 1,
      evaluationPeriods: 1,
      // One data point a day: between checks the alarm keeps its last state.
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    });
  }
}
