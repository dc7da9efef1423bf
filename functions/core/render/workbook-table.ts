/**
 * A plain table on a sheet: a header row and rows of text or numbers, each cell with an
 * explicit font, wrapped, and each row as tall as its longest wrapped cell. Shared by the
 * Summary, Definitions, Data quality and About sheets so they look and print alike.
 */
import type * as ExcelJS from 'exceljs';
import type { Unit } from '../pack/pack-types';
import { FONTS, HEADER_FILL, rowHeightFor, solid, THIN_BORDER, writeNumber } from './workbook-style';

/** A number with the unit and decimals it is shown in. */
export interface NumberValue {
  value: number | null;
  unit: Unit;
  decimals: number;
}

/** A cell's content; a styled cell brings its own font, fill and note. */
export interface StyledValue {
  text: string;
  font: Partial<ExcelJS.Font>;
  fill?: string | null;
  note?: string;
}

export type TableValue = string | NumberValue | StyledValue;

export interface TableColumn {
  label: string;
  width: number;
}

function isNumber(value: TableValue): value is NumberValue {
  return typeof value === 'object' && 'unit' in value;
}

function textOf(value: TableValue): string {
  if (typeof value === 'string') return value;
  return isNumber(value) ? String(value.value ?? '-') : value.text;
}

/** Sets the sheet's column widths; call once per sheet, before writing tables. */
export function setWidths(sheet: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** A bold title in A{row}; returns the next row. */
export function writeTitle(sheet: ExcelJS.Worksheet, row: number, text: string, font = FONTS.title): number {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  sheet.getRow(row).height = font.size !== undefined && font.size > 11 ? 20 : 15;
  return row + 1;
}

/** A line of text across the first `span` columns, wrapped; returns the next row. */
export function writeLine(sheet: ExcelJS.Worksheet, row: number, text: string, widths: number[]): number {
  sheet.mergeCells(row, 1, row, widths.length);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = FONTS.body;
  cell.alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(row).height = rowHeightFor([{ text, width: widths.reduce((a, b) => a + b, 0) }]);
  return row + 1;
}

function writeCell(cell: ExcelJS.Cell, value: TableValue): void {
  cell.border = THIN_BORDER;
  cell.alignment = { wrapText: true, vertical: 'top' };
  if (typeof value === 'string') {
    cell.value = value;
    cell.font = FONTS.body;
  } else if (isNumber(value)) {
    writeNumber(cell, value.value, value.unit, value.decimals);
    cell.font = FONTS.body;
    cell.alignment = { vertical: 'top', horizontal: 'right' };
  } else {
    cell.value = value.text;
    cell.font = value.font;
    if (value.fill) cell.fill = solid(value.fill);
    if (value.note) cell.note = value.note;
  }
}

/** Writes the header at `row` and the rows under it; returns the header's row number and the next free row. */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  row: number,
  columns: TableColumn[],
  rows: TableValue[][],
): { headerRow: number; next: number } {
  const header = sheet.getRow(row);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.label;
    cell.font = FONTS.header;
    cell.fill = solid(HEADER_FILL);
    cell.border = THIN_BORDER;
    cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
  header.height = rowHeightFor(columns.map((c) => ({ text: c.label, width: c.width })));
  let next = row + 1;
  for (const values of rows) {
    const line = sheet.getRow(next);
    values.forEach((value, i) => writeCell(line.getCell(i + 1), value));
    line.height = rowHeightFor(values.map((value, i) => ({ text: textOf(value), width: columns[i]?.width ?? 10 })));
    next += 1;
  }
  return { headerRow: row, next };
}
