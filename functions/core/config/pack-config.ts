/**
 * The pack configuration (interfaces.md, "Pack configuration"), validated with zod.
 * An invalid configuration is a ConfigError naming the field path and the problem.
 */
import * as z from 'zod';
import { financialYearLabel } from '../calendar';
import { ConfigError } from '../errors';
import { printable } from '../printable';
import type { TableName } from '../types';

export const MEASURES = [
  'cp_children',
  'cp_rate',
  'cla_rate',
  'cp_starts',
  'cp_ends',
  'cp_ended_2y_pct',
  'cp_open_2y_pct',
  'cp_repeat_pct',
  'cp_moved_in',
  'cp_moved_out',
  'cp_reviews_timely_pct',
  'cp_visits_timely_pct',
  'cin_visits_timely_pct',
] as const;
export type MeasureName = (typeof MEASURES)[number];

/** Longest text a configuration string may hold: titles and names are short. */
const MAX_TEXT = 500;
/** Longest configuration file: the shipped one is under 10 KB; this bounds what parsing and validating can cost. */
export const MAX_CONFIG_CHARS = 1_000_000;

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
const text = visible(z.string().trim().min(1).max(MAX_TEXT));
/**
 * An indicator code: a short identifier, starting with a letter or digit (never `=`, `+`, `-` or `@`, which
 * spreadsheets read as a formula).
 */
const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._/()-]*$/,
    'must start with a letter or digit and hold only letters, digits, spaces and . _ / ( ) -',
  );
/**
 * One plain mailbox (`name@domain.tld`), trimmed and lower-cased: no display name, no
 * second address after a comma or semicolon. The rule for every address the project
 * accepts: configuration, events and deployment settings.
 */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/, 'is not an email address');
const email = visible(emailAddress);
/** Most entries in a list of the configuration: far above any real pack, low enough to bound the work. */
const MAX_LIST = 200;
/** A financial year as the pack labels it (calendar.ts's financialYearLabel), so a target's key matches its column. */
const financialYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'must be a financial year like 2013/14')
  .refine(
    (fy) => fy === financialYearLabel(Number(fy.slice(0, 4))),
    'the two years of a financial year must be consecutive (e.g. 2013/14)',
  );

const ragSchema = z
  .object({
    polarity: z.enum(['higher', 'lower', 'band']),
    targets: z.record(financialYear, z.number().finite()).default({}),
    amber: z.number().finite().min(0).optional(),
    amberAbs: z.number().finite().min(0).optional(),
    green: z.number().finite().min(0).optional(),
    greenAbs: z.number().finite().min(0).optional(),
  })
  .strict();

const indicatorSchema = z
  .object({
    code,
    title: text,
    measure: z.enum(MEASURES, {
      error: (issue) => `unknown measure ${JSON.stringify(issue.input)}: expected one of ${MEASURES.join(', ')}`,
    }),
    params: z
      .object({ windowDays: z.number().int().min(1).max(366).optional() })
      .strict()
      .default({}),
    decimals: z.number().int().min(0).max(4).default(0),
    corporatePlan: z.boolean().default(false),
    dataOnly: z.boolean().default(false),
    rag: ragSchema.optional(),
  })
  .strict();

const sectionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and hyphens'),
    title: text,
    indicators: z.array(indicatorSchema).min(1).max(MAX_LIST),
  })
  .strict();

const distributionSchema = z
  .object({
    from: email,
    to: z.array(email).min(1).max(MAX_LIST),
    cc: z.array(email).max(MAX_LIST).default([]),
    officers: z.array(email).min(1).max(MAX_LIST),
    allowedDomains: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .max(253)
          .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'is not a domain'),
      )
      .min(1)
      .max(MAX_LIST),
  })
  .strict();

export const packConfigSchema = z
  .object({
    authority: text,
    title: text,
    monthsShown: z.number().int().min(1).max(24).default(6),
    population: z.record(z.string().regex(/^\d{4}$/, 'must be a year like 2013'), z.number().int().positive()),
    sections: z.array(sectionSchema).min(1).max(MAX_LIST),
    distribution: distributionSchema,
  })
  .strict()
  .superRefine((config, ctx) => {
    const seenCodes = new Map<string, string>();
    const seenSections = new Set<string>();
    config.sections.forEach((section, s) => {
      if (seenSections.has(section.id)) {
        ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: `duplicate section id "${section.id}"` });
      }
      seenSections.add(section.id);
      section.indicators.forEach((indicator, i) => {
        const where = seenCodes.get(indicator.code);
        if (where) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'indicators', i, 'code'],
            message: `duplicate indicator code "${indicator.code}" (also at ${where})`,
          });
        }
        seenCodes.set(indicator.code, formatPath(['sections', s, 'indicators', i]));
        if (
          indicator.params.windowDays !== undefined &&
          !['cp_visits_timely_pct', 'cin_visits_timely_pct'].includes(indicator.measure)
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'indicators', i, 'params', 'windowDays'],
            message: `windowDays applies only to visit measures, not ${indicator.measure}`,
          });
        }
      });
    });
    const allowed = new Set(config.distribution.allowedDomains);
    const lists = ['from', 'to', 'cc', 'officers'] as const;
    for (const list of lists) {
      const value = config.distribution[list];
      const addresses = Array.isArray(value) ? value : [value];
      addresses.forEach((address, i) => {
        if (!isAllowedAddress(address, allowed)) {
          ctx.addIssue({
            code: 'custom',
            path: Array.isArray(value) ? ['distribution', list, i] : ['distribution', list],
            message: `address ${address} is outside allowedDomains (${[...allowed].join(', ')})`,
          });
        }
      });
    }
  });

