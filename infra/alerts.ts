/**
 * How the officers hear that something went wrong: one SNS topic they subscribe to by
 * email (alarms and SES bounce/complaint events), and the dead-letter queue that keeps
 * any schedule or function event that could not be processed.
 *
 * Both are encrypted with their own key, separate from the data key, because AWS
 * services (CloudWatch alarms, SES) must be allowed to use it.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlertsProps {
  readonly officerAddresses: string[];
}

export class Alerts extends Construct {
  readonly key: kms.Key;
  readonly topic: sns.Topic;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.key = new kms.Key(this, 'OperationsKey', {
      description: 'indicator-pack: alarm topic and dead-letter queue',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch (alarm actions) and SES (event destination) publish to the encrypted
    // topic as themselves, so the key policy must let them make a data key.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmAndEmailEventPublishing',
        principals: [
          new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
          new iam.ServicePrincipal('ses.amazonaws.com'),
        ],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );

    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Indicator pack alerts',
      masterKey: this.key,
      enforceSSL: true,
    });
    for (const address of props.officerAddresses) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(address));
    }

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      // The longest SQS allows: an officer may only look after a holiday.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue (of the schedules and of ' +
        'the functions’ async invocations); nothing consumes it automatically, ' +
        'so it needs no dead-letter queue of its own. Its depth is alarmed.',
    });
  }

  /**
   * What a sender into the dead-letter queue needs: send, and the key to encrypt
   * (only when called through SQS).
   */
  sendToDeadLetterQueueStatements(): iam.PolicyStatement[] {
    const stack = Stack.of(this);
    return [
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `sqs.${stack.region}.amazonaws.com` } },
      }),
    ];
  }
}
