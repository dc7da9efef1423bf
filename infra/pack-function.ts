/**
 * The run function: reads the extract, computes and renders the pack, stores it and
 * emails it. Its role holds exactly what docs/OUTPUTS.md says the run reads and writes.
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
 * memory (one full vCPU at 1,769 MB), so 1024 MB buys headroom and about 0.6 of a vCPU:
 * cold starts measured on a local core (bench/) will be slower in Lambda.
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

/** The module the bundle uses for 'unzipper' (see PACK_FUNCTION_BUNDLING.esbuildArgs). */
export const UNZIPPER_PARSE_ONLY = 'functions/bundle/unzipper-parse-only.js';

/**
 * How esbuild bundles the run function (bench/build.ts bundles with these same settings,
 * so the benchmarked bundle and cold start are the deployed ones). Goals (issue 7): a
 * bundle under 1.5 MB and a cold start under 1 s.
 */
export const PACK_FUNCTION_BUNDLING = {
  minify: true,
  target: 'node24',
  /**
   * The AWS SDK v3 comes from the runtime, not the bundle. The nodejs24.x runtime ships
   * the SDK v3 (every client, with its @smithy packages); bundling our own copy was
   * ≈0.68 MB of a 2.5 MB bundle, and the 1.5 MB goal cannot be met with it.
   * The trade-off: the SDK version is the runtime's, which AWS updates with the runtime,
   * not the one in package-lock.json that the tests ran against, and an SDK silently
   * ignores client settings it does not know. The run relies on S3 conditional writes
   * (IfNoneMatch/IfMatch on PutObject: in the SDK since 2024, before nodejs24.x existed)
   * and on the client tuning in functions/adapters/aws-clients.ts, whose
   * `throwOnRequestTimeout` is a recent setting: on an SDK without it a late response is
   * only logged as a warning, and the run waits until the function's timeout, after which
   * Lambda retries the event. Before relying on a newer SDK feature, compare the SDK the
   * runtime includes (Lambda's documentation lists it per runtime) with package-lock.json,
   * or bundle the SDK again (`externalModules: []`).
   * Both scopes are listed (CDK's default for nodejs24.x is `@aws-sdk/*` alone unless the
   * sdkV3ExcludeSmithyPackages flag is set) so that a direct import of an @smithy package
   * can never bundle a second copy beside the runtime's SDK.
   */
  externalModules: ['@aws-sdk/*', '@smithy/*'],
  /**
   * Non-ASCII text (HTML entity tables, mostly) as UTF-8 rather than \uXXXX escapes:
   * ≈40 KB less. Passed as an esbuild argument because NodejsFunction's own `charset`
   * option is not handed to esbuild when bundling locally (aws-cdk-lib 2.276).
   */
  esbuildArgs: {
    '--charset': 'utf8',
    /**
     * exceljs's streaming reader needs only unzipper's Parse; the package entry also loads
     * Extract and Open (fstream, glob, rimraf, big-integer: ≈130 KiB). The tests resolve
     * 'unzipper' the same way (jest.config.js), so they read workbooks as deployed.
     * Relative to the project root, where NodejsFunction runs esbuild.
     */
    '--alias': `unzipper=./${UNZIPPER_PARSE_ONLY}`,
  },
  /**
   * A source map is written into the asset beside index.js, but the function does not set
   * NODE_OPTIONS=--enable-source-maps: with it node parses the map at load, which cost
   * ≈300 ms of every cold start on node 20 (BENCHMARKS.md). What that would buy is stack
   * traces with source names in the logs, and only for unexpected faults: user errors are
   * reported by message and never by stack, and faults are logged with their message and
   * the run stage. The map (with the sources in it, so it matches the deployed code
   * exactly) can decode a logged minified stack offline: download the function's code
   * from Lambda and use index.js.map, or set NODE_OPTIONS on the function while
   * diagnosing. It costs nothing at run time; only the deployment package is larger.
   */
  sourceMap: true,
} as const satisfies nodejs.BundlingOptions;

