/**
 * Fine-grained assertions on the synthesised stack (cdk.json's context), one synthesis
 * for the whole file, functions bundled with the local esbuild as `cdk synth` does.
 */
import { hasSnapshot, SNAPSHOT_DIR } from '../../infra/benchmark-snapshot';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { functionBuildOptions } from '../../bench/build';
import { parsePackConfig } from '../../functions/core/config/pack-config';
import {
  arnOf,
  idOf,
  inlineStatementsOf,
  objectArn,
  refOf,
  REPO_ROOT,
  resourceOf,
  resourcesOfType,
  synthesize,
  viaService,
  type Synthesized,
} from './synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: true });
});

/** A statement with its Action and Resource lists sorted, to compare as sets. */
function normalize(statement: unknown): unknown {
  if (typeof statement !== 'object' || statement === null) return statement;
  // Keys in a fixed order too, so that JSON.stringify gives a stable sort key.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(statement).sort(([a], [b]) => a.localeCompare(b))) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    out[key] =
      key === 'Action' || key === 'Resource'
        ? [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        : value;
  }
  return out;
}

function expectExactStatements(actual: unknown[], expected: unknown[]): void {
  const sortKey = (s: unknown) => JSON.stringify(normalize(s));
  expect(actual.map(normalize).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
    expected.map(normalize).sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
  );
}

describe('monthly schedule', () => {
  test('runs at 07:00 on the 2nd in Europe/London and passes the scheduled time', () => {
    const { template, stack } = synth;
    const schedule = resourcesOfType<{
      ScheduleExpression: string;
      ScheduleExpressionTimezone: string;
      State: string;
      Target: { Input: string; RetryPolicy: unknown; DeadLetterConfig: unknown; RoleArn: unknown };
    }>(template, 'AWS::Scheduler::Schedule', {
      Properties: { Target: { Arn: arnOf(stack.run.function) } },
    });
    const [props] = schedule.map((r) => r.Properties);
    expect(props.ScheduleExpression).toBe('cron(0 7 2 * ? *)');
    expect(props.ScheduleExpressionTimezone).toBe('Europe/London');
    expect(props.State).toBe('ENABLED');
    expect(JSON.parse(props.Target.Input)).toEqual({
      trigger: 'schedule',
      scheduledTime: '<aws.scheduler.scheduled-time>',
    });
    expect(props.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 12 * 3600 });
    expect(props.Target.DeadLetterConfig).toEqual({ Arn: arnOf(stack.alerts.deadLetterQueue) });
    expect(props.Target.RoleArn).toEqual(arnOf(stack.monthly.role));
  });

  test("Scheduler's role may invoke the run function and reach the dead-letter queue, nothing else", () => {
    const { template, stack } = synth;
    expectExactStatements(inlineStatementsOf(template, stack.monthly.role), [
      {
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [arnOf(stack.run.function), { 'Fn::Join': ['', [arnOf(stack.run.function), ':*']] }],
      },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: arnOf(stack.alerts.deadLetterQueue) },
      {
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: arnOf(stack.alerts.key),
        Condition: { StringEquals: { 'kms:ViaService': viaService('sqs') } },
      },
    ]);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
    });
  });
});

