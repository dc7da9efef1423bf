/**
 * docs/MEASURES.md, made from the measure registry: each measure's kind, unit, the
 * extract columns it reads, its parameters with their defaults and limits, the
 * definition readers see and the counting rule. Generated (`npm run docs:measures`) and
 * tested against the registry, so the page cannot drift from the code.
 */
import * as z from 'zod';
import { MEASURES, type Measure } from '../core/measures/registry';

export const MEASURES_DOC_PATH = 'docs/MEASURES.md';

const HEADER = `# Measures

<!-- Generated from functions/core/measures/registry by \`npm run docs:measures\`; do not edit by hand. -->

Every indicator of a pack is one of these measures, with a code, title, decimals and RAG rule set in the pack
configuration. This page is the contract for what each measure counts; the other pages are listed in
[docs/README.md](README.md).

- A **snapshot** is evaluated at a date d: a month's last day, the 31 March ending the previous financial year, or
  the reporting month's last day for the year to date.
- A **flow** is counted over a window [a, b], both days included: a month, the previous financial year, or
  1 April to the end of the reporting month.
- A record is **open at d** when its start ≤ d and its end is missing or after d.
- Units: a **count**; a **percent**, 100 × numerator / denominator; a **rate**, 10,000 × count / 0–17 population.
  A zero denominator gives no value (shown as -), never 0.
- A measure reads only the columns listed. A column under *read when present* may be absent or empty; the
  counting rule says what happens then. When any other listed column is absent from its table's header, the
  measure cannot be counted from that extract: every cell of its indicators shows **No data** with the reason
  (in the traffic light's note and as a \`measure-unavailable\` warning in the data-quality section), never 0.
`;

function columnsLines(measure: Measure): string[] {
  return measure.reads.map((read) => {
    const required = read.columns.map((column) => `\`${column}\``).join(', ');
    const optional = read.optional?.length
      ? `; read when present: ${read.optional.map((column) => `\`${column}\``).join(', ')}`
      : '';
    return `  - \`${read.table}\`: ${required}${optional}`;
  });
}

function describeParameter(name: string, schema: z.core.JSONSchema._JSONSchema): string {
  if (typeof schema === 'boolean') return `  - \`${name}\``;
  const limits = [
    schema.type === 'integer' ? 'a whole number' : schema.type,
    schema.minimum !== undefined ? `from ${schema.minimum}` : null,
    schema.maximum !== undefined ? `to ${schema.maximum}` : null,
  ].filter((part) => part !== null && part !== undefined);
  const fallback = schema.default !== undefined ? `; default ${JSON.stringify(schema.default)}` : '';
  return `  - \`${name}\`: ${schema.description ?? ''} (${limits.join(' ')}${fallback})`;
}

function parameterLines(measure: Measure): string[] {
  const properties = Object.entries(z.toJSONSchema(measure.params, { io: 'input' }).properties ?? {});
  if (properties.length === 0) return ['- Parameters: none.'];
  return [
    '- Parameters (`params` in the configuration):',
    ...properties.map(([name, s]) => describeParameter(name, s)),
  ];
}

function measureSection(measure: Measure): string {
  return [
    `## \`${measure.name}\``,
    '',
    `- Kind: ${measure.kind}. Unit: ${measure.unit}.`,
    '- Reads:',
    ...columnsLines(measure),
    ...parameterLines(measure),
    '',
    `**Definition** (as shown in the pack): ${measure.definition}`,
    '',
    `**How it is counted**: ${measure.counted}`,
    '',
  ].join('\n');
}

/** The whole page, as `npm run docs:measures` writes it. */
export function measuresDoc(): string {
  const index = MEASURES.map((m) => `| [\`${m.name}\`](#${m.name}) | ${m.kind} | ${m.unit} |`);
  return [HEADER, '| measure | kind | unit |', '|---|---|---|', ...index, '', ...MEASURES.map(measureSection)].join(
    '\n',
  );
}
