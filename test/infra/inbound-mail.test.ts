/**
 * SES email receiving (infra/inbound-mail.ts), synthesised with a receiving address set:
 * the receipt rule, its two actions in order, and the permissions SES and the function
 * get; cdk-nag stays clean. Without the setting there is no rule set at all.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { synthesize, type Synthesized } from './synth';

const RECEIVING = 'pack-replies@haringey.example';
let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ bundle: false, context: { receivingAddress: RECEIVING } });
});

test('no receiving address, no rule set', () => {
  synthesize({ bundle: false }).template.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
});

test('one rule for the receiving address: scan on, TLS required, S3 into inbox/ then the Lambda action', () => {
  synth.template.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
  synth.template.hasResourceProperties('AWS::SES::ReceiptRule', {
    Rule: {
      Name: 'officer-replies',
      Recipients: [RECEIVING],
      ScanEnabled: true,
      TlsPolicy: 'Require',
      Enabled: true,
      Actions: [
        { S3Action: { ObjectKeyPrefix: 'inbox/', BucketName: Match.anyValue() } },
        { LambdaAction: { InvocationType: 'Event', FunctionArn: Match.anyValue() } },
      ],
    },
  });
});

test('SES may put objects under inbox/ only, for this account and rule', () => {
  synth.template.hasResourceProperties('AWS::S3::BucketPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({
          Sid: 'AllowSesToStoreReceivedMail',
          Principal: { Service: 'ses.amazonaws.com' },
          Action: 's3:PutObject',
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': Match.anyValue() },
          },
        }),
      ]),
    },
  });
});

test('SES may generate a data key through S3 only (the bucket is SSE-KMS)', () => {
  synth.template.hasResourceProperties('AWS::KMS::Key', {
    KeyPolicy: {
      Statement: Match.arrayWith([
        Match.objectLike({
          Sid: 'AllowSesToEncryptReceivedMailThroughS3',
          Action: 'kms:GenerateDataKey',
          Condition: { StringEquals: Match.objectLike({ 'kms:ViaService': Match.anyValue() }) },
        }),
      ]),
    },
  });
});

test('SES may invoke the function, for this account', () => {
  synth.template.hasResourceProperties('AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    Principal: 'ses.amazonaws.com',
    SourceAccount: { Ref: 'AWS::AccountId' },
  });
});

test('the function is told the receiving address, and may write comments and the inbox markers', () => {
  synth.template.hasResourceProperties('AWS::Lambda::Function', {
    Environment: { Variables: Match.objectLike({ RECEIVING_ADDRESS: RECEIVING }) },
  });
  const policies = JSON.stringify(synth.template.findResources('AWS::IAM::Policy'));
  const sids = ['WriteCommentsFromReplies', 'ReadReceivedMail', 'WriteInboxMarkers'].filter((sid) =>
    policies.includes(`"Sid":"${sid}"`),
  );
  expect(sids).toEqual(['WriteCommentsFromReplies', 'ReadReceivedMail', 'WriteInboxMarkers']);
});

test('without a receiving address the function has no RECEIVING_ADDRESS', () => {
  const { template } = synthesize({ bundle: false });
  const functions = Object.values(template.findResources('AWS::Lambda::Function')).map((f) => JSON.stringify(f));
  expect(functions.some((f) => f.includes('RECEIVING_ADDRESS'))).toBe(false);
});

test('cdk-nag reports no violation with receiving on', () => {
  const report = synth.nag.validateScope(synth.app);
  const findings = report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`),
  );
  expect(findings).toEqual([]);
});