describe('run function', () => {
  test('nodejs24.x on arm64, sized and limited to one run at a time', () => {
    const { template, stack } = synth;
    template.hasResource('AWS::Lambda::Function', {
      Properties: {
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 1024,
        Timeout: 300,
        ReservedConcurrentExecutions: 1,
        Role: arnOf(stack.run.role),
        LoggingConfig: { LogGroup: refOf(stack.run.logGroup) },
        Environment: {
          // Exactly these: no NODE_OPTIONS (--enable-source-maps would parse the map at every cold start); glibc's
          // mmap threshold fixed, so freed column chunks go back to the system (PACK_FUNCTION_PROCESS_ENV).
          Variables: Match.objectEquals({
            MALLOC_MMAP_THRESHOLD_: '131072',
            MALLOC_TRIM_THRESHOLD_: '16777216',
            DATA_BUCKET: refOf(stack.data.bucket),
            CONFIG_KEY: 'config/pack.json',
            SES_CONFIGURATION_SET: refOf(stack.email.configurationSet),
          }),
        },
      },
    });
    expect(resourceOf(template, stack.run.function).Properties.Runtime).toBe('nodejs24.x');
  });

  test('has its own encrypted log group with a retention period', () => {
    const { template, stack } = synth;
    expect(resourceOf(template, stack.run.logGroup)).toEqual(
      expect.objectContaining({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 365, KmsKeyId: arnOf(stack.data.key) },
        DeletionPolicy: 'Retain',
      }),
    );
  });

  test('async invocations retry twice, then go to the dead-letter queue', () => {
    const { template, stack } = synth;
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: refOf(stack.run.function),
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: arnOf(stack.alerts.deadLetterQueue) } },
    });
  });

  test('its role holds exactly the run’s statements (actions and resources)', () => {
    const { template, stack } = synth;
    const bucket = stack.data.bucket;
    const sesArn = (kind: string, construct: Parameters<typeof refOf>[0]) => ({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':ses:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          `:${kind}/`,
          refOf(construct),
        ],
      ],
    });
    expectExactStatements(inlineStatementsOf(template, stack.run.role), [
      {
        Sid: 'WriteOwnLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: arnOf(stack.run.logGroup),
      },
      {
        Sid: 'ReadInputs',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [
          objectArn(bucket, 'extracts/*'),
          objectArn(bucket, 'config/*'),
          objectArn(bucket, 'comments/*'),
          objectArn(bucket, 'benchmarks/*'),
        ],
      },
      {
        Sid: 'ReadAndWriteReports',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: objectArn(bucket, 'reports/*'),
      },
      { Sid: 'ListBucketForNotFound', Effect: 'Allow', Action: 's3:ListBucket', Resource: arnOf(bucket) },
      {
        Sid: 'UseDataKeyThroughS3',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: arnOf(stack.data.key),
        Condition: { StringEquals: { 'kms:ViaService': viaService('s3') } },
      },
      {
        Sid: 'SendAsTheSenderOnly',
        Effect: 'Allow',
        Action: 'ses:SendRawEmail',
        Resource: [sesArn('identity', stack.email.identity), sesArn('configuration-set', stack.email.configurationSet)],
        Condition: { StringEquals: { 'ses:FromAddress': 'performance@haringey.example' } },
      },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: arnOf(stack.alerts.deadLetterQueue) },
      {
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: arnOf(stack.alerts.key),
        Condition: { StringEquals: { 'kms:ViaService': viaService('sqs') } },
      },
    ]);
  });

  test('its role has no managed policies and trusts only Lambda', () => {
    const { template, stack } = synth;
    const role = resourceOf<{ ManagedPolicyArns?: unknown; AssumeRolePolicyDocument: { Statement: unknown } }>(
      template,
      stack.run.role,
    );
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
    ]);
  });

  test('the bundle is index.js with its source map, and the templates folder beside it', () => {
    const { template, stack, outdir } = synth;
    const s3Key = resourceOf<{ Code: { S3Key: string } }>(template, stack.run.function).Properties.Code.S3Key;
    const bundleDir = path.join(outdir, `asset.${s3Key.replace(/\.zip$/, '')}`);
    expect(readdirSync(bundleDir).sort()).toEqual(['index.js', 'index.js.map', 'templates']);
    // functions/core/render/templates.ts looks beside the bundled file for templates/.
    expect(existsSync(path.join(bundleDir, 'templates', 'pack.html.hbs'))).toBe(true);
    expect(existsSync(path.join(bundleDir, 'templates', 'partials'))).toBe(true);
  });

  /** The run function's bundled index.js, as synthesised. */
  function runBundle(): string {
    const { template, stack, outdir } = synth;
    const s3Key = resourceOf<{ Code: { S3Key: string } }>(template, stack.run.function).Properties.Code.S3Key;
    return readFileSync(path.join(outdir, `asset.${s3Key.replace(/\.zip$/, '')}`, 'index.js'), 'utf8');
  }

  test('the benchmarks measure this very bundle: bench/build.ts builds it byte for byte', async () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'bench-bundle-'));
    const outfile = path.join(outdir, 'index.js');
    await build({
      ...functionBuildOptions(),
      entryPoints: [path.join(REPO_ROOT, 'functions', 'handler.ts')],
      outfile,
      logLevel: 'error',
    });
    expect(readFileSync(outfile, 'utf8') === runBundle()).toBe(true);
  });

  test('the bundle takes the AWS SDK from the runtime and holds no copy of it', () => {
    const bundle = runBundle();
    for (const client of ['@aws-sdk/client-s3', '@aws-sdk/client-ses'])
      expect(bundle).toContain(`require("${client}")`);
    // A bundled SDK would carry its clients' source, such as this S3 command's name.
    expect(bundle).not.toContain('PutBucketLifecycleConfigurationCommand');
  });
});