/**
 * The process environment the function runs with beyond its own settings; the bench runs its workers and the cold
 * start with it too (bench/run.ts, bench/cold-start.ts), so they measure the process as deployed.
 *
 * MALLOC_MMAP_THRESHOLD_ fixes glibc's mmap threshold at its initial 128 KiB. Left unset, glibc raises the threshold
 * to the size of each larger mmapped block freed (up to 32 MiB), and the extract's typed arrays (a column is
 * copied to its exact length when read: several MB each nationally) raise it at the first collection; from then on
 * the reader's 256 KB column chunks and 1 MiB id-table chunks come from malloc's heap, whose freed space is rarely
 * returned to the system. At scale 100 that held ≈130 MB of RSS no object used (BENCHMARKS.md). Setting the
 * parameter turns the dynamic adjustment off, and every block of 128 KiB or more is mapped and unmapped on its own:
 * "If the parameter is set, the dynamic adjustment is disabled and the value is set statically to the input
 * value. This parameter can also be set for the process at startup by setting the environment variable
 * MALLOC_MMAP_THRESHOLD_" (The GNU C Library manual, "Malloc Tunable Parameters",
 * https://www.gnu.org/software/libc/manual/html_node/Malloc-Tunable-Parameters.html). Setting it also stops the
 * trim threshold's dynamic adjustment (the same page), which would leave it at 128 KiB: the heap's top given back
 * and taken again at almost every free, which made a small extract's read ≈30% slower here. MALLOC_TRIM_THRESHOLD_
 * at 16 MiB keeps up to that much free at the top instead (scale 1 within ≈10% of before; scale 100's peak 486–503
 * MB against 479–494 MB without it). Lambda's Node.js runtimes run on Amazon Linux (glibc), and a function's
 * environment variables reach the runtime's process when it starts.
 */
export const PACK_FUNCTION_PROCESS_ENV = {
  MALLOC_MMAP_THRESHOLD_: String(128 * 1024),
  MALLOC_TRIM_THRESHOLD_: String(16 * 2 ** 20),
} as const;

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
        ...PACK_FUNCTION_PROCESS_ENV,
        DATA_BUCKET: data.bucket.bucketName,
        CONFIG_KEY,
        SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
        // No NODE_OPTIONS=--enable-source-maps: see PACK_FUNCTION_BUNDLING.sourceMap.
      },
      bundling: {
        forceDockerBundling: false,
        ...PACK_FUNCTION_BUNDLING,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The renderer reads its Handlebars templates from disk at run time.
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp -r "${inputDir}/templates" "${outputDir}/templates"`,
          ],
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
      [PREFIX.extracts, PREFIX.config, PREFIX.comments, PREFIX.reports, PREFIX.benchmarks].map(
        (prefix) => `/${prefix}*`,
      ),
      'Object ARNs scoped to one folder of the data bucket, as docs/OUTPUTS.md defines ' +
        'what a run reads (extracts/, config/, comments/, benchmarks/) and writes (reports/): new month ' +
        'and run folders appear every month, so the keys cannot be listed in advance.',
    );
  }
}

/** What a run reads and writes (docs/OUTPUTS.md), and nothing more. */
function runStatements({ data, email, senderAddress }: PackFunctionProps): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'ReadInputs',
      actions: ['s3:GetObject'],
      resources: [
        data.objectsUnder(PREFIX.extracts),
        data.objectsUnder(PREFIX.config),
        data.objectsUnder(PREFIX.comments),
        data.objectsUnder(PREFIX.benchmarks),
      ],
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
    dataKeyThroughS3(data),
    sendAsTheSender(email, senderAddress),
  ];
}

/** The data key, usable only through S3 (the approval reminder's role holds it too). */
export function dataKeyThroughS3(data: DataStore): iam.PolicyStatement {
  return new iam.PolicyStatement({
    // S3 encrypts with a data key from GenerateDataKey and decrypts with Decrypt;
    // it never calls Encrypt for SSE-KMS. Usable only through S3.
    sid: 'UseDataKeyThroughS3',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    resources: [data.key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(data).region}.amazonaws.com` } },
  });
}

/** Raw email as the configured sender, through the stack's configuration set, and nothing else. */
export function sendAsTheSender(email: Email, senderAddress: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'SendAsTheSenderOnly',
    actions: ['ses:SendRawEmail'],
    resources: [email.identityArn, email.configurationSetArn],
    conditions: { StringEquals: { 'ses:FromAddress': senderAddress } },
  });
}
