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
import type { RenderMeta } from '../../core/render/render-types';
import type { PackView } from '../../core/render/view-model';
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
}

/** One message per planned batch (none when nothing is to be sent); throws when one would be over the limit. */
export async function composeMessages(request: ComposeRequest): Promise<BatchMessage[]> {
  const { view, config, plan } = request;
  if (!plan.kind) return [];
  const email = emailFromView(view, plan.kind);
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
        subject: email.subject,
        html: email.html,
        text: email.text,
        attachments: [attachment],
      },
      request.clock.now(),
    );
    assertFitsLimit(mail, request.maxMessageBytes, 'email');
    composed.push({ batch, mail, subject: email.subject });
  }
  return composed;
}