describe('data bucket', () => {
  test('is encrypted with a rotating customer-managed key, versioned, private, logged and retained', () => {
    const { template, stack } = synth;
    expect(resourceOf(template, stack.data.bucket)).toEqual(
      expect.objectContaining({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: expect.objectContaining({
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              {
                BucketKeyEnabled: true,
                ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arnOf(stack.data.key) },
              },
            ],
          },
          VersioningConfiguration: { Status: 'Enabled' },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          LoggingConfiguration: {
            DestinationBucketName: refOf(stack.data.accessLogBucket),
            LogFilePrefix: 'data-bucket/',
          },
        }) as unknown,
      }),
    );
    template.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true, Description: Match.stringLikeRegexp('data bucket') },
      DeletionPolicy: 'Retain',
    });
  });

  test('expires extracts, received mail and old versions after their days, and keeps reports', () => {
    const { template, stack } = synth;
    const rules = resourceOf<{ LifecycleConfiguration: { Rules: unknown } }>(template, stack.data.bucket).Properties
      .LifecycleConfiguration.Rules;
    expect(rules).toEqual([
      {
        Id: 'expire-noncurrent-versions',
        Status: 'Enabled',
        NoncurrentVersionExpiration: { NoncurrentDays: 365 },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      },
      { Id: 'expire-extracts', Status: 'Enabled', Prefix: 'extracts/', ExpirationInDays: 90 },
      { Id: 'expire-received-mail', Status: 'Enabled', Prefix: 'inbox/', ExpirationInDays: 90 },
      { Id: 'remove-expired-delete-markers', Status: 'Enabled', ExpiredObjectDeleteMarker: true },
    ]);
  });

  test('its policy denies every request not made over TLS 1.2+', () => {
    const { template, stack } = synth;
    const bucketAndObjects = [arnOf(stack.data.bucket), objectArn(stack.data.bucket, '*')];
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: refOf(stack.data.bucket),
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: bucketAndObjects,
          },
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
            Resource: bucketAndObjects,
          },
        ],
      },
    });
  });

  test('the access-log bucket is private, TLS-only and retained too', () => {
    const { template, stack } = synth;
    const logBucket = resourceOf(template, stack.data.accessLogBucket);
    expect(logBucket.DeletionPolicy).toBe('Retain');
    expect(logBucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: refOf(stack.data.accessLogBucket),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('alerts', () => {
  test('the dead-letter queue is KMS-encrypted, TLS-only and alarmed when not empty', () => {
    const { template, stack } = synth;
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: arnOf(stack.alerts.key),
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [refOf(stack.alerts.deadLetterQueue)],
      PolicyDocument: {
        Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(stack.alerts.deadLetterQueue), 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      AlarmActions: [refOf(stack.alerts.topic)],
    });
  });

  test('run errors raise an alarm to the officers', () => {
    const { template, stack } = synth;
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: refOf(stack.run.function) }],
      Statistic: 'Sum',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [refOf(stack.alerts.topic)],
    });
  });

  test('a month without a published pack by day 5 raises an alarm', () => {
    const { template, stack } = synth;
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'IndicatorPack',
      MetricName: 'MonthlyPackPublished',
      Dimensions: [{ Name: 'DataBucket', Value: refOf(stack.data.bucket) }],
      Statistic: 'Minimum',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'ignore',
      AlarmDescription: Match.stringLikeRegexp('by day 5'),
      AlarmActions: [refOf(stack.alerts.topic)],
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 5-31 * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
      Target: { Arn: arnOf(stack.monitor.function) },
    });
  });

  test('the monitor may only list the latest.json pointers (and log, and dead-letter)', () => {
    const { template, stack } = synth;
    const statements = inlineStatementsOf(template, stack.monitor.role);
    expect(statements).toContainEqual({
      Sid: 'ListLatestPointers',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: arnOf(stack.data.bucket),
      Condition: { StringLike: { 's3:prefix': 'reports/*/latest.json' } },
    });
    const actions = statements.flatMap((s) => {
      const action = normalize(s);
      return typeof action === 'object' && action !== null && 'Action' in action && Array.isArray(action.Action)
        ? (action.Action as unknown[])
        : [];
    });
    expect(actions.sort()).toEqual([
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:ListBucket',
      'sqs:SendMessage',
    ]);
  });

  test('the topic is KMS-encrypted, TLS-only and the officers subscribe by email', () => {
    const { template, stack } = synth;
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: arnOf(stack.alerts.key) });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'performance.officer@haringey.example',
      TopicArn: refOf(stack.alerts.topic),
    });
  });

  test('only CloudWatch and SES of this account may use the alert key besides the account', () => {
    const { template, stack } = synth;
    const keyPolicy = resourceOf<{ KeyPolicy: { Statement: unknown[] } }>(template, stack.alerts.key).Properties
      .KeyPolicy.Statement;
    expect(keyPolicy).toContainEqual({
      Sid: 'AllowAlarmAndEmailEventPublishing',
      Effect: 'Allow',
      Principal: { Service: ['cloudwatch.amazonaws.com', 'ses.amazonaws.com'] },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
  });
});

