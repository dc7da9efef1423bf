/**
 * Telling the officers a run failed (never the distribution list). Best effort: the
 * outcome, a message id or why the notice could not be sent, goes in the manifest.
 */
import type { Clock } from '../../adapters/clock';
import type { Logger } from '../../adapters/logger';
import { assertFitsLimit, composeMail, type Mailer } from '../../adapters/mailer';
import type { PackConfig } from '../../core/config/pack-config';
import { renderFailureNotice } from '../../core/render/email';
import { afterRerunInstructions } from '../../core/render/reply-how';
import type { DataQuality, Period } from '../../core/types';
import type { Manifest } from '../manifest';
import { assertRecipientsAllowed } from '../recipients';

export interface FailureNoticeRequest {
  config: PackConfig;
  mailer: Mailer;
  period: Period;
  runId: string;
  error: Error;
  quality: DataQuality | null;
  clock: Clock;
  maxMessageBytes: number;
  log: Logger;
  /** Whether the deployment receives replies (the rerun's preview can then be answered by email). */
  receiving: boolean;
}

export type FailureNoticeRecord = NonNullable<Manifest['failureNotice']>;

export async function sendFailureNotice(request: FailureNoticeRequest): Promise<FailureNoticeRecord> {
  const { config } = request;
  const officers = config.distribution.officers;
  try {
    assertRecipientsAllowed(officers, config.distribution.allowedDomains, 'distribution.officers');
    const notice = renderFailureNotice({
      title: config.title,
      period: request.period,
      runId: request.runId,
      reason: request.error.message,
      quality: request.quality,
      afterRerun: afterRerunInstructions(request.receiving),
    });
    const mail = await composeMail(
      {
        from: config.distribution.from,
        to: officers,
        cc: [],
        subject: notice.subject,
        html: notice.html,
        text: notice.text,
        attachments: [],
      },
      request.clock.now(),
    );
    assertFitsLimit(mail, request.maxMessageBytes, 'failure notice');
    return { recipients: officers, messageId: await request.mailer.send(mail), error: null };
  } catch (noticeError) {
    request.log.error('failure-notice-failed', { error: noticeError instanceof Error ? noticeError.name : 'unknown' });
    return {
      recipients: officers,
      messageId: null,
      error: noticeError instanceof Error ? noticeError.message : String(noticeError),
    };
  }
}
