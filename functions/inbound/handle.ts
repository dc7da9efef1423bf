/**
 * One received message, from SES's receipt event to what is done and said
 * (docs/EMAIL-ROUND-TRIP.md): replay guard → raw MIME from `inbox/<id>` → parse → who may
 * act → which preview it answers → what it asks → act and reply → mark it done. Each
 * step's decision is a pure module of this folder; this one only wires them to the store
 * and the mailer. A failure part way (storage, mail) gives the message's claim up and is
 * rethrown, so Lambda's retry of the event does it again.
 */
import { loadConfigInput } from '../run/steps/load-inputs';
import type { RunDeps } from '../run/run';
import { LAYOUT } from '../core/layout';
import { approveRun } from './approve';
import { parseInboundMail, UnreadableMailError, type InboundMail } from './parse-mail';
import { PreviewIndex } from './preview-index';
import { InboxReplayGuard } from './replay';
import { applyReplyComments } from './reply-comments';
import { replySubject, sendText, type ReplyContext } from './replies';
import type { SesReceipt } from './ses-event';
import { unmatchedReply } from './unmatched';
import { findAnsweredRun } from './which-run';
import { decideSender, spoofNoticeText } from './who-may-act';
import { classifyRequest } from './what-it-asks';

export interface InboundResult {
  messageId: string;
  /** What was done, as the replay marker records it, e.g. `approved`, `ignored: not-an-officer`. */
  outcome: string;
}

/** For a caller holding an untyped event's result. */
export function isInboundResult(value: unknown): value is InboundResult {
  return typeof value === 'object' && value !== null && 'outcome' in value && 'messageId' in value;
}

export async function handleInboundMail(receipt: SesReceipt, deps: RunDeps): Promise<InboundResult> {
  const { messageId } = receipt;
  const log = deps.logger.child({ sesMessageId: messageId, inbound: true });
  const guard = new InboxReplayGuard(deps.store, deps.clock);
  const claim = await guard.claim(messageId);
  if (claim === 'already-done' || claim === 'in-progress') {
    log.info('inbound-replay', { claim });
    return { messageId, outcome: `replay: ${claim}` };
  }
  const began = Date.now();
  let outcome: string;
  try {
    outcome = await act(receipt, deps, guard);
  } catch (error) {
    await guard.release(messageId).catch(() => log.warn('inbound-claim-not-released', {}));
    throw error;
  }
  await guard.complete(messageId, outcome);
  log.info('inbound-handled', { outcome, ms: Date.now() - began });
  return { messageId, outcome };
}

async function act(receipt: SesReceipt, deps: RunDeps, guard: InboxReplayGuard): Promise<string> {
  const { messageId } = receipt;
  const log = deps.logger.child({ sesMessageId: messageId, inbound: true });
  const raw = await deps.store.get(LAYOUT.rawMailKey(messageId));
  if (!raw) {
    log.warn('inbound-ignored', { reason: 'no-raw-mail' });
    return 'ignored: no raw mail';
  }
  let mail: InboundMail;
  try {
    mail = await parseInboundMail(raw.body);
  } catch (error) {
    if (!(error instanceof UnreadableMailError)) throw error;
    log.warn('inbound-ignored', { reason: 'unreadable', detail: error.message });
    return 'ignored: unreadable';
  }
  const { config } = await loadConfigInput(deps.config);
  const ownAddresses = [config.distribution.from, ...(deps.receivingAddress ? [deps.receivingAddress] : [])];
  const decision = decideSender(receipt, mail, { officers: config.distribution.officers, ownAddresses });
  if (!deps.mailer) throw new Error('the receiving side has no mailer');
  const context: ReplyContext = { config, mailer: deps.mailer, clock: deps.clock };

  if (decision.kind === 'ignore') {
    // No reply: the From may be forged, and a reply would tell a stranger the address is live.
    log.warn('inbound-ignored', { reason: decision.reason, detail: decision.detail });
    return `ignored: ${decision.reason}`;
  }
  if (decision.kind === 'notify-officers') {
    const failed = decision.failed.map((f) => `${f.verdict}=${f.status}`).join(',');
    log.warn('inbound-refused', { reason: 'verdicts', failed });
    if (await guard.claimSpoofNotice(messageId))
      await sendText(context, {
        to: config.distribution.officers,
        subject: `[Refused] ${config.title}: a message in an officer's name failed SES's checks`,
        text: spoofNoticeText(receipt, mail, decision),
        inReplyTo: null,
      });
    return `refused: verdicts (${failed}); officers told`;
  }

  const reply = (text: string): Promise<string> =>
    sendText(context, { to: [decision.officer], subject: replySubject(mail.subject), text, inReplyTo: mail.messageId });
  const index = new PreviewIndex(deps.store);
  const match = await findAnsweredRun(mail, index);
  if (match.kind === 'not-found') {
    log.warn('inbound-unmatched', { tried: match.tried.length });
    await reply(await unmatchedReply(mail, index));
    return 'unmatched';
  }
  const { run } = match;
  const request = classifyRequest(mail);
  log.info('inbound-request', { kind: request.kind, runId: run.runId, period: run.period, via: match.via });
  switch (request.kind) {
    case 'refuse':
      await reply(request.reply);
      return `refused: ${request.reason}`;
    case 'unclear':
      await reply(request.reply);
      return 'unclear';
    case 'approve': {
      const approval = await approveRun(run, deps, config, index);
      await reply(approval.reply);
      return `approve ${run.runId}: ${approval.outcome}`;
    }
    case 'comments': {
      const done = await applyReplyComments(run, request.workbook, decision.officer, messageId, deps);
      if (done.reply !== null) await reply(done.reply);
      if (done.outcome === 'refused') return `comments: refused (${done.reason})`;
      return done.outcome === 'revised' ? `comments: revised preview ${done.run.runId}` : `comments: ${done.outcome}`;
    }
  }
}
