/**
 * The indicator-pack stack: data store, run function and its schedule, SES, alerts,
 * the missing-run monitor, the officers' policy and the seeded configuration.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Alerts } from './alerts';
import { ApprovalReminder } from './approval-reminder';
import { PackAlarms } from './alarms';
import { DataStore } from './data-store';
import { DefaultConfig } from './default-config';
import { Email } from './email';
import { InboundMail } from './inbound-mail';
import { MissingRunMonitor } from './missing-run-monitor';
import { MonthlySchedule } from './monthly-schedule';
import { OfficerPolicy } from './officer-policy';
import { PackFunction } from './pack-function';
import type { DeploymentSettings } from './settings';

export interface IndicatorPackStackProps extends StackProps {
  readonly settings: DeploymentSettings;
}

export class IndicatorPackStack extends Stack {
  readonly data: DataStore;
  readonly alerts: Alerts;
  readonly email: Email;
  readonly run: PackFunction;
  readonly monthly: MonthlySchedule;
  readonly monitor: MissingRunMonitor;
  readonly alarms: PackAlarms;
  readonly officers: OfficerPolicy;
  readonly defaultConfig: DefaultConfig;
  /** SES email receiving for the officers' replies; only when `receivingAddress` is set. */
  readonly inbound: InboundMail | undefined;
  /** The reminder about an unapproved preview; only with receiving (previews are indexed only then). */
  readonly reminder: ApprovalReminder | undefined;

  constructor(scope: Construct, id: string, props: IndicatorPackStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.data = new DataStore(this, 'Data', {
      extractRetentionDays: settings.extractRetentionDays,
      noncurrentVersionRetentionDays: settings.noncurrentVersionRetentionDays,
    });
    this.alerts = new Alerts(this, 'Alerts', { officerAddresses: settings.officerAddresses });
    this.email = new Email(this, 'Email', { identity: settings.sesIdentity, eventTopic: this.alerts.topic });
    this.run = new PackFunction(this, 'Run', {
      data: this.data,
      alerts: this.alerts,
      email: this.email,
      senderAddress: settings.senderAddress,
    });
    this.monthly = new MonthlySchedule(this, 'Monthly', {
      target: this.run.function,
      alerts: this.alerts,
      expression: settings.scheduleCron,
    });
    this.monitor = new MissingRunMonitor(this, 'Monitor', {
      data: this.data,
      alerts: this.alerts,
      alarmDay: settings.missingRunAlarmDay,
    });
    this.alarms = new PackAlarms(this, 'Alarms', {
      topic: this.alerts.topic,
      runFunction: this.run.function,
      monitorFunction: this.monitor.function,
      deadLetterQueue: this.alerts.deadLetterQueue,
      missingRunAlarm: this.monitor.missingRunAlarm,
    });
    this.officers = new OfficerPolicy(this, 'Officers', { data: this.data, runFunction: this.run.function });
    this.defaultConfig = new DefaultConfig(this, 'DefaultConfig', { data: this.data, settings });
    this.inbound =
      settings.receivingAddress === undefined
        ? undefined
        : new InboundMail(this, 'Inbound', {
            data: this.data,
            receivingAddress: settings.receivingAddress,
            target: this.run.function,
            targetRole: this.run.role,
          });
    this.reminder =
      settings.receivingAddress === undefined
        ? undefined
        : new ApprovalReminder(this, 'ApprovalReminder', {
            data: this.data,
            alerts: this.alerts,
            email: this.email,
            senderAddress: settings.senderAddress,
            receivingAddress: settings.receivingAddress,
            monitor: this.monitor,
          });

    new CfnOutput(this, 'DataBucketName', {
      value: this.data.bucket.bucketName,
      description: 'extracts/, config/, comments/, reports/',
    });
    new CfnOutput(this, 'RunFunctionName', {
      value: this.run.function.functionName,
      description: 'invoked by the schedule and by `npm run report -- rerun`',
    });
    new CfnOutput(this, 'OfficerPolicyArn', {
      value: this.officers.policy.managedPolicyArn,
      description: "attach to the performance officers' role or group",
    });
    new CfnOutput(this, 'AlertTopicArn', { value: this.alerts.topic.topicArn });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.alerts.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'SesConfigurationSetName', { value: this.email.configurationSet.configurationSetName });
  }
}
