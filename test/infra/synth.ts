/**
 * Synthesises the real app (infra/build-app.ts, cdk-nag included) with cdk.json's
 * context, into a temporary folder so parallel test files do not share cdk.out.
 * Each test file synthesises once (bundling the functions with the local esbuild takes
 * a few seconds); pass `bundle: false` where the function code does not matter.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp, type BuiltApp } from '../../infra/build-app';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The context values the CLI would pass from cdk.json. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8'));
  if (typeof cdkJson !== 'object' || cdkJson === null || !('context' in cdkJson))
    throw new Error('cdk.json has no context');
  const { context } = cdkJson;
  if (typeof context !== 'object' || context === null) throw new Error('cdk.json context is not an object');
  return { ...context };
}

export interface Synthesized extends BuiltApp {
  readonly template: Template;
  readonly outdir: string;
}

export function synthesize(options: { bundle: boolean; context?: Record<string, unknown> }): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'indicator-pack-cdk-'));
  const context: Record<string, unknown> = { ...cdkJsonContext(), ...options.context };
  // CDK's own switch: an empty list means "bundle assets of no stack".
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  const built = buildApp({ outdir, context });
  const template = Template.fromStack(built.stack);
  return { ...built, template, outdir };
}

/** The logical id of a construct's CloudFormation resource, as the template names it. */
export function idOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (resource === undefined || !CfnResource.isCfnResource(resource))
    throw new Error(`${construct.node.path} has no resource`);
  return Stack.of(construct).getLogicalId(resource);
}

/**
 * A resource of the synthesised template as a test reads it. The template is JSON without a
 * schema, so a test names the properties it reads with `P`; its assertions check the values.
 */
export interface TemplateResource<P = Record<string, unknown>> {
  readonly Type: string;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Properties: P;
}

/** The template's resource for a construct (by its logical id). */
export function resourceOf<P = Record<string, unknown>>(
  template: Template,
  construct: IConstruct,
): TemplateResource<P> {
  const { Resources } = template.toJSON() as { Resources: Record<string, TemplateResource<P> | undefined> };
  const resource = Resources[idOf(construct)];
  if (resource === undefined) throw new Error(`the template has no resource for ${construct.node.path}`);
  return resource;
}

/** The template's resources of one type (and matching `props`, as findResources matches them). */
export function resourcesOfType<P = Record<string, unknown>>(
  template: Template,
  type: string,
  props?: object,
): TemplateResource<P>[] {
  return Object.values(template.findResources(type, props)) as TemplateResource<P>[];
}

/** `{ "Fn::GetAtt": [id, "Arn"] }` for a construct. */
export function arnOf(construct: IConstruct): unknown {
  return { 'Fn::GetAtt': [idOf(construct), 'Arn'] };
}

/** The ARN of the objects under a key pattern of a bucket, as CDK renders it. */
export function objectArn(bucket: IConstruct, keyPattern: string): unknown {
  return { 'Fn::Join': ['', [arnOf(bucket), `/${keyPattern}`]] };
}

export function refOf(construct: IConstruct): unknown {
  return { Ref: idOf(construct) };
}

/** `<service>.<region>.amazonaws.com`, as the kms:ViaService conditions render it. */
export function viaService(service: string): unknown {
  return { 'Fn::Join': ['', [`${service}.`, { Ref: 'AWS::Region' }, '.amazonaws.com']] };
}

/** The statements of the one inline policy attached to a role. */
export function inlineStatementsOf(template: Template, role: IConstruct): unknown[] {
  const documents = resourcesOfType<{ PolicyDocument: { Statement: unknown[] } }>(template, 'AWS::IAM::Policy', {
    Properties: { Roles: [refOf(role)] },
  });
  if (documents.length !== 1) throw new Error(`expected one policy on ${role.node.path}, found ${documents.length}`);
  return documents[0].Properties.PolicyDocument.Statement;
}
