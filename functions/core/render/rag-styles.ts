/**
 * Words and colours per traffic-light status, and the other fills every renderer shares.
 * The HTML's copies of the colours are in templates/partials/table-css.hbs (a test checks
 * the two agree, and that every fill's text contrast is at least 4.5:1, WCAG AA).
 */
import type { RagStatus } from '../pack/pack-types';

export interface RagStyle {
  label: string;
  /** CSS class suffix and a stable name for tests. */
  css: string;
  /** ARGB fill and font colours for the workbook; the email uses the same as bgcolor attributes. */
  fill: string | null;
  font: string;
}

export const RAG_STYLES: Record<RagStatus, RagStyle> = {
  red: { label: 'Red', css: 'red', fill: 'FFC00000', font: 'FFFFFFFF' },
  amber: { label: 'Amber', css: 'amber', fill: 'FFFFC000', font: 'FF000000' },
  green: { label: 'Green', css: 'green', fill: 'FF00B050', font: 'FF000000' },
  'data-only': { label: 'Data Only', css: 'data-only', fill: 'FFD9D9D9', font: 'FF000000' },
  'no-data': { label: 'No data', css: 'no-data', fill: 'FFFFFFFF', font: 'FF595959' },
  none: { label: '-', css: 'none', fill: null, font: 'FF000000' },
};

/** Highlight for corporate-plan rows and for comment cells (ARGB; the HTML's copies are in table-css.hbs). */
export const CORPORATE_PLAN_FILL = 'FFDDEBF7';
export const COMMENT_FILL = 'FFFFF2CC';

export const CORPORATE_PLAN_MARK = '★';
export const CORPORATE_PLAN_LEGEND = `Highlighted PIs (${CORPORATE_PLAN_MARK}) are in the Corporate plan`;

/** `FFC00000` → `#C00000`, for HTML attributes and CSS. */
export function htmlColour(argb: string): string {
  return `#${argb.slice(2)}`;
}
