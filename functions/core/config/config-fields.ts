/**
 * The field schemas the pack configuration is built from (docs/CONFIGURATION.md): visible text,
 * indicator codes, addresses, financial years and months, and the bound on list lengths.
 */
import * as z from 'zod';
import { financialYearLabel, isPeriod } from '../calendar';
import { emailAddress } from './zod-helpers';

/** Longest text a configuration string may hold: titles and names are short. */
const MAX_TEXT = 500;

/**
 * Characters refused in configuration text, which goes into report titles, email
 * subjects and workbook cells: C0/C1 control characters (line breaks, NUL, escape — a
 * title is one line), and invisible formatting that changes how text *displays* rather
 * than what it says: bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069; "Trojan Source"), direction marks, zero-width characters, line and
 * paragraph separators, the byte-order mark. Refused, not stripped, so what an officer
 * wrote is either shown exactly or not accepted.
 */
const HIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

function hiddenCharacterMessage(value: string): string {
  const at = value.search(HIDDEN_CHARACTER);
  const code = value.codePointAt(at) ?? 0;
  return (
    `contains the invisible or control character U+${code.toString(16).toUpperCase().padStart(4, '0')} ` +
    `at position ${at + 1}: such characters can make text display ` +
    'differently from what it says, so they are not accepted'
  );
}

const visible = (schema: z.ZodString) =>
  schema.refine((value) => !HIDDEN_CHARACTER.test(value), {
    error: (issue) => hiddenCharacterMessage(String(issue.input)),
  });
export const text = visible(z.string().trim().min(1).max(MAX_TEXT));
/**
 * An indicator code: a short identifier, starting with a letter or digit (never `=`, `+`, `-` or `@`, which
 * spreadsheets read as a formula).
 */
export const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._/()-]*$/,
    'must start with a letter or digit and hold only letters, digits, spaces and . _ / ( ) -',
  );
export const email = visible(emailAddress);
/** Most entries in a list of the configuration: far above any real pack, low enough to bound the work. */
export const MAX_LIST = 200;
/** A financial year as the pack labels it (calendar.ts's financialYearLabel), so a target's key matches its column. */
export const financialYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'must be a financial year like 2013/14')
  .refine(
    (fy) => fy === financialYearLabel(Number(fy.slice(0, 4))),
    'the two years of a financial year must be consecutive (e.g. 2013/14)',
  );

/** A month as `YYYY-MM` (a definition's first month). */
export const month = z.string().refine(isPeriod, 'must be a month like 2014-01');
