/** The report page, pack.html: self-contained (inline CSS, no scripts, no external assets). */
import type { Pack } from '../pack/pack-types';
import type { RenderMeta } from './render-types';
import { renderHtmlTemplate } from './templates';
import { buildPackView, type PackView } from './view-model';

export interface TemplateContext extends PackView {
  /** Columns an indicator comment spans: every column of the page's table. */
  commentSpan: number;
  /** Whether the about line carries the run id, raw timestamp and sources (officers only). */
  showRunDetails: boolean;
}

/** The template context: the view plus layout facts the templates cannot compute. */
export function templateContext(view: PackView, showRunDetails: boolean): TemplateContext {
  // Indicator, traffic light, YTD, target, [projected], prior year, [England, neighbours, quartile], the months, trend.
  const optional = (view.showProjection ? 1 : 0) + (view.showBenchmarks ? 3 : 0);
  return { ...view, commentSpan: view.monthLabels.length + 6 + optional, showRunDetails };
}

/** The page from a view built once per run. */
export function reportHtml(view: PackView): string {
  return renderHtmlTemplate('pack', templateContext(view, false));
}

export function renderReportHtml(pack: Pack, meta: RenderMeta): string {
  return reportHtml(buildPackView(pack, meta));
}
