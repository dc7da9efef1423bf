/**
 * The benchmark part of the pack configuration (docs/CONFIGURATION.md, "Benchmarks"): the authority's LA code,
 * which statistical neighbours, and per indicator which published measure it is compared with. Validated with
 * the rest of the configuration, each issue at its field path.
 */
import * as z from 'zod';
import { COMPARATOR_IDS } from '../benchmarks/comparators';

/** An LA code as DfE writes it: the old 3-digit number (309) or the new 9-character code (E09000014). */
const laCode = z
  .string()
  .trim()
  .regex(
    /^(\d{3}|E(0[6-9]|10)\d{6})$/,
    'must be an LA code: the old 3-digit number (e.g. 309) or the 9-character code (e.g. E09000014)',
  );

/** Most neighbours an explicit list may name: DfE's models give ten. */
const MAX_NEIGHBOURS = 50;

export const benchmarkSettingsSchema = z.strictObject({
  laCode,
  /**
   * `latest`: DfE's latest model in the data; a year (`"2021"`): that model; a list of LA codes: those
   * authorities.
   */
  neighbours: z
    .union([
      z.literal('latest'),
      z.string().regex(/^\d{4}$/, 'must be "latest", a model year such as "2021", or a list of LA codes'),
      z.array(laCode).min(1).max(MAX_NEIGHBOURS),
    ])
    .default('latest'),
});

export type BenchmarkSettings = z.infer<typeof benchmarkSettingsSchema>;

/** An indicator's `comparator`: a published measure's id, or null or absent (none: visits have no national figure). */
export const comparatorField = z
  .enum(COMPARATOR_IDS, {
    error: (issue) =>
      `unknown comparator ${JSON.stringify(issue.input)}: expected null or one of ${COMPARATOR_IDS.join(', ')}`,
  })
  .nullable()
  .optional();
