/**
 * The function's environment (docs/EVENTS.md, "Function environment"), read once through a
 * zod schema so a missing or malformed setting fails fast with a message naming it.
 * Endpoints come only from the AWS SDK's own standard variables; we read them here just to
 * know whether a local (non-AWS) endpoint is in use, which needs path-style addressing.
 */
import * as z from 'zod';
import { ConfigError } from '../core/errors';
import { emailAddress, issueLines } from '../core/config/zod-helpers';
import { LAYOUT } from '../core/layout';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const functionEnvSchema = z.object({
  DATA_BUCKET: z.string().trim().min(3, 'is required (the data bucket name)').max(63),
  CONFIG_KEY: optionalText,
  SES_CONFIGURATION_SET: optionalText,
  /** The address officers reply to (SES email receiving); unset when the deployment receives no mail. */
  RECEIVING_ADDRESS: z.union([z.literal(''), emailAddress]).optional(),
});

/** The SDK's S3 endpoint overrides: only whether one is set matters here (path-style addressing). */
const sdkEnvSchema = z.object({
  AWS_ENDPOINT_URL: optionalText,
  AWS_ENDPOINT_URL_S3: optionalText,
});

export interface FunctionEnv {
  dataBucket: string;
  configKey: string;
  sesConfigurationSet: string | undefined;
  receivingAddress: string | null;
}

type EnvSource = Record<string, string | undefined>;

/** Validates the function's own variables; throws a ConfigError naming the variable. */
export function readFunctionEnv(env: EnvSource = process.env): FunctionEnv {
  const result = functionEnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(`Invalid function environment:\n${issueLines(result.error.issues).join('\n')}`);
  }
  return {
    dataBucket: result.data.DATA_BUCKET,
    configKey: result.data.CONFIG_KEY ?? LAYOUT.configKey,
    sesConfigurationSet: result.data.SES_CONFIGURATION_SET,
    receivingAddress: result.data.RECEIVING_ADDRESS || null,
  };
}

/** True when the SDK's standard settings point S3 at an endpoint other than AWS's own. */
export function hasS3EndpointOverride(env: EnvSource = process.env): boolean {
  const sdk = sdkEnvSchema.parse(env);
  return sdk.AWS_ENDPOINT_URL_S3 !== undefined || sdk.AWS_ENDPOINT_URL !== undefined;
}

const cliEnvSchema = z.object({
  DATA_BUCKET: optionalText,
  CONFIG_KEY: optionalText,
  SES_CONFIGURATION_SET: optionalText,
  INDICATOR_PACK_FUNCTION: optionalText,
});

export interface CliEnv {
  dataBucket: string | undefined;
  configKey: string;
  sesConfigurationSet: string | undefined;
  functionName: string | undefined;
}

/** The CLI's optional settings: the data bucket (when it works against S3) and the deployed function. */
export function readCliEnv(env: EnvSource = process.env): CliEnv {
  const parsed = cliEnvSchema.parse(env);
  return {
    dataBucket: parsed.DATA_BUCKET,
    configKey: parsed.CONFIG_KEY ?? LAYOUT.configKey,
    sesConfigurationSet: parsed.SES_CONFIGURATION_SET,
    functionName: parsed.INDICATOR_PACK_FUNCTION,
  };
}
