/** The report page, pack.html: self-contained (inline CSS, no scripts, no external assets). */
import type { Pack } from '../pack/pack-types';
import type { RenderMeta } from './render-types';
import { renderHtmlTemplate } from './templates';
import { buildPackView, type PackView } from './view-model';

/** The template context: the view plus layout numbers the templates cannot compute. */
export function templateContext(view: PackView): PackView & { commentSpan: number } {
  // An indicator comment spans every column after the code: title, prior year, months, YTD, target, light, trend.
  return { ...view, commentSpan: view.monthLabels.length + 6 };
}

export function renderReportHtml(pack: Pack, meta: RenderMeta): string {
  return renderHtmlTemplate('pack', templateContext(buildPackView(pack, meta)));
}
