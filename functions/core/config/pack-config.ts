/**
 * The pack configuration (docs/CONFIGURATION.md, "Pack configuration"), validated with zod.
 * An invalid configuration is a ConfigError naming the field path and the problem.
 */
import * as z from 'zod';
import { financialYearLabel, isPeriod, parseIsoDay, partsOfDay } from '../calendar';
import { ConfigError } from '../errors';
import { MEASURE_NAMES, MEASURES, measureOf, type MeasureName } from '../measures/registry';
import type { TableName } from '../types';
import { shippedHolidays } from '../working-days';
import { benchmarkSettingsSchema, comparatorField } from './benchmark-config';
import { emailAddress, formatPath, issueLines } from './zod-helpers';

export type { MeasureName } from '../measures/registry';

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

/** A month as `YYYY-MM` (a definition's first month). */
const month = z.string().refine(isPeriod, 'must be a month like 2014-01');

/** A dated definition change: from this month, the indicator's parameters are these (replacing `params` whole). */
const datedParamsSchema = z.strictObject({
  from: month,
  params: z.record(z.string(), z.unknown()),
});

const indicatorSchema = z
  .object({
    code,
    title: text,
    measure: z.enum(MEASURE_NAMES, {
      error: (issue) => `unknown measure ${JSON.stringify(issue.input)}: expected one of ${MEASURE_NAMES.join(', ')}`,
    }),
    /** Checked against the measure's own parameters below; kept as written (each measure applies its defaults). */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Later definitions, each in force from its month (docs/WORKING-DAYS.md, "Dated definition changes"). */
    paramsFrom: z.array(datedParamsSchema).max(MAX_LIST).default([]),
    decimals: z.number().int().min(0).max(4).default(0),
    corporatePlan: z.boolean().default(false),
    dataOnly: z.boolean().default(false),
    rag: ragSchema.optional(),
    comparator: comparatorField,
  })
  .strict()
  .superRefine((indicator, ctx) => {
    checkParams(indicator.measure, indicator.params, ['params'], ctx);
    indicator.paramsFrom.forEach((entry, k) => {
      checkParams(indicator.measure, entry.params, ['paramsFrom', k, 'params'], ctx);
      const before = k > 0 ? indicator.paramsFrom[k - 1].from : null;
      if (before !== null && entry.from <= before)
        ctx.addIssue({
          code: 'custom',
          path: ['paramsFrom', k, 'from'],
          message: `${entry.from} is not after the entry before it (${before}): list the changes in date order`,
        });
    });
  });

/** Checks parameters against the measure's own schema, each issue at its path under `at`. */
function checkParams(
  measure: MeasureName,
  params: Record<string, unknown>,
  at: ReadonlyArray<string | number>,
  ctx: z.RefinementCtx,
): void {
  const parsed = measureOf(measure).params.safeParse(params);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        ctx.addIssue({ code: 'custom', path: [...at, key], message: unknownParameter(key, measure) });
    } else ctx.addIssue({ code: 'custom', path: [...at, ...issue.path], message: issue.message });
  }
}

/**
 * The authority's own closure days (docs/WORKING-DAYS.md): real dates inside the working-day
 * calendar's years, each once.
 */
const closureDaysSchema = z
  .array(z.string())
  .max(MAX_LIST * 5)
  .default([])
  .superRefine((days, ctx) => {
    const { firstYear, lastYear } = shippedHolidays();
    const seen = new Map<string, number>();
    days.forEach((textValue, i) => {
      const day = parseIsoDay(textValue);
      if (day === null) {
        ctx.addIssue({ code: 'custom', path: [i], message: `${JSON.stringify(textValue)} is not a YYYY-MM-DD date` });
        return;
      }
      const { year } = partsOfDay(day);
      if (year < firstYear || year > lastYear)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `${textValue} is outside the working-day calendar, which covers ${firstYear}–${lastYear}`,
        });
      const first = seen.get(textValue);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `${textValue} is listed twice (also at closureDays[${first}])`,
        });
      else seen.set(textValue, i);
    });
  });

/**
 * Why a parameter is refused for a measure: which measures take it (as the parameter's
 * `appliesTo` metadata names them, else by name), if any.
 */
function unknownParameter(key: string, measure: MeasureName): string {
  const takers = MEASURES.filter((m) => Object.hasOwn(m.params.shape, key));
  if (takers.length === 0) return `${JSON.stringify(key)} is not a parameter of any measure`;
  const named = z.globalRegistry.get(takers[0].params.shape[key])?.appliesTo;
  const who = typeof named === 'string' ? named : takers.map((m) => m.name).join(', ');
  return `${key} applies only to ${who}, not ${measure}`;
}

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
    closureDays: closureDaysSchema,
    sections: z.array(sectionSchema).min(1).max(MAX_LIST),
    distribution: distributionSchema,
    /**
     * Whether the month's scheduled pack waits for an officer's APPROVE (docs/EMAIL-ROUND-TRIP.md):
     * `none` (today's behaviour) sends it to the distribution at once; `required` sends the
     * preview to the officers, and the pack goes out only when one of them replies APPROVE.
     */
    approval: z.enum(['none', 'required']).default('none'),
    /** With approval required: working days after the preview before the officers are reminded. */
    approvalReminderWorkingDays: z.number().int().min(1).max(20).default(2),
    benchmarks: benchmarkSettingsSchema.optional(),
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
 * Validates a parsed JSON value as a pack configuration.
 * @param source names where the configuration came from, for the error message.
 */
export function parsePackConfig(value: unknown, source = 'configuration'): PackConfig {
  const result = packConfigSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(`Invalid pack configuration in ${source}:\n${issueLines(result.error.issues).join('\n')}`);
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

/**
 * The tables the configured indicators need (docs/EXTRACT.md: a table is required when a configured
 * indicator needs it).
 */
export function neededTables(config: PackConfig): Set<TableName> {
  const tables = new Set<TableName>();
  for (const section of config.sections)
    for (const indicator of section.indicators)
      for (const read of measureOf(indicator.measure).reads) tables.add(read.table);
  return tables;
}
