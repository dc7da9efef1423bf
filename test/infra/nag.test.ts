/**
 * cdk-nag's AWS Solutions checks over the real app: synthesis must pass with no
 * unacknowledged finding, and every acknowledgement must carry its reason. Bundling is
 * skipped (the checks read the templates, not the function code).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { synthesize, type Synthesized } from './synth';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false });
});

/** Every acknowledgement recorded in the construct tree: rule id → reason, by path. */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => {
        const data: unknown = entry.data;
        return Object.entries(typeof data === 'object' && data !== null ? data : {}).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason: String(reason),
        }));
      }),
  );
}

test('the app synthesises with the AWS Solutions checks and reports no violation', () => {
  const report = synth.nag.validateScope(synth.app);
  const findings = report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`),
  );
  expect(findings).toEqual([]);
  expect(report.success).toBe(true);

  const written: unknown = JSON.parse(readFileSync(path.join(synth.outdir, 'validation-report.json'), 'utf8'));
  expect(written).toEqual(expect.objectContaining({ pluginReports: [] }));
});

test('no error annotation anywhere in the stack', () => {
  Annotations.fromStack(synth.stack).hasNoError('*', Match.anyValue());
});

test('an unacknowledged finding fails synthesis (the checks are really on)', () => {
  const app = new App();
  const stack = new Stack(app, 'Probe');
  new s3.Bucket(stack, 'Unlogged', { enforceSSL: true });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  expect(() => app.synth()).toThrow(/AwsSolutions-S1\b/);
});

test('every acknowledgement names its rule and gives a reason next to the construct', () => {
  const acks = acknowledgements(synth.app);
  for (const ack of acks) {
    expect(ack.id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
    expect(ack.reason.length).toBeGreaterThan(40);
  }
  expect(acks.map((ack) => `${ack.path}: ${ack.id}`).sort()).toEqual(
    [
      'IndicatorPack/Alerts/DeadLetterQueue: AwsSolutions-SQS3',
      'IndicatorPack/Data/AccessLogBucket: AwsSolutions-S1',
      'IndicatorPack/Monitor/SchedulerRole: AwsSolutions-IAM5[Resource::<MonitorFunction39E4128B.Arn>:*]',
      'IndicatorPack/Monthly/Role: AwsSolutions-IAM5[Resource::<RunFunction293031D5.Arn>:*]',
      'IndicatorPack/Officers/Policy: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/benchmarks/*]',
      'IndicatorPack/Officers/Policy: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/comments/*]',
      'IndicatorPack/Officers/Policy: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/extracts/*]',
      'IndicatorPack/Officers/Policy: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/reports/*]',
      'IndicatorPack/Run/Role: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/benchmarks/*]',
      'IndicatorPack/Run/Role: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/comments/*]',
      'IndicatorPack/Run/Role: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/config/*]',
      'IndicatorPack/Run/Role: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/extracts/*]',
      'IndicatorPack/Run/Role: AwsSolutions-IAM5[Resource::<DataDataBucketA7E8509A.Arn>/reports/*]',
    ].sort(),
  );
});
