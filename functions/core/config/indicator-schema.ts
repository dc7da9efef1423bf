/**
 * One configured indicator (docs/CONFIGURATION.md): its measure, the measure's parameters (checked
 * against that measure's own schema), dated definition changes and RAG rating.
 */
import * as z from 'zod';
import { MEASURE_NAMES, MEASURES, measureOf, type MeasureName } from '../measures/registry';
import { code, MAX_LIST, month, financialYear, text } from './config-fields';

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

/** A dated definition change: from this month, the indicator's parameters are these (replacing `params` whole). */
const datedParamsSchema = z.strictObject({
  from: month,
  params: z.record(z.string(), z.unknown()),
});

export const indicatorSchema = z
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
