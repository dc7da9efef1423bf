/**
 * The pack configuration (docs/CONFIGURATION.md, "Pack configuration"), validated with zod.
 * An invalid configuration is a ConfigError naming the field path and the problem.
 */
import * as z from 'zod';
import { ConfigError } from '../errors';
import { measureOf } from '../measures/registry';
import type { TableName } from '../types';
import { closureDaysSchema } from './closure-days';
import { email, MAX_LIST, text } from './config-fields';
import { indicatorSchema } from './indicator-schema';
import { formatPath, issueLines } from './zod-helpers';

export type { MeasureName } from '../measures/registry';

/** Longest configuration file: the shipped one is under 10 KB; this bounds what parsing and validating can cost. */
export const MAX_CONFIG_CHARS = 1_000_000;

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
