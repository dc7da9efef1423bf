/**
 * The workbook, pack.xlsx (exceljs): Summary (what needs attention), then the Pack sheet
 * shaped like the seed, then Definitions, Data quality and About, each printing on A4 one
 * page wide with a header and footer (workbook-style.ts).
 *
 * Numbers are stored as numbers with number formats, so a reader sees the pack's rounding
 * and the formula bar holds the unrounded value. Percentages are stored as fractions
 * (value / 100) with a `0%`/`0.0%` format, as Excel expects. Comment cells are text
 * cells (format `@`, values always written as strings), never formulas, so `=HYPERLINK(…)`
 * or `+1` typed into a comment stays text.
 */
import { Workbook } from '../xlsx/exceljs-parts';
import type { Pack } from '../pack/pack-types';
import type { RenderMeta } from './render-types';
import { packSheet } from './workbook-pack-sheet';
import { aboutSheet, definitionsSheet, keysSheet, qualitySheet } from './workbook-sheets';
import { summarySheet } from './workbook-summary-sheet';
import { buildPackView, type PackView } from './view-model';
import { workbookView } from './workbook-view';

export async function renderWorkbook(pack: Pack, meta: RenderMeta): Promise<Buffer> {
  return workbookFromView(buildPackView(pack, meta));
}

/** The workbook from the run's one view model (functions/run/pack-steps.ts). */
export async function workbookFromView(packView: PackView): Promise<Buffer> {
  const view = workbookView(packView);
  const workbook = new Workbook();
  const generated = new Date(view.meta.generatedAt);
  workbook.creator = 'indicator-pack';
  workbook.title = `${view.title}: ${view.periodTitle}`;
  if (!Number.isNaN(generated.getTime())) {
    workbook.created = generated;
    workbook.modified = generated;
  }
  summarySheet(workbook, view);
  const prefilled = packSheet(workbook, view);
  definitionsSheet(workbook, view);
  qualitySheet(workbook, view);
  aboutSheet(workbook, view);
  keysSheet(workbook, view, prefilled);
  // Open on the Summary: the first thing a director should read.
  workbook.views = [{ activeTab: 0, firstSheet: 0, visibility: 'visible', x: 0, y: 0, width: 20000, height: 12000 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
