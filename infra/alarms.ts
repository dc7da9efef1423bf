/**
 * The alarms the officers receive on the alert topic. Each says in its description what
 * to do first; docs/DEPLOY.md ("Alarms") says more.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PackAlarmsProps {
  readonly topic: sns.ITopic;
  readonly runFunction: lambda.IFunction;
  readonly monitorFunction: lambda.IFunction;
  readonly deadLetterQueue: sqs.IQueue;
  readonly missingRunAlarm: cloudwatch.Alarm;
}

export class PackAlarms extends Construct {
  readonly runErrors: cloudwatch.Alarm;
  readonly monitorErrors: cloudwatch.Alarm;
  readonly deadLetters: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: PackAlarmsProps) {
    super(scope, id);
    this.runErrors = functionErrorsAlarm(
      this,
      'RunErrors',
      props.runFunction,
      'The indicator pack run failed (it is retried twice). Read the ' +
        'newest manifest.json under reports/<YYYY-MM>/ and the function log.',
    );
    this.monitorErrors = functionErrorsAlarm(
      this,
      'MonitorErrors',
      props.monitorFunction,
      'The missing-run check itself failed, so a missing pack might go unnoticed. Read the monitor function log.',
    );
    this.deadLetters = new cloudwatch.Alarm(this, 'DeadLetters', {
      alarmDescription:
        'An event could not be processed after its retries and is in the dead-letter queue: a ' +
        'month may not have been reported. Read the message, fix the cause, rerun the month.',
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.minutes(5),
      }),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      threshold: 0,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const notify = new actions.SnsAction(props.topic);
    for (const alarm of [this.runErrors, this.monitorErrors, this.deadLetters, props.missingRunAlarm]) {
      alarm.addAlarmAction(notify);
    }
  }
}

function functionErrorsAlarm(
  scope: Construct,
  id: string,
  fn: lambda.IFunction,
  description: string,
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric: fn.metricErrors({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    threshold: 1,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}
