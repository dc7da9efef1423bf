/**
 * The managed policy for performance officers: exactly what their monthly work needs
 * (docs/DEPLOY.md) — put the extract and comments in place, read packs and manifests,
 * edit the pack configuration, ask for a rerun — and nothing else. Attach it to the
 * officers' role or group (it is not attached to anyone by the stack).
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { CONFIG_KEY, PREFIX, type DataStore } from './data-store';
import { acknowledgeWildcardResources } from './nag';

export interface OfficerPolicyProps {
  readonly data: DataStore;
  readonly runFunction: lambda.IFunction;
}

export class OfficerPolicy extends Construct {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: OfficerPolicyProps) {
    super(scope, id);
    const { data, runFunction } = props;
    const configObject = data.bucket.arnForObjects(CONFIG_KEY);

    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description:
        'indicator-pack performance officers: upload extracts and comments, read packs, edit config/pack.json, rerun',
      statements: [
        new iam.PolicyStatement({
          sid: 'Rerun',
          actions: ['lambda:InvokeFunction'],
          resources: [runFunction.functionArn],
        }),
        new iam.PolicyStatement({
          sid: 'PutExtractsAndComments',
          actions: ['s3:PutObject'],
          resources: [
            data.objectsUnder(PREFIX.extracts),
            data.objectsUnder(PREFIX.comments),
            data.objectsUnder(PREFIX.benchmarks),
            configObject,
          ],
        }),
        new iam.PolicyStatement({
          sid: 'ReadPacksCommentsAndConfig',
          actions: ['s3:GetObject'],
          resources: [data.objectsUnder(PREFIX.reports), data.objectsUnder(PREFIX.comments), configObject],
        }),
        new iam.PolicyStatement({
          sid: 'ListWorkingFolders',
          actions: ['s3:ListBucket'],
          resources: [data.bucket.bucketArn],
          conditions: {
            StringLike: {
              's3:prefix': [
                `${PREFIX.extracts}*`,
                `${PREFIX.comments}*`,
                `${PREFIX.reports}*`,
                `${PREFIX.config}*`,
                `${PREFIX.benchmarks}*`,
              ],
            },
          },
        }),
        new iam.PolicyStatement({
          sid: 'UseDataKeyThroughS3',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [data.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
        }),
      ],
    });
    acknowledgeWildcardResources(
      this.policy,
      data.bucket,
      [PREFIX.extracts, PREFIX.comments, PREFIX.reports, PREFIX.benchmarks].map((prefix) => `/${prefix}*`),
      "Object ARNs scoped to the folders of an officer's work: a new extract and comments file " +
        "each month (extracts/, comments/), each month's packs and manifests to read (reports/), and " +
        "DfE's newer published files as they appear (benchmarks/).",
    );
  }
}
