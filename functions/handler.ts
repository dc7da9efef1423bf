/**
 * The Lambda entry point: validates the environment once (a misconfigured function fails
 * at cold start, naming the variable), creates the clients once per instance, and hands
 * each event to the shared run — or, for an SES receipt event (an officer's reply), to
 * the receiving side (inbound/handle.ts).
 */
import { sharedS3Client, sharedSesClient } from './adapters/aws-clients';
import { systemClock } from './adapters/clock';
import { readFunctionEnv } from './adapters/env';
import { createJsonLogger } from './adapters/logger';
import { SesMailer } from './adapters/mailer';
import { UserError } from './core/errors';
import { handleInboundMail, type InboundResult } from './inbound/handle';
import { looksLikeSesReceiptEvent, parseSesReceiptEvent, type SesReceiptEvent } from './inbound/ses-event';
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
/**
 * The Lambda entry point. An SES receipt event goes to the receiving side and returns its
 * InboundResult (typed so for a caller holding a SesReceiptEvent; one holding an untyped
 * event checks with isInboundResult); every other event is a run event.
 */
export async function handler(event: SesReceiptEvent, context?: InvocationContext): Promise<InboundResult>;
export async function handler(event: unknown, context?: InvocationContext): Promise<HandlerResult>;
export async function handler(event: unknown, context?: InvocationContext): Promise<HandlerResult | InboundResult> {
  // A delivery claim holds until just after this invocation's deadline: a run killed by
  // the timeout leaves a claim that the event's next retry can take over.
  const deadline = context ? new Date(Date.now() + context.getRemainingTimeInMillis()) : null;
  if (looksLikeSesReceiptEvent(event)) return handleInboundMail(parseSesReceiptEvent(event), { ...deps, deadline });
  return handleRunEvent(event, deadline);
}

async function handleRunEvent(event: unknown, deadline: Date | null): Promise<HandlerResult> {
  let request;
  try {
    request = requestFromEvent(parseRunEvent(event));
  } catch (error) {
    logger.error('invalid-event', { message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
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
