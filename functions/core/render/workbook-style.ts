/**
 * The workbook's look and print setup, shared by every sheet: one font family with explicit
 * sizes (a cell styled without a font falls back to whatever the reader's Excel defaults to,
 * so bold text would lose its size), fills, borders, number formats, row heights for wrapped
 * text (Excel does not re-fit rows of a file it did not lay out), and A4 print setup with a
 * header and footer on every sheet.
 */
import type * as ExcelJS from 'exceljs';
import type { Unit } from '../pack/pack-types';

/** Arial: on every Windows and Mac; LibreOffice maps it to the metric-compatible Liberation Sans. */
export const FONT_NAME = 'Arial';
export const BODY_SIZE = 10;

export function font(options: Omit<Partial<ExcelJS.Font>, 'name'> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size: BODY_SIZE, ...options };
}

export const FONTS = {
  body: font(),
  bold: font({ bold: true }),
  small: font({ size: 9, italic: true, color: { argb: 'FF404040' } }),
  title: font({ size: 14, bold: true, color: { argb: 'FF1F3864' } }),
  heading: font({ size: 12, bold: true, color: { argb: 'FF1F3864' } }),
  header: font({ bold: true, color: { argb: 'FFFFFFFF' } }),
  draft: font({ italic: true, color: { argb: 'FF595959' } }),
} as const;

/** Column header fill: white bold text on it has a contrast of 12.6:1. */
export const HEADER_FILL = 'FF1F3864';
export const SECTION_FILL = 'FFD9E1F2';

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

export function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** The Excel number format that shows a value as format.ts does. */
export function numberFormat(unit: Unit, decimals: number): string {
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  switch (unit) {
    case 'count':
      return '#,##0';
    case 'rate':
      return `#,##0${fraction}`;
    case 'percent':
      return `0${fraction}%`;
  }
}

/** The number stored for a value: percentages as fractions so that `0%` shows them right. */
export function storedNumber(value: number, unit: Unit): number {
  return unit === 'percent' ? value / 100 : value;
}

/** Writes a value as a number with its format, or "-" where there is none (as the page prints it). */
export function writeNumber(cell: ExcelJS.Cell, value: number | null, unit: Unit, decimals: number): void {
  if (value === null || !Number.isFinite(value)) cell.value = '-';
  else {
    cell.value = storedNumber(value, unit);
    cell.numFmt = numberFormat(unit, decimals);
  }
}

/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;
/** Points per line of 10 pt text, and the cell's top and bottom padding. */
const LINE_HEIGHT = 12.75;
const ROW_PADDING = 3;
/**
 * Characters of prose per unit of column width. A width unit is the default font's digit
 * (7 px); Arial 10 prose averages about 6 px a character, so 1 is a little conservative:
 * a row estimated too tall shows white space, one too short hides text.
 */
const CHARS_PER_WIDTH = 1;

/** Lines that text takes when wrapped at word boundaries in a cell `width` units wide. */
export function wrappedLines(text: string, width: number, size = BODY_SIZE): number {
  const perLine = Math.max(1, Math.floor((width - 1) * CHARS_PER_WIDTH * (BODY_SIZE / size)));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) used = needed;
      else {
        // A word longer than the line breaks across lines of its own.
        const extra = used === 0 ? Math.ceil(word.length / perLine) - 1 : Math.ceil(word.length / perLine);
        lines += extra;
        used = word.length % perLine || perLine;
      }
    }
  }
  return lines;
}

/** A row height (points) that shows every one of these wrapped texts in full. */
export function rowHeightFor(cells: ReadonlyArray<{ text: string; width: number; size?: number }>): number {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width, c.size)));
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING);
}

/** Header/footer text treats `&` as a code; double it so titles print as written. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

export interface PrintOptions {
  orientation: 'landscape' | 'portrait';
  /** Rows repeated at the top of every printed page, e.g. "1:3". */
  titleRows?: string;
  /** The pack's title, authority and month for the header and footer. */
  title: string;
  authority: string;
  periodTitle: string;
}

/**
 * A4, one page wide and as many long as needed, title rows repeated, and on every page a
 * header naming the sheet and the month and a footer with "Page x of y".
 */
export function setUpPrinting(sheet: ExcelJS.Worksheet, options: PrintOptions): void {
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: options.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.3, right: 0.3, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
  };
  const month = headerFooterText(options.periodTitle);
  sheet.headerFooter = {
    oddHeader: `&L&"${FONT_NAME},Bold"&9${headerFooterText(options.authority)}: &A&R&"${FONT_NAME},Regular"&9${month}`,
    oddFooter: `&L&"${FONT_NAME},Regular"&9${headerFooterText(options.title)}: ${month}&RPage &P of &N`,
  };
}
