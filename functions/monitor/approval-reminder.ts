/**
 * The approval reminder (issue 17, approval: "required"): when the month's newest preview
 * has not been approved `approvalReminderWorkingDays` working days after it was sent
 * (reminder-due.ts), the officers get one email naming it — its subject, when and to whom
 * it went, and how to approve — with the preview's run token in its subject and the
 * receiving address as its Reply-To, so APPROVE in reply to the reminder itself releases
 * that preview (the token is checked against the stored previews like any reply's).
 *
 * Once per preview: the reminder is claimed with a create-only marker,
 * `reports/<p>/previews/<runId>.reminded.json` (run/once-marker.ts, the conditional-write
 * pattern of the delivery ledger), before it is sent, so reruns of the daily check never
 * send it twice. A revised preview is a new preview and gets its own reminder, counted
 * from when it was sent. "Approved" is read from the month's delivery ledger: once any
 * batch of the month's pack has a receipt, the pack has gone and nobody is reminded.
 *
 * Previews are indexed only when the deployment receives replies (inbound/preview-index.ts),
 * so without a receiving address there is nothing to remind about — and nothing to reply to.
 */
import type { Clock } from '../adapters/clock';
import type { Logger } from '../adapters/logger';
import type { Mailer } from '../adapters/mailer';
import type { ObjectStore } from '../adapters/object-store';
import type { PackConfig } from '../core/config/pack-config';
import { isoFromDay } from '../core/calendar';
import { LAYOUT } from '../core/layout';
import { ukDateTime } from '../core/render/about-view';
import { monthTitle } from '../core/render/labels';
import type { Period } from '../core/types';
import { defaultWorkingDays } from '../core/working-days';
import { PreviewIndex, type PreviewRecord } from '../inbound/preview-index';
import { sendText } from '../inbound/replies';
import { makeRunToken } from '../inbound/run-token';
import { ScheduleDeliveryLedger } from '../run/delivery-ledger';
import type { InputLocation } from '../run/inputs';
import { OnceMarker } from '../run/once-marker';
import { loadConfigInput } from '../run/steps/load-inputs';
import { isReminderDue, reminderDueDay } from './reminder-due';

export interface ReminderDeps {
  store: ObjectStore;
  config: InputLocation;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  /** The deployment's receiving address: the reminder's Reply-To. */
  receivingAddress: string;
}

export type ReminderOutcome =
  'approval-not-required' | 'no-preview' | 'already-sent' | 'not-due' | 'already-reminded' | 'reminded';

export interface ReminderResult {
  period: Period;
  outcome: ReminderOutcome;
  /** The preview considered, when there is one. */
  runId: string | null;
  /** The UK date the reminder is (or was) due, when there is a preview. */
  dueOn: string | null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The reminder's words: which preview, and what to do. */
export function reminderText(preview: PreviewRecord, workingDays: number): string {
  const month = monthTitle(preview.period);
  return [
    `The preview of the ${month} pack has not been approved, so the pack has not gone to the distribution list.`,
    `The preview: "${preview.subject}", sent on ${ukDateTime(preview.sentAt)} (UK time) to ${preview.to.join(', ')}. ` +
      `At least ${plural(workingDays, 'working day')} have passed since; this is the one reminder about it.`,
    'To send the pack: reply to the preview email, or to this one, with APPROVE as the first line.',
    "To change the comments first: edit the yellow comment cells in the preview's attached workbook and reply to " +
      'the preview with it attached. A revised preview comes back within a minute; approve that one.',
  ].join('\n\n');
}

export async function remindIfUnapproved(period: Period, deps: ReminderDeps): Promise<ReminderResult> {
  const { store, clock } = deps;
  const log = deps.logger.child({ period, check: 'approval-reminder' });
  const { config } = await loadConfigInput(deps.config);
  const result = (outcome: ReminderOutcome, runId: string | null = null, dueOn: string | null = null) => {
    log.info('approval-reminder', { outcome, runId, dueOn });
    return { period, outcome, runId, dueOn };
  };
  if (config.approval !== 'required') return result('approval-not-required');
  const preview = await new PreviewIndex(store).newest(period);
  if (!preview) return result('no-preview');
  const sentAt = new Date(preview.sentAt);
  const workingDays = config.approvalReminderWorkingDays;
  const calendar = defaultWorkingDays(config.closureDays);
  const dueOn = isoFromDay(reminderDueDay(sentAt, workingDays, calendar));
  const ledger = new ScheduleDeliveryLedger(store, period, clock);
  if ((await ledger.sentBatches()).size > 0) return result('already-sent', preview.runId, dueOn);
  if (!isReminderDue(sentAt, clock.now(), workingDays, calendar)) return result('not-due', preview.runId, dueOn);

  const key = LAYOUT.previewReminderKey(period, preview.runId);
  const facts = { period, runId: preview.runId };
  const marker = new OnceMarker(store, clock);
  const claim = await marker.claim(key, facts);
  if (claim === 'already-done' || claim === 'in-progress') return result('already-reminded', preview.runId, dueOn);
  try {
    const sesId = await send(preview, config, deps);
    await marker.complete(key, facts, `reminded: SES message ${sesId}`);
  } catch (error) {
    await marker.release(key, facts).catch(() => log.warn('approval-reminder-claim-not-released', {}));
    throw error;
  }
  return result('reminded', preview.runId, dueOn);
}

function send(preview: PreviewRecord, config: PackConfig, deps: ReminderDeps): Promise<string> {
  const token = makeRunToken(preview.period, preview.runId);
  return sendText(
    { config, mailer: deps.mailer, clock: deps.clock },
    {
      to: config.distribution.officers,
      subject: `[Reminder] ${config.title}: the ${monthTitle(preview.period)} preview awaits approval ${token}`,
      text: reminderText(preview, config.approvalReminderWorkingDays),
      inReplyTo: null,
      replyTo: deps.receivingAddress,
    },
  );
}
