/**
 * The deployment puts a starting pack configuration at config/pack.json — the
 * repository's default with this council's name, sender and people from the CDK context —
 * but never over one that is already there: once the officers have edited it, theirs
 * wins. The write is an S3 conditional put (If-None-Match: *); "already exists" is the
 * expected answer on every later deploy and is ignored.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { parsePackConfig } from '../functions/core/config/pack-config';
import { CONFIG_KEY, type DataStore } from './data-store';
import { functionRole, lambdaLogGroup } from './function-basics';
import type { DeploymentSettings } from './settings';

export const DEFAULT_PACK_PATH = path.resolve(__dirname, '..', 'functions', 'core', 'config', 'default-pack.json');

/** The S3 answers meaning "config/pack.json already exists" (412, or 409 when racing). */
export const ALREADY_EXISTS_CODES = 'PreconditionFailed|ConditionalRequestConflict';

type JsonObject = { [key: string]: unknown };

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The first configuration for this council: the default pack with the context's
 * authority (also in titles that name the default council, e.g. "Children moving to
 * Haringey…"), sender, distribution list, officers and allowed domains. Validated as a
 * pack configuration, so a context that would give an invalid one stops synthesis.
 */
export function seedPackConfig(defaultPack: unknown, settings: DeploymentSettings): JsonObject {
  if (!isJsonObject(defaultPack)) throw new Error('default-pack.json is not a JSON object');
  const defaultAuthority = parsePackConfig(defaultPack, 'default-pack.json').authority;
  const renamed = renameAuthority(defaultPack, defaultAuthority, settings.authority);
  if (!isJsonObject(renamed)) throw new Error('default-pack.json is not a JSON object');
  const seeded: JsonObject = {
    ...renamed,
    authority: settings.authority,
    distribution: {
      from: settings.senderAddress,
      to: settings.recipientAddresses,
      cc: [],
      officers: settings.officerAddresses,
      allowedDomains: settings.allowedDomains,
    },
  };
  parsePackConfig(seeded, 'the configuration seeded from CDK context');
  return seeded;
}

/** Replaces the council's name as a whole word in every string of a JSON value. */
function renameAuthority(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.replace(new RegExp(`\\b${escapeRegExp(from)}\\b`, 'g'), to);
  if (Array.isArray(value)) return value.map((item) => renameAuthority(item, from, to));
  if (isJsonObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renameAuthority(item, from, to)]));
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface DefaultConfigProps {
  readonly data: DataStore;
  readonly settings: DeploymentSettings;
}

export class DefaultConfig extends Construct {
  readonly upload: cr.AwsCustomResource;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  /** The configuration the first deploy writes. */
  readonly seeded: JsonObject;

  constructor(scope: Construct, id: string, props: DefaultConfigProps) {
    super(scope, id);
    const { data } = props;
    this.seeded = seedPackConfig(JSON.parse(readFileSync(DEFAULT_PACK_PATH, 'utf8')), props.settings);

    this.logGroup = lambdaLogGroup(this, 'LogGroup', data.key);
    this.role = functionRole(this, 'Role', 'indicator-pack: writes config/pack.json if absent', this.logGroup);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'PutConfigIfAbsent',
        actions: ['s3:PutObject'],
        resources: [data.bucket.arnForObjects(CONFIG_KEY)],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'EncryptThroughS3',
        actions: ['kms:GenerateDataKey'],
        resources: [data.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );

    const putIfAbsent: cr.AwsSdkCall = {
      service: 'S3',
      action: 'putObject',
      parameters: {
        Bucket: data.bucket.bucketName,
        Key: CONFIG_KEY,
        Body: `${JSON.stringify(this.seeded, null, 2)}\n`,
        ContentType: 'application/json',
        IfNoneMatch: '*',
      },
      physicalResourceId: cr.PhysicalResourceId.of(CONFIG_KEY),
      ignoreErrorCodesMatching: ALREADY_EXISTS_CODES,
    };
    this.upload = new cr.AwsCustomResource(this, 'PutIfAbsent', {
      // Same call on update: a changed context only reaches a bucket that has no
      // config/pack.json yet. Nothing on delete: the officers' configuration stays.
      onCreate: putIfAbsent,
      onUpdate: putIfAbsent,
      role: this.role,
      logGroup: this.logGroup,
      // The runtime's own SDK: no package download while deploying.
      installLatestAwsSdk: false,
      timeout: Duration.minutes(1),
    });
  }
}
