/**
 * The run function: reads the extract, computes and renders the pack, stores it and
 * emails it. Its role holds exactly what interfaces.md says the run reads and writes.
 */
import * as path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Alerts } from './alerts';
import { CONFIG_KEY, PREFIX, type DataStore } from './data-store';
import type { Email } from './email';
import { functionRole, lambdaLogGroup } from './function-basics';
import { acknowledgeWildcardResources } from './nag';

/** The repository root: the bundle entry and the templates live under it. */
export const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * Sizing. Memory: the extract (tens of thousands of rows), the ExcelJS workbook and the
 * rendered HTML are all held in memory at once, and Lambda gives CPU in proportion to
 * memory, so 1024 MB buys both headroom and a full vCPU-share for the measures.
 * Timeout: a run takes seconds; 5 minutes leaves room for a slow S3 or SES day and
 * for batched sends to a long distribution list, and is still short enough that a hung
 * run frees the single reserved slot for its retry. The benchmarks (bench/) refine these.
 */
export const PACK_FUNCTION_MEMORY_MB = 1024;
export const PACK_FUNCTION_TIMEOUT = Duration.minutes(5);

/**
 * Async retries: the run is idempotent (a month's scheduled pack is claimed once with an
 * S3 conditional write), so retrying a failed run is safe and usually fixes a transient
 * fault. Two retries, then the event goes to the dead-letter queue.
 */
export const PACK_FUNCTION_RETRY_ATTEMPTS = 2;
export const PACK_FUNCTION_MAX_EVENT_AGE = Duration.hours(6);

export interface PackFunctionProps {
  readonly data: DataStore;
  readonly alerts: Alerts;
  readonly email: Email;
  readonly senderAddress: string;
}

export class PackFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PackFunctionProps) {
    super(scope, id);
    const { data, alerts, email } = props;

    this.logGroup = lambdaLogGroup(this, 'LogGroup', data.key);
    this.role = functionRole(this, 'Role', 'indicator-pack run function', this.logGroup);

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      description: 'indicator-pack: computes, stores and emails the monthly pack',
      entry: path.join(REPO_ROOT, 'functions', 'handler.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: PACK_FUNCTION_MEMORY_MB,
      timeout: PACK_FUNCTION_TIMEOUT,
      // One run at a time: with the S3 claim marker this makes a month's scheduled pack
      // go out once even if the schedule's event arrives twice at the same moment.
      reservedConcurrentExecutions: 1,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        DATA_BUCKET: data.bucket.bucketName,
        CONFIG_KEY,
        SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        target: 'node24',
        // Ship the SDK version the code was tested with (conditional writes need a recent
        // one) rather than whichever the runtime happens to carry.
        bundleAwsSDK: true,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The renderer reads its Handlebars templates from disk at run time.
          afterBundling: (inputDir: string, outputDir: string) => [`cp -r "${inputDir}/templates" "${outputDir}/templates"`],
        },
      },
    });

    // Failed async invocations (after the retries) go to the dead-letter queue. The
    // destination is bound without CDK's automatic grant, which would add wildcard KMS
    // actions; the exact statements are added below.
    this.function.configureAsyncInvoke({
      retryAttempts: PACK_FUNCTION_RETRY_ATTEMPTS,
      maxEventAge: PACK_FUNCTION_MAX_EVENT_AGE,
      onFailure: { bind: () => ({ destination: alerts.deadLetterQueue.queueArn }) },
    });

    for (const statement of runStatements(props)) this.role.addToPolicy(statement);
    for (const statement of alerts.sendToDeadLetterQueueStatements()) this.role.addToPolicy(statement);
    acknowledgeWildcardResources(
      this.role,
      data.bucket,
      [PREFIX.extracts, PREFIX.config, PREFIX.comments, PREFIX.reports].map((prefix) => `/${prefix}*`),
      'Object ARNs scoped to one folder of the data bucket, as interfaces.md defines what a run reads (extracts/, config/, comments/) and writes (reports/): new month and run folders appear every month, so the keys cannot be listed in advance.',
    );
  }
}

/** What a run reads and writes (interfaces.md), and nothing more. */
function runStatements({ data, email, senderAddress }: PackFunctionProps): iam.PolicyStatement[] {
  const region = Stack.of(data).region;
  return [
    new iam.PolicyStatement({
      sid: 'ReadInputs',
      actions: ['s3:GetObject'],
      resources: [data.objectsUnder(PREFIX.extracts), data.objectsUnder(PREFIX.config), data.objectsUnder(PREFIX.comments)],
    }),
    new iam.PolicyStatement({
      // reports/ holds the run folders, latest.json and the per-month claim marker
      // (written with If-None-Match: *), which the run also reads back.
      sid: 'ReadAndWriteReports',
      actions: ['s3:GetObject', 's3:PutObject'],
      resources: [data.objectsUnder(PREFIX.reports)],
    }),
    new iam.PolicyStatement({
      // The run lists extracts/<month>/ and the delivery ledger under
      // reports/<month>/delivery/, and without ListBucket S3 answers a read of a missing
      // object with 403 instead of 404, so the run could not tell "no comments for this
      // month yet" (or "no latest.json yet") from a permission fault. A prefix condition
      // cannot help with the latter: the implicit check S3 makes on a missing-object read
      // carries no s3:prefix. Keys name folders, months and runs, never children.
      sid: 'ListBucketForNotFound',
      actions: ['s3:ListBucket'],
      resources: [data.bucket.bucketArn],
    }),
    new iam.PolicyStatement({
      // S3 encrypts with a data key from GenerateDataKey and decrypts with Decrypt;
      // it never calls Encrypt for SSE-KMS. Usable only through S3.
      sid: 'UseDataKeyThroughS3',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: [data.key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
    }),
    new iam.PolicyStatement({
      sid: 'SendAsTheSenderOnly',
      actions: ['ses:SendRawEmail'],
      resources: [email.identityArn, email.configurationSetArn],
      conditions: { StringEquals: { 'ses:FromAddress': senderAddress } },
    }),
  ];
}
