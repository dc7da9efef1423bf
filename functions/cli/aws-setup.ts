/**
 * The officer's AWS setup, said plainly: a missing region or credentials is a setup
 * mistake, not a fault of ours, so it gets a message saying what to set, never a stack.
 */
import { UserError } from '../core/errors';

/** The SDK's errors for a missing region and for no credentials, by name and message. */
export function awsSetupError(error: unknown): UserError | null {
  if (!(error instanceof Error)) return null;
  if (error.message === 'Region is missing' || /region is missing/i.test(error.message))
    return new UserError(
      'No AWS region is set: set AWS_REGION (e.g. AWS_REGION=eu-west-2) or choose a profile with a region ' +
        '(AWS_PROFILE), then try again.',
    );
  if (error.name === 'CredentialsProviderError' || /could not load credentials/i.test(error.message))
    return new UserError(
      'No AWS credentials were found: sign in (e.g. `aws sso login --profile NAME` and AWS_PROFILE=NAME) ' +
        'or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then try again.',
    );
  return null;
}

/**
 * The AWS SDK prints an eight-line warning about Node 20's end of support once per
 * process, in the middle of a run's output. The CLI and the demo run on the officer's
 * Node (the function runs on nodejs24.x, where it never appears); the SDK's own switch
 * turns it off (@aws-sdk/core, emitWarningIfUnsupportedVersion). An explicit setting wins.
 */
export function quietNodeVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