describe('SES', () => {
  test('the sender identity and a configuration set that suppresses bounces and complaints', () => {
    const { template } = synth;
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'performance@haringey.example' });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SendingOptions: { SendingEnabled: true },
    });
  });

  test('bounces, complaints, rejects and delays are published to the alert topic', () => {
    const { template, stack } = synth;
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: refOf(stack.email.configurationSet),
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'reject', 'deliveryDelay'],
        SnsDestination: { TopicARN: refOf(stack.alerts.topic) },
      },
    });
  });
});

describe('officer policy', () => {
  test('grants exactly rerun, extract/comment upload, pack reading and config editing', () => {
    const { template, stack } = synth;
    const bucket = stack.data.bucket;
    const policy = resourceOf<{ PolicyDocument: { Statement: unknown[] } }>(template, stack.officers.policy);
    expect(policy.Type).toBe('AWS::IAM::ManagedPolicy');
    expectExactStatements(policy.Properties.PolicyDocument.Statement, [
      { Sid: 'Rerun', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: arnOf(stack.run.function) },
      {
        Sid: 'PutExtractsAndComments',
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: [
          objectArn(bucket, 'extracts/*'),
          objectArn(bucket, 'comments/*'),
          objectArn(bucket, 'benchmarks/*'),
          objectArn(bucket, 'config/pack.json'),
        ],
      },
      {
        Sid: 'ReadPacksCommentsAndConfig',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [
          objectArn(bucket, 'reports/*'),
          objectArn(bucket, 'comments/*'),
          objectArn(bucket, 'config/pack.json'),
        ],
      },
      {
        Sid: 'ListWorkingFolders',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: arnOf(bucket),
        Condition: {
          StringLike: { 's3:prefix': ['extracts/*', 'comments/*', 'reports/*', 'config/*', 'benchmarks/*'] },
        },
      },
      {
        Sid: 'UseDataKeyThroughS3',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: arnOf(stack.data.key),
        Condition: { StringEquals: { 'kms:ViaService': viaService('s3') } },
      },
    ]);
  });
});

