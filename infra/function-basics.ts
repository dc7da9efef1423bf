/**
 * What every function of this stack starts from: its own encrypted log group with a
 * retention period, and its own role that may write to that log group only (instead of
 * the AWS managed AWSLambdaBasicExecutionRole, which allows any log group).
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Long enough to investigate a complaint about last year's pack. */
export const LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

export function lambdaLogGroup(scope: Construct, id: string, key: kms.IKey): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    retention: LOG_RETENTION,
    encryptionKey: key,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

export function functionRole(scope: Construct, id: string, description: string, logGroup: logs.ILogGroup): iam.Role {
  const role = new iam.Role(scope, id, {
    description,
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'WriteOwnLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }),
  );
  return role;
}
