/**
 * Rendering a computed pack in its three stored forms (page, workbook, pack.json), the
 * one core step the run calls as a unit. Kept apart from run.ts so the orchestration
 * reads as the pipeline.
 */
import type { Pack } from '../core/pack/pack-types';
import { serializePack } from '../core/pack/serialize';
import { renderReportHtml } from '../core/render/html';
import { renderWorkbook } from '../core/render/workbook';
import type { RenderMeta } from '../core/render/render-types';

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
