/**
 * The Lambda entry point: validates the environment once (a misconfigured function fails
 * at cold start, naming the variable), creates the clients once per instance, and hands
 * each event to the shared run.
 */
import { sharedS3Client, sharedSesClient } from './adapters/aws-clients';
import { systemClock } from './adapters/clock';
import { readFunctionEnv } from './adapters/env';
import { createJsonLogger } from './adapters/logger';
import { SesMailer } from './adapters/mailer';
import { UserError } from './core/errors';
import { bucketRunDeps } from './run/cloud-deps';
import { parseRunEvent } from './run/events';
import { requestFromEvent, runPack } from './run/run';
import type { RunStatus } from './run/manifest';

const env = readFunctionEnv();
const logger = createJsonLogger();
const deps = bucketRunDeps({
  env,
  s3: sharedS3Client(),
  mailer: new SesMailer(sharedSesClient(), env.sesConfigurationSet),
  clock: systemClock,
  logger,
});

export interface HandlerResult {
  runId: string;
  period: string;
  status: RunStatus;
  prefix: string;
  error: string | null;
}

/** The part of Lambda's context the run uses. */
export interface InvocationContext {
  getRemainingTimeInMillis(): number;
}

/**
 * Returns the run's outcome. A run that failed for a reason the user must fix (bad
 * extract, configuration, recipients) returns `failed` — retrying cannot help and would
 * repeat the failure notice. Any other failure (storage, mail) is rethrown so the
 * scheduler retries the event; the delivery ledger keeps a retry from sending twice.
 */
export async function handler(event: unknown, context?: InvocationContext): Promise<HandlerResult> {
  let request;
  try {
    request = requestFromEvent(parseRunEvent(event));
  } catch (error) {
    logger.error('invalid-event', { message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  // A delivery claim holds until just after this invocation's deadline: a run killed by
  // the timeout leaves a claim that the event's next retry can take over.
  const deadline = context ? new Date(Date.now() + context.getRemainingTimeInMillis()) : null;
  const result = await runPack(request, { ...deps, deadline });
  if (result.error && !(result.error instanceof UserError)) throw result.error;
  return {
    runId: result.runId,
    period: result.period,
    status: result.status,
    prefix: result.prefix,
    error: result.error?.message ?? null,
  };
}
