/**
 * The approval reminder in the stack (infra/approval-reminder.ts), synthesised with a
 * receiving address: the working-day schedule with its input, the monitor function's new
 * settings, and its role's exact statements (least privilege); cdk-nag stays clean.
 * Without receiving there is no reminder schedule and the monitor keeps its one listing.
 */
import { Match } from 'aws-cdk-lib/assertions';
import {
  arnOf,
  cdkJsonContext,
  inlineStatementsOf,
  objectArn,
  refOf,
  synthesize,
  viaService,
  type Synthesized,
} from './synth';

const RECEIVING = 'pack-replies@haringey.example';
/** cdk.json's senderAddress. */
const SENDER = String(cdkJsonContext().senderAddress);
let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false, context: { receivingAddress: RECEIVING } });
});

test('a second schedule invokes the monitor on working days at 09:00 UK time with check: approval-reminder', () => {
  const { stack, template } = synth;
  template.hasResourceProperties('AWS::Scheduler::Schedule', {
    ScheduleExpression: 'cron(0 9 ? * MON-FRI *)',
    ScheduleExpressionTimezone: 'Europe/London',
    Target: {
      Arn: arnOf(stack.monitor.function),
      Input: JSON.stringify({ check: 'approval-reminder' }),
      RoleArn: arnOf(stack.monitor.schedulerRole),
      DeadLetterConfig: { Arn: arnOf(stack.alerts.deadLetterQueue) },
    },
  });
});

test('the monitor is told the configuration key, the configuration set and the receiving address', () => {
  const { stack, template } = synth;
  template.hasResource('AWS::Lambda::Function', {
    Properties: {
      Environment: {
        Variables: {
          DATA_BUCKET: refOf(stack.data.bucket),
          CONFIG_KEY: 'config/pack.json',
          SES_CONFIGURATION_SET: refOf(stack.email.configurationSet),
          RECEIVING_ADDRESS: RECEIVING,
        },
      },
    },
  });
});

test("the monitor's role: the listing it had, and exactly what the reminder reads, writes and sends", () => {
  const { stack, template } = synth;
  const bucket = stack.data.bucket;
  const statements = inlineStatementsOf(template, stack.monitor.role);
  expect(statements).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        Sid: 'ListLatestPointers',
        Action: 's3:ListBucket',
        Condition: { StringLike: { 's3:prefix': 'reports/*/latest.json' } },
      }),
      {
        Sid: 'ReadConfigAndPreviews',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [objectArn(bucket, 'config/pack.json'), objectArn(bucket, 'reports/*/previews/*')],
      },
      {
        Sid: 'WriteReminderMarkers',
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: objectArn(bucket, 'reports/*/previews/*.reminded.json'),
      },
      {
        Sid: 'ListPreviewsAndLedger',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: arnOf(bucket),
        Condition: { StringLike: { 's3:prefix': ['reports/*/previews/', 'reports/*/delivery/schedule/'] } },
      },
      {
        Sid: 'UseDataKeyThroughS3',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: arnOf(stack.data.key),
        Condition: { StringEquals: { 'kms:ViaService': viaService('s3') } },
      },
      expect.objectContaining({
        Sid: 'SendAsTheSenderOnly',
        Action: 'ses:SendRawEmail',
        Condition: { StringEquals: { 'ses:FromAddress': SENDER } },
      }),
    ]),
  );
  // Nothing else about objects: no read of extracts, comments, runs or the inbox, no delete.
  const actions = JSON.stringify(statements);
  expect(actions).not.toMatch(/s3:DeleteObject|extracts\/|comments\/|inbox\//);
});

test('cdk-nag reports no violation with the reminder on', () => {
  const report = synth.nag.validateScope(synth.app);
  const findings = report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`),
  );
  expect(findings).toEqual([]);
});

test('without receiving: no reminder schedule, and the monitor reads no object and sends nothing', () => {
  const { stack, template } = synthesize({ bundle: false });
  expect(stack.reminder).toBeUndefined();
  template.resourcePropertiesCountIs(
    'AWS::Scheduler::Schedule',
    { ScheduleExpression: Match.stringLikeRegexp('MON-FRI') },
    0,
  );
  const statements = JSON.stringify(inlineStatementsOf(template, stack.monitor.role));
  expect(statements).not.toMatch(/s3:GetObject|s3:PutObject|ses:SendRawEmail|UseDataKeyThroughS3/);
});
