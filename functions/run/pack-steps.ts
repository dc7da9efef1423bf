/**
 * The pure core steps the run calls, gathered in one place: compute the pack and render
 * its three forms. Kept apart from run.ts so the orchestration reads as the pipeline.
 */
import { buildPack } from '../core/pack/build-pack';
import type { PackConfig } from '../core/config/pack-config';
import type { CommentsFile, Pack } from '../core/pack/pack-types';
import { serializePack } from '../core/pack/serialize';
import { renderReportHtml } from '../core/render/html';
import { renderWorkbook } from '../core/render/workbook';
import { renderEmail, renderFailureNotice, type FailureNoticeInput } from '../core/render/email';
import type { EmailKind, RenderMeta, RenderedEmail } from '../core/render/render-types';
import type { DataQuality, Extract, Period } from '../core/types';

export function computePack(extract: Extract, config: PackConfig, period: Period, quality: DataQuality, comments: CommentsFile | null): Pack {
  return buildPack({ extract, config, period, quality, comments });
}

export interface RenderedPack {
  html: string;
  workbook: Buffer;
  json: string;
}

export async function renderPack(pack: Pack, meta: RenderMeta): Promise<RenderedPack> {
  return {
    html: renderReportHtml(pack, meta),
    workbook: await renderWorkbook(pack, meta),
    json: serializePack(pack),
  };
}

export function renderPackEmail(pack: Pack, meta: RenderMeta, kind: EmailKind): RenderedEmail {
  return renderEmail(pack, meta, kind);
}

export function renderFailureEmail(input: FailureNoticeInput): RenderedEmail {
  return renderFailureNotice(input);
}
