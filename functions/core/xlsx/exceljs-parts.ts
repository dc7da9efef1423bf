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
import type { Duplex, Readable } from 'node:stream';
import type * as ExcelJS from 'exceljs';

/** The in-memory workbook: writes pack.xlsx and reads a returned one (comment import). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep path with no type declarations: see above
export const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;

type WorkbookReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;

/** The streaming reader: reads extract.xlsx sheet by sheet, row by row. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep path with no type declarations: see above
export const WorkbookReader = require('exceljs/lib/stream/xlsx/workbook-reader') as WorkbookReaderClass;

/** A part of the zip as unzipper's Parse emits it: the part's inflated bytes, with its path. */
export interface ZipPart extends Readable {
  path: string;
  /** Reads the part's bytes to nowhere, so the zip stream moves on. */
  autodrain(): unknown;
}

/**
 * unzipper's streaming Parse, the one the streaming reader uses itself (the bundle and jest
 * resolve 'unzipper' to it alone: functions/bundle/unzipper-parse-only.js).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs's own dependency, untyped
export const parseZip = (require('unzipper') as { Parse: (options: { forceStream: true }) => Duplex }).Parse;

/** What a worksheet reader needs of the workbook: its shared strings, styles and date system. */
export interface WorksheetReaderOptions {
  workbook: object;
  id: number;
  /** The worksheet part's inflated bytes. */
  iterator: AsyncIterable<Buffer | string>;
  options: object;
}

type WorksheetReaderClass = new (options: WorksheetReaderOptions) => AsyncIterable<ExcelJS.Row>;

/**
 * exceljs's reader of one worksheet part. Its typings describe the constructor's options
 * wrongly (an `entry`, where lib/stream/xlsx/worksheet-reader.js takes an `iterator`), so
 * it is declared here as the code is.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep path with no type declarations: see above
export const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader') as WorksheetReaderClass;
