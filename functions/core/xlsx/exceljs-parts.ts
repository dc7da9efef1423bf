/**
 * The two exceljs classes the function uses, loaded from their own modules rather than
 * from the package entry.
 *
 * Why: the entry (`exceljs`) also loads the streaming workbook writer, and with it
 * archiver and its dependencies, none of which the function runs; bundled, that was
 * ≈197 KiB of a function bundle that must stay under 1.5 MiB (issue 7). esbuild cannot
 * leave it out on its own, because the entry requires every part eagerly.
 *
 * The types are exceljs's own (its index.d.ts describes the entry's exports), and
 * test/unit/xlsx/exceljs-parts.test.ts checks these are the very classes the entry
 * exports, so a future exceljs that moves or changes them fails a test rather than
 * silently diverging. Code outside the function (the extract generator, tests) may keep
 * importing the full entry.
 */
import type * as ExcelJS from 'exceljs';

/** The in-memory workbook: writes pack.xlsx and reads a returned one (comment import). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep path with no type declarations: see above
export const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;

type WorkbookReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;

/** The streaming reader: reads extract.xlsx sheet by sheet, row by row. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep path with no type declarations: see above
export const WorkbookReader = require('exceljs/lib/stream/xlsx/workbook-reader') as WorkbookReaderClass;
