/**
 * Rendering a computed pack in its three stored forms (page, workbook, pack.json) from one
 * view model, which the email is rendered from too; the one core step the run calls as a
 * unit. Kept apart from run.ts so the orchestration reads as the pipeline.
 */
import type { Pack } from '../core/pack/pack-types';
import { serializePack } from '../core/pack/serialize';
import { reportHtml } from '../core/render/html';
import type { RenderMeta } from '../core/render/render-types';
import { buildPackView, type PackView } from '../core/render/view-model';
import { workbookFromView } from '../core/render/workbook';

export interface RenderedPack {
  /** The one view model of the run: the email is rendered from it too. */
  view: PackView;
  html: string;
  workbook: Buffer;
  json: string;
}

export async function renderPack(pack: Pack, meta: RenderMeta): Promise<RenderedPack> {
  const view = buildPackView(pack, meta);
  return {
    view,
    html: reportHtml(view),
    workbook: await workbookFromView(view),
    json: serializePack(pack),
  };
}
