/**
 * Rendering the computed pack: the three stored forms (through renderPack), then the
 * email for each recipient batch, composed and checked against SES's size limit before
 * anything is stored or sent.
 */
import type { Clock } from '../../adapters/clock';
import { assertFitsLimit, composeMail } from '../../adapters/mailer';
import { CONTENT_TYPES } from '../../adapters/object-store';
import type { PackConfig } from '../../core/config/pack-config';
import type { Pack } from '../../core/pack/pack-types';
import { emailFromView } from '../../core/render/email';
import { previewInstructions } from '../../core/render/reply-how';
import type { RenderMeta } from '../../core/render/render-types';
import type { PackView } from '../../core/render/view-model';
import { makeRunToken } from '../../inbound/run-token';
import type { BatchMessage, DeliveryPlan } from '../delivery';
import { renderPack, type RenderedPack } from '../pack-steps';

export type { RenderedPack };

export function renderOutputs(pack: Pack, meta: RenderMeta): Promise<RenderedPack> {
  return renderPack(pack, meta);
}

export interface ComposeRequest {
  /** The run's one view model (RenderedPack.view): the email says what the page and workbook say. */
  view: PackView;
  config: PackConfig;
  plan: DeliveryPlan;
  workbook: Buffer;
  clock: Clock;
  maxMessageBytes: number;
  /** Where the preview's replies go (its Reply-To); null when the deployment receives no mail. */
  receivingAddress: string | null;
  /** For a revised preview: the comments the officer's reply changed. */
  changedComments: string[] | null;
}

/**
 * The preview's reply instructions, Reply-To and subject token (run-token.ts): what lets
 * the officer answer it by email. Other kinds carry none of them.
 */
function previewParts(request: ComposeRequest) {
  const { view, plan, receivingAddress } = request;
  if (plan.kind !== 'preview') return { extras: undefined, token: '', replyTo: undefined };
  const instructions = previewInstructions(view.period, receivingAddress !== null);
  return {
    extras: { instructions, changedComments: request.changedComments },
    token: ` ${makeRunToken(view.period, view.meta.runId)}`,
    replyTo: receivingAddress ?? undefined,
  };
}

/** One message per planned batch (none when nothing is to be sent); throws when one would be over the limit. */
export async function composeMessages(request: ComposeRequest): Promise<BatchMessage[]> {
  const { view, config, plan } = request;
  if (!plan.kind) return [];
  const preview = previewParts(request);
  const email = emailFromView(view, plan.kind, preview.extras);
  const subject = `${email.subject}${preview.token}`;
  const attachment = {
    filename: view.workbookName,
    content: request.workbook,
    contentType: CONTENT_TYPES.xlsx,
  };
  const composed: BatchMessage[] = [];
  for (const batch of plan.batches) {
    const mail = await composeMail(
      {
        from: config.distribution.from,
        to: batch.to,
        cc: batch.cc,
        subject,
        html: email.html,
        text: email.text,
        attachments: [attachment],
        replyTo: preview.replyTo,
      },
      request.clock.now(),
    );
    assertFitsLimit(mail, request.maxMessageBytes, 'email');
    composed.push({ batch, mail, subject });
  }
  return composed;
}