export type PackConfig = z.infer<typeof packConfigSchema>;
export type IndicatorConfig = PackConfig['sections'][number]['indicators'][number];
export type RagConfig = NonNullable<IndicatorConfig['rag']>;
export type SectionConfig = PackConfig['sections'][number];

/** True when the address's domain is exactly one of the allowed domains (case-insensitive). */
export function isAllowedAddress(address: string, allowedDomains: Iterable<string>): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const domain = address.slice(at + 1).toLowerCase();
  for (const allowed of allowedDomains) if (domain === allowed.toLowerCase()) return true;
  return false;
}

/**
 * Formats a zod path as `sections[0].indicators[2].code`, quoting keys that are not plain names (`targets["2013/14"]`).
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(root)';
}

/** One line per zod issue, `  - path: message`, for the error messages of the schemas that validate input. */
export function issueLines(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `  - ${formatPath(issue.path)}: ${printable(issue.message)}`);
}

/**
 * An issue's message; a bad record key says what is wrong with the key rather than zod's bare "Invalid key in record".
 */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key' && issue.issues.length > 0)
    return `invalid key: ${issue.issues.map((inner) => inner.message).join('; ')}`;
  // Messages may quote the input; a hostile value must not make the message itself huge.
  const message = printable(issue.message);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

/**
 * Validates a parsed JSON value as a pack configuration.
 * @param source names where the configuration came from, for the error message.
 */
export function parsePackConfig(value: unknown, source = 'configuration'): PackConfig {
  const result = packConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((issue) => {
    const line = `  - ${formatPath(issue.path)}: ${issueMessage(issue)}`;
    return line.length > 600 ? `${line.slice(0, 600)}…` : line; // a path can quote a hostile key
  });
  const more = result.error.issues.length > 20 ? [`  - … and ${result.error.issues.length - 20} more`] : [];
  throw new ConfigError(`Invalid pack configuration in ${source}:\n${[...lines, ...more].join('\n')}`);
}

/** Parses configuration text (JSON) and validates it. */
export function parsePackConfigText(textValue: string, source = 'configuration'): PackConfig {
  if (textValue.length > MAX_CONFIG_CHARS) {
    throw new ConfigError(
      `Invalid pack configuration in ${source}: it is ${textValue.length.toLocaleString('en-GB')} ` +
        `characters long, over the limit of ${MAX_CONFIG_CHARS.toLocaleString('en-GB')}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(textValue);
  } catch (cause) {
    throw new ConfigError(`Invalid pack configuration in ${source}: not valid JSON (${(cause as Error).message})`, {
      cause,
    });
  }
  return parsePackConfig(json, source);
}

/** The extract tables each measure reads (extract.md: a table is required when a configured indicator needs it). */
export const MEASURE_TABLES: Record<MeasureName, TableName[]> = {
  cp_children: ['ssd_cp_plans'],
  cp_rate: ['ssd_cp_plans'],
  cla_rate: ['ssd_cla_episodes'],
  cp_starts: ['ssd_cp_plans'],
  cp_ends: ['ssd_cp_plans'],
  cp_ended_2y_pct: ['ssd_cp_plans'],
  cp_open_2y_pct: ['ssd_cp_plans'],
  cp_repeat_pct: ['ssd_cp_plans'],
  cp_moved_in: ['ssd_cp_plans', 'ssd_initial_cp_conference'],
  cp_moved_out: ['ssd_cp_plans'],
  cp_reviews_timely_pct: ['ssd_cp_plans', 'ssd_cp_reviews'],
  cp_visits_timely_pct: ['ssd_cp_plans', 'ssd_cp_visits'],
  cin_visits_timely_pct: ['ssd_cin_plans', 'ssd_cin_visits'],
};

/** The set of tables the configured indicators need. */
export function neededTables(config: PackConfig): Set<TableName> {
  const tables = new Set<TableName>();
  for (const section of config.sections)
    for (const indicator of section.indicators) for (const t of MEASURE_TABLES[indicator.measure]) tables.add(t);
  return tables;
}
