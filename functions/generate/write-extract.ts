/**
 * Writes a generated extract to a folder: one CSV per table, or one extract.xlsx (a sheet
 * per table, dates as native date cells) through exceljs's streaming writer. Rows flow
 * from the generator a block at a time, so scale does not grow memory for CSV.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { TABLE_SCHEMAS } from '../core/extract/schemas';
import { parseDateText } from '../core/extract/values';
import { TABLE_NAMES, type TableName } from '../core/types';
import { columnNames, generateBlocks, generateTableRows, type GenerateOptions } from './generate-extract';
import { layoutTables } from './layouts';

export type ExtractFormat = 'csv' | 'xlsx';

export interface WrittenExtract {
  files: string[];
  rows: Record<TableName, number>;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvLines(rows: readonly string[][]): string {
  let text = '';
  for (const row of rows) text += row.map(csvField).join(',') + '\r\n';
  return text;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

function emptyCounts(): Record<TableName, number> {
  return {
    ssd_cp_plans: 0,
    ssd_initial_cp_conference: 0,
    ssd_cp_reviews: 0,
    ssd_cp_visits: 0,
    ssd_cin_plans: 0,
    ssd_cin_visits: 0,
    ssd_cla_episodes: 0,
    ssd_cin_episodes: 0,
    ssd_contacts: 0,
    ssd_cin_assessments: 0,
    ssd_s47_enquiry: 0,
    ssd_cla_placement: 0,
    ssd_cla_reviews: 0,
    ssd_cla_visits: 0,
    ssd_missing: 0,
    ssd_care_leavers: 0,
    ssd_person: 0,
  };
}

async function writeCsv(options: GenerateOptions, dir: string): Promise<WrittenExtract> {
  const layout = options.layout ?? 'spec';
  const tables = layoutTables(layout, TABLE_NAMES);
  const files = tables.map((table) => path.join(dir, `${table}.csv`));
  const streams = files.map((file) => createWriteStream(file));
  const rows = emptyCounts();
  try {
    for (let i = 0; i < tables.length; i++) await write(streams[i], csvLines([columnNames(tables[i], layout)]));
    for (const block of generateBlocks(options)) {
      for (let i = 0; i < tables.length; i++) {
        const lines = block[tables[i]] ?? [];
        rows[tables[i]] += lines.length;
        await write(streams[i], csvLines(lines));
      }
    }
  } finally {
    await Promise.all(streams.map((stream) => new Promise((resolve) => stream.end(resolve))));
  }
  return { files, rows };
}

/** A generated cell as a workbook value: dates become native date cells. */
function workbookCell(value: string, isDate: boolean): string | Date | null {
  if (value === '' || value === 'NULL') return null;
  if (!isDate) return value;
  const day = parseDateText(value);
  return day === undefined ? value : new Date(day * 86_400_000);
}

async function writeXlsx(options: GenerateOptions, dir: string): Promise<WrittenExtract> {
  const file = path.join(dir, 'extract.xlsx');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const rows = emptyCounts();
  // One sheet at a time: the zip is written sequentially, so a sheet is finished before the next.
  for (const table of layoutTables('spec', TABLE_NAMES)) {
    const names = columnNames(table);
    const columns = names.map((name) => TABLE_SCHEMAS[table].columns.find((column) => column.name === name) ?? null);
    const sheet = workbook.addWorksheet(table);
    sheet.columns = columns.map((column, i) => ({
      header: names[i],
      key: names[i],
      width: column?.type === 'date' ? 12 : 20,
      style: column?.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    for (const row of generateTableRows(options, table)) {
      sheet.addRow(row.map((value, i) => workbookCell(value, columns[i]?.type === 'date'))).commit();
      rows[table] += 1;
    }
    sheet.commit();
  }
  await workbook.commit();
  return { files: [file], rows };
}

export async function writeExtract(
  options: GenerateOptions & { out: string; format: ExtractFormat },
): Promise<WrittenExtract> {
  await mkdir(options.out, { recursive: true });
  return options.format === 'csv' ? writeCsv(options, options.out) : writeXlsx(options, options.out);
}
