/**
 * SES email receiving for the officers' replies (issue 17): a receipt rule set with one
 * rule for the configured receiving address whose actions are, in order, an S3 action
 * storing the raw MIME at `inbox/<SES message id>` in the data bucket and a Lambda
 * action invoking the function with the receipt event (functions/inbound/ses-event.ts).
 * Spam and virus scanning is on (the verdicts who-may-act.ts requires) and TLS is
 * required. The rule set is created but NOT activated: an account has one active rule
 * set per region, and activating ours would replace any other (docs/DEPLOY.md,
 * "Receiving replies"). The S3 action is bound without CDK's own grant so that the bucket
 * policy can name the rule (aws:SourceArn) as well as the account.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as actions from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { LAYOUT } from '../functions/core/layout';
import type { DataStore } from './data-store';
import { acknowledgeWildcardResources } from './nag';

export interface InboundMailProps {
  readonly data: DataStore;
  /** The address officers reply to (the preview's Reply-To). */
  readonly receivingAddress: string;
  /** The function the Lambda action invokes; it is told the receiving address (RECEIVING_ADDRESS). */
  readonly target: lambda.Function;
  /** The target's role, given the reads and create-only writes the receiving side makes. */
  readonly targetRole: iam.IRole;
}

const INBOX_PREFIX = LAYOUT.inboxPrefix;
/** What the function itself writes under the inbox: replay markers, spoof notices, the sent-preview index. */
const MARKER_PREFIXES = [LAYOUT.processedPrefix, LAYOUT.spoofNoticePrefix, LAYOUT.sentIndexPrefix];

export const RULE_SET_NAME = 'indicator-pack-inbound';
export const RULE_NAME = 'officer-replies';

export class InboundMail extends Construct {
  readonly ruleSet: ses.ReceiptRuleSet;
  readonly rule: ses.ReceiptRule;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    const { data, target } = props;
    const stack = Stack.of(this);
    const ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${RULE_SET_NAME}:receipt-rule/${RULE_NAME}`,
    });

    // SES writes as its service principal, only for this account's rule (the confused-deputy guard).
    const sesWrites = { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': ruleArn } };
    const policy = data.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesToStoreReceivedMail',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [data.objectsUnder(INBOX_PREFIX)],
        conditions: sesWrites,
      }),
    );
    // The bucket's default encryption is SSE-KMS with the data key: S3 asks KMS for a data
    // key on the writer's behalf, so the key policy must let SES do that, through S3 only.
    data.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesToEncryptReceivedMailThroughS3',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey'],
        resources: ['*'],
        conditions: {
          ...sesWrites,
          StringEquals: { ...sesWrites.StringEquals, 'kms:ViaService': `s3.${stack.region}.amazonaws.com` },
        },
      }),
    );

    this.ruleSet = new ses.ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: RULE_SET_NAME });
    const storeRaw: ses.IReceiptRuleAction = {
      bind: () => ({ s3Action: { bucketName: data.bucket.bucketName, objectKeyPrefix: INBOX_PREFIX } }),
    };
    this.rule = this.ruleSet.addRule('OfficerReplies', {
      receiptRuleName: RULE_NAME,
      recipients: [props.receivingAddress],
      scanEnabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      enabled: true,
      actions: [storeRaw, new actions.Lambda({ function: target, invocationType: actions.LambdaInvocationType.EVENT })],
    });
    if (policy.policyDependable) this.rule.node.addDependency(policy.policyDependable);

    // The preview's Reply-To, and the sign for the run that replies are read (docs/EMAIL-ROUND-TRIP.md).
    target.addEnvironment('RECEIVING_ADDRESS', props.receivingAddress);
    props.targetRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // A reply's workbook becomes comments/<YYYY-MM>.json; the one it replaces is kept
        // under comments/history/ first (functions/inbound/reply-comments.ts).
        sid: 'WriteCommentsFromReplies',
        actions: ['s3:PutObject'],
        resources: [data.objectsUnder(LAYOUT.folder('comments'))],
      }),
    );
    props.targetRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadReceivedMail',
        actions: ['s3:GetObject'],
        resources: [data.objectsUnder(INBOX_PREFIX)],
      }),
    );
    props.targetRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // The replay markers and spoof notices (functions/inbound/replay.ts), created with
        // If-None-Match, and the index of sent previews (functions/inbound/preview-index.ts).
        sid: 'WriteInboxMarkers',
        actions: ['s3:PutObject'],
        resources: MARKER_PREFIXES.map((prefix) => data.objectsUnder(prefix)),
      }),
    );
    acknowledgeWildcardResources(
      props.targetRole,
      data.bucket,
      [INBOX_PREFIX, ...MARKER_PREFIXES, LAYOUT.folder('comments')].map((prefix) => `/${prefix}*`),
      'Object ARNs scoped to the inbox folders: each received message has its own key ' +
        '(its SES message id), unknown in advance.',
    );
  }
}