describe('benchmark snapshot', () => {
  test('the repository holds none, so nothing is uploaded to benchmarks/ (docs/DEPLOY.md)', () => {
    expect(hasSnapshot(SNAPSHOT_DIR)).toBe(false);
    expect(Object.keys(synth.template.findResources('Custom::CDKBucketDeployment'))).toEqual([]);
  });
});

describe('default configuration', () => {
  test('is written to config/pack.json only if absent, and "already exists" is not an error', () => {
    const { template, stack } = synth;
    const resource = resourceOf<Record<string, { 'Fn::Join': [string, unknown[]] } | undefined>>(
      template,
      stack.defaultConfig.upload.node.findChild('Resource'),
    );
    expect(resource.Type).toBe('Custom::AWS');
    for (const phase of ['Create', 'Update']) {
      const joined = resource.Properties[phase]?.['Fn::Join'][1] ?? [];
      // The only non-literal part is the bucket name, inside a JSON string.
      const text = joined.map((part) => (typeof part === 'string' ? part : 'BUCKET')).join('');
      const call = JSON.parse(text) as { parameters: { Body: string } };
      expect(call).toEqual(
        expect.objectContaining({
          service: 'S3',
          action: 'putObject',
          ignoreErrorCodesMatching: 'PreconditionFailed|ConditionalRequestConflict',
          physicalResourceId: { id: 'config/pack.json' },
        }),
      );
      expect(call.parameters).toEqual(
        expect.objectContaining({ Key: 'config/pack.json', IfNoneMatch: '*', ContentType: 'application/json' }),
      );
      const config = parsePackConfig(JSON.parse(call.parameters.Body) as unknown, 'seeded config');
      expect(config.authority).toBe('Haringey');
      expect(config.distribution).toEqual({
        from: 'performance@haringey.example',
        to: ['director.childrens.services@haringey.example', 'head.safeguarding@haringey.example'],
        cc: [],
        officers: ['performance.officer@haringey.example'],
        allowedDomains: ['haringey.example'],
      });
    }
    expect(resource.Properties.Delete).toBeUndefined();
  });

  test('its role may put that one key and encrypt through S3, nothing else', () => {
    const { template, stack } = synth;
    expectExactStatements(inlineStatementsOf(template, stack.defaultConfig.role), [
      {
        Sid: 'WriteOwnLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: arnOf(stack.defaultConfig.logGroup),
      },
      {
        Sid: 'PutConfigIfAbsent',
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: objectArn(stack.data.bucket, 'config/pack.json'),
      },
      {
        Sid: 'EncryptThroughS3',
        Effect: 'Allow',
        Action: 'kms:GenerateDataKey',
        Resource: arnOf(stack.data.key),
        Condition: { StringEquals: { 'kms:ViaService': viaService('s3') } },
      },
    ]);
  });
});

describe('every function', () => {
  test('runs on nodejs24.x with a one-year log group of its own', () => {
    const { template } = synth;
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    expect(functions.length).toBe(3);
    for (const fn of functions) expect(fn.Properties.Runtime).toBe('nodejs24.x');
    const logGroups = resourcesOfType(template, 'AWS::Logs::LogGroup');
    expect(logGroups.length).toBe(3);
    for (const group of logGroups) expect(group.Properties.RetentionInDays).toBe(365);
    template.resourceCountIs('AWS::IAM::Role', 5);
    for (const role of resourcesOfType(template, 'AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});
