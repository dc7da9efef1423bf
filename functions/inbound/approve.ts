/**
 * APPROVE: releasing the previewed run to the distribution list. What is sent is the run
 * STORED — its pack.json (the email is rendered from it, with the render facts the
 * preview was made with) and its pack.xlsx as attached — never a recomputation, and it
 * goes through the month's exactly-once ledger (delivery-ledger.ts) like the scheduled
 * pack, so approving twice, or approving after the schedule sent the month, sends once.
 * A preview that is no longer the month's newest is refused: the officer would release
 * something other than what they last saw.
 */
import { SES_MAX_MESSAGE_BYTES } from '../adapters/mailer';
import type { PackConfig } from '../core/config/pack-config';
import { LAYOUT } from '../core/layout';
import type { Pack } from '../core/pack/pack-types';
import { buildPackView, monthTitle } from '../core/render/view-model';
import { alreadyDelivered, assertNoneHeld, ledgerFor, planDelivery, sendBatches, type Delivery } from '../run/delivery';
import type { RunDeps } from '../run/run';
import { composeMessages } from '../run/steps/render';
import { publishRun } from '../run/steps/store';
import type { PreviewIndex } from './preview-index';
import { makeRunToken } from './run-token';
import type { AnsweredRun } from './which-run';

/** The month's pack, exactly once: the schedule's own delivery. */
const RELEASE: Delivery = { mode: 'distribution', kind: 'pack', exactlyOnce: true };

export interface Approval {
  outcome: 'sent' | 'outdated' | 'already-sent';
  /** What the officer is told. */
  reply: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function storedFile(deps: RunDeps, run: AnsweredRun, file: 'json' | 'workbook'): Promise<Buffer> {
  const key = LAYOUT.runFileKey(run.period, run.runId, file);
  const found = await deps.store.get(key);
  // The preview index names only runs that stored their outputs before sending.
  if (!found) throw new Error(`The approved run's ${key} is missing from ${deps.store.description}`);
  return found.body;
}

/** pack.json as the run wrote it (serializePack); checked to be that run's month before it is sent. */
function storedPack(body: Buffer, run: AnsweredRun): Pack {
  const value: unknown = JSON.parse(body.toString('utf8'));
  if (typeof value !== 'object' || value === null || !('period' in value) || value.period !== run.period)
    throw new Error(`The stored pack.json of run ${run.runId} is not the ${run.period} pack`);
  // Our own output, written from a Pack by serializePack and never edited: its shape is the Pack's.
  return value as Pack;
}

export async function approveRun(
  run: AnsweredRun,
  deps: RunDeps,
  config: PackConfig,
  index: PreviewIndex,
): Promise<Approval> {
  const { store, clock } = deps;
  const month = monthTitle(run.period);
  const preview = await index.preview(run.period, run.runId);
  const newest = await index.newest(run.period);
  if (!preview || !newest) throw new Error(`run ${run.runId} has no preview record`);
  if (newest.runId !== run.runId)
    return {
      outcome: 'outdated',
      reply:
        `Nothing was sent: the preview you approved (${makeRunToken(run.period, run.runId)}) is not the newest ` +
        `preview of the ${month} pack. A newer one was sent on ${newest.sentAt}: "${newest.subject}". ` +
        'Check that one, and reply APPROVE to it to send the pack.',
    };

  const plan = planDelivery(RELEASE, config);
  const ledger = ledgerFor(RELEASE, store, run.period, clock, deps);
  if (await alreadyDelivered(ledger, plan)) {
    const senders = ledger ? await ledger.senders() : [];
    return {
      outcome: 'already-sent',
      reply:
        `Nothing was sent: the ${month} pack has already gone to the distribution list (run ${senders.join(', ')}). ` +
        `To send a corrected pack, rerun the month with --send (npm run report -- rerun --period ${run.period}).`,
    };
  }
  const pack = storedPack(await storedFile(deps, run, 'json'), run);
  const messages = await composeMessages({
    view: buildPackView(pack, preview.meta),
    config,
    plan,
    workbook: await storedFile(deps, run, 'workbook'),
    clock,
    maxMessageBytes: deps.maxMessageBytes ?? SES_MAX_MESSAGE_BYTES,
    receivingAddress: null,
    changedComments: null,
  });
  if (!deps.mailer) throw new Error('the receiving side has no mailer');
  const log = deps.logger.child({ runId: run.runId, period: run.period, approvedBy: 'email' });
  const sent = await sendBatches({
    messages,
    mailer: deps.mailer,
    allowedDomains: config.distribution.allowedDomains,
    ledger,
    runId: run.runId,
    clock,
    log,
    progress: () => undefined,
  });
  if (sent.error) throw sent.error;
  assertNoneHeld(sent.batches, run.period);
  await publishRun(store, run.period, run.runId);
  const recipients = sent.batches.filter((b) => b.outcome === 'sent').flatMap((b) => b.recipients);
  log.info('approved-run-sent', { batches: sent.batches.length, recipients: recipients.length });
  return {
    outcome: 'sent',
    reply:
      `Approved: the ${month} pack you previewed (${makeRunToken(run.period, run.runId)}) was sent to ` +
      `${plural(recipients.length, 'recipient')} of the distribution list: ${recipients.join(', ')}.`,
  };
}
