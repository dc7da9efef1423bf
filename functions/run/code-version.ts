/** The code version the manifest records: the package version, plus the Lambda version when deployed. */
import * as z from 'zod';
import { version } from '../../package.json';

const lambdaEnvSchema = z.object({ AWS_LAMBDA_FUNCTION_VERSION: z.string().optional() });

export function codeVersion(env: Record<string, string | undefined> = process.env): string {
  const lambda = lambdaEnvSchema.parse(env).AWS_LAMBDA_FUNCTION_VERSION;
  return lambda ? `indicator-pack@${version} (lambda ${lambda})` : `indicator-pack@${version}`;
}
