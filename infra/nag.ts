/**
 * Helpers for writing cdk-nag acknowledgements (Validations.of(...).acknowledge) whose
 * ids name a resource's logical id, as cdk-nag's IAM5 findings do. The reason is always
 * written by the caller, next to the construct it excuses.
 */
import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The CloudFormation logical id of an L2 construct's main resource. */
export function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (resource === undefined || !CfnResource.isCfnResource(resource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to name`);
  }
  return Stack.of(construct).getLogicalId(resource);
}

/** Acknowledges IAM5 wildcard findings for `<resource>.Arn` + each suffix (e.g. `/reports/*`). */
export function acknowledgeWildcardResources(
  on: IConstruct,
  arnOf: IConstruct,
  suffixes: readonly string[],
  reason: string,
): void {
  const logicalId = logicalIdOf(arnOf);
  for (const suffix of suffixes) {
    Validations.of(on).acknowledge({ id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>${suffix}]`, reason });
  }
}
