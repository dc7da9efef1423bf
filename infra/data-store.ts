/**
 * Where the children's data and the packs live: one bucket under a customer-managed key,
 * with its access logs in a second bucket. Everything here is retained when the stack
 * is deleted: losing a month's extract or pack is worse than a leftover bucket.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LAYOUT } from '../functions/core/layout';

/** The bucket's top-level folders the stack grants access to, from the one layout the functions use. */
export const PREFIX = {
  extracts: LAYOUT.folder('extracts'),
  config: LAYOUT.folder('config'),
  comments: LAYOUT.folder('comments'),
  reports: LAYOUT.folder('reports'),
  benchmarks: LAYOUT.folder('benchmarks'),
} as const;

/**
 * The pack configuration the function reads by default (CONFIG_KEY): the layout's, so the
 * stack cannot seed one key while the function reads another.
 */
export const CONFIG_KEY = LAYOUT.configKey;

/** Days a received message (inbox/) is kept. */
export const RECEIVED_MAIL_RETENTION_DAYS = 90;

export interface DataStoreProps {
  readonly extractRetentionDays: number;
  readonly noncurrentVersionRetentionDays: number;
}

export class DataStore extends Construct {
  /** Encrypts the data bucket and the function's logs (which may quote extract values). */
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: DataStoreProps) {
    super(scope, id);

    this.key = new kms.Key(this, 'DataKey', {
      description: 'indicator-pack: data bucket objects and function logs',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    allowLogGroupsInThisAccount(this.key);

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      // S3 server access logging can only deliver to a bucket with SSE-S3 encryption.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(365),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself; logging it to itself ' +
        '(or another bucket) would only log the log delivery.',
    });

    this.bucket = new s3.Bucket(this, 'DataBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket instead of per object: fewer KMS calls, same key policy.
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Versioning is the undo for an overwritten extract, configuration or comments file.
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'data-bucket/',
      lifecycleRules: [
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionRetentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        {
          // Extracts are case-level records about children: keep them only as long as a
          // rerun of a recent month may need them. Reports (aggregates) are kept.
          id: 'expire-extracts',
          prefix: PREFIX.extracts,
          expiration: Duration.days(props.extractRetentionDays),
        },
        {
          // Received replies carry officers' comments and addresses: the comments live on in
          // comments/, the mail itself is kept only long enough to look into a complaint.
          id: 'expire-received-mail',
          prefix: LAYOUT.folder('inbox'),
          expiration: Duration.days(RECEIVED_MAIL_RETENTION_DAYS),
        },
        {
          // Expiring a current version leaves a delete marker; remove it once alone.
          id: 'remove-expired-delete-markers',
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The ARN of every object under a folder (for IAM statements). */
  objectsUnder(prefix: string): string {
    return this.bucket.arnForObjects(`${prefix}*`);
  }
}

/**
 * CloudWatch Logs encrypts a log group with a customer-managed key only if the key
 * policy lets the regional Logs service use it; the condition limits that to log groups
 * of this account and region.
 */
function allowLogGroupsInThisAccount(key: kms.Key): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsOfThisAccount',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKey',
        'kms:DescribeKey',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn':
            `arn:${stack.partition}:logs:${stack.region}:${stack.account}:` + 'log-group:*',
        },
      },
    }),
  );
}
