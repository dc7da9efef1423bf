/**
 * Builds the CDK app: the stack from validated context, with cdk-nag's AWS Solutions
 * checks registered so that any finding not acknowledged (with its reason, next to the
 * construct) fails synthesis. Shared by infra/app.ts and the infrastructure tests.
 */
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings';
import { IndicatorPackStack } from './stack';

export const STACK_NAME = 'IndicatorPack';

export interface BuiltApp {
  readonly app: App;
  readonly stack: IndicatorPackStack;
  readonly nag: AwsSolutionsChecks;
}

export function buildApp(props: AppProps = {}): BuiltApp {
  const app = new App(props);
  const settings = readSettings((key) => app.node.tryGetContext(key));
  // Environment-agnostic: synthesises without AWS credentials; deploys to the account
  // and region of the deploying profile.
  const stack = new IndicatorPackStack(app, STACK_NAME, {
    settings,
    description: 'indicator-pack: monthly child-protection indicator pack (S3, Lambda, Scheduler, SES)',
  });
  const nag = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(nag);
  return { app, stack, nag };
}
