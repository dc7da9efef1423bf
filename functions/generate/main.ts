/**
 * The sample-extract generator's command line:
 *   npm run generate -- --period YYYY-MM --scale N --out DIR [--format csv|xlsx] [--seed N]
 */
import { parseArgs } from 'node:util';
import { UsageError, UserError } from '../core/errors';
import { periodEnd } from '../core/extract/period';
import { LAYOUTS, type Layout } from './layouts';
import { writeExtract, type ExtractFormat } from './write-extract';

export const USAGE =
  'usage: npm run generate -- --period YYYY-MM --scale N --out DIR [--format csv|xlsx] [--seed N] ' +
  '[--layout spec|systemc|mosaic]';

export interface GenerateCommand {
  period: string;
  scale: number;
  out: string;
  format: ExtractFormat;
  seed: number;
  /** spec (docs/EXTRACT.md), or a real SSD layout (layouts.ts): CSV only, as the SSD is exported. */
  layout: Layout;
}

function positiveInteger(text: string, name: string): number {
  if (!/^[1-9]\d*$/.test(text))
    throw new UsageError(`--${name} must be a positive whole number, got "${text}"\n${USAGE}`);
  return Number(text);
}

export function parseGenerateArgs(args: string[]): GenerateCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        period: { type: 'string' },
        scale: { type: 'string', default: '1' },
        out: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        seed: { type: 'string', default: '1' },
        layout: { type: 'string', default: 'spec' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.period === undefined) throw new UsageError(`--period is required\n${USAGE}`);
  if (values.out === undefined) throw new UsageError(`--out is required\n${USAGE}`);
  try {
    periodEnd(values.period);
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const format = values.format;
  if (format !== 'csv' && format !== 'xlsx')
    throw new UsageError(`--format must be csv or xlsx, got "${format}"\n${USAGE}`);
  const layout = LAYOUTS.find((name) => name === values.layout);
  if (layout === undefined)
    throw new UsageError(`--layout must be one of ${LAYOUTS.join(', ')}, got "${values.layout}"\n${USAGE}`);
  if (layout !== 'spec' && format !== 'csv')
    throw new UsageError(`--layout ${layout} is written as CSV only (the SSD is exported as CSV)\n${USAGE}`);
  return {
    layout,
    period: values.period,
    scale: positiveInteger(values.scale, 'scale'),
    out: values.out,
    format,
    seed: positiveInteger(values.seed, 'seed'),
  };
}

async function main(): Promise<void> {
  const command = parseGenerateArgs(process.argv.slice(2));
  const written = await writeExtract(command);
  const total = Object.values(written.rows).reduce((sum, n) => sum + n, 0);
  process.stdout.write(
    `Generated a ${command.format} extract (${command.layout} layout) for ${command.period} ` +
      `at scale ${command.scale}: ${total} rows\n`,
  );
  for (const [table, rows] of Object.entries(written.rows)) process.stdout.write(`  ${table}: ${rows} rows\n`);
  for (const file of written.files) process.stdout.write(`  wrote ${file}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(
        `generate failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  });
}
