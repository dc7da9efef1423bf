/**
 * The command line (docs/COMMANDS.md, "Commands"), parsed with node:util parseArgs into one
 * typed command. Anything wrong is a UsageError (exit status 2) that says what and shows usage.
 */
import { parseArgs } from 'node:util';
import { isPeriod } from '../core/calendar';
import { UsageError } from '../core/errors';
import { LAYOUT } from '../core/layout';

export const USAGE = `usage: npm run report -- <command> [options]

  run      --period YYYY-MM [--extract DIR|s3://bucket/prefix] [--config FILE|s3://bucket/key]
           [--comments FILE] [--benchmarks DIR|s3://bucket/prefix] [--out DIR] [--send | --preview ADDRESS]
           [--reason TEXT]
           One run here. Sends nothing unless --send or --preview is given.
  validate --period YYYY-MM --extract DIR|s3://… [--config FILE|s3://…]
           Validation only: prints the data-quality report (exit 1 when it has errors).
  rerun    --period YYYY-MM --reason TEXT [--preview ADDRESS | --send]
           [--function NAME] [--requested-by NAME]
           Asks the deployed function to rerun a month (function from --function or INDICATOR_PACK_FUNCTION).
  invoke   --event FILE
           Runs the function's handler in this process with that event.
  comments import --period YYYY-MM --from EDITED.xlsx [--out FILE]
           Reads comments from a returned workbook into ${LAYOUT.commentsKey('<YYYY-MM>')}
           (in DATA_BUCKET, or FILE with --out).
  benchmarks build DIR --out FILE
           Builds a benchmark snapshot from a folder of DfE's published files (docs/BENCHMARKS-DATA.md).

Exit status: 0 success, 1 the run failed, 2 the command line is wrong.`;

export type Command =
  | {
      name: 'run';
      period: string;
      extract?: string;
      config?: string;
      comments?: string;
      benchmarks?: string;
      out?: string;
      send: boolean;
      preview?: string;
      reason?: string;
    }
  | { name: 'validate'; period: string; extract: string; config?: string }
  | {
      name: 'rerun';
      period: string;
      reason: string;
      send: boolean;
      preview?: string;
      functionName?: string;
      requestedBy?: string;
    }
  | { name: 'invoke'; event: string }
  | { name: 'comments-import'; period: string; from: string; out?: string }
  | { name: 'benchmarks-build'; folder: string; out: string }
  | { name: 'help' };

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parse(args: string[], options: OptionSpec, command: string): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

function text(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function required(values: Record<string, string | boolean | undefined>, name: string, command: string): string {
  const value = text(values, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`${command}: --${name} is required\n\n${USAGE}`);
  return value;
}

function period(values: Record<string, string | boolean | undefined>, command: string): string {
  const value = required(values, 'period', command);
  if (!isPeriod(value))
    throw new UsageError(`${command}: --period must be a month as YYYY-MM (e.g. 2013-11), got "${value}"\n\n${USAGE}`);
  return value;
}

function sendChoice(
  values: Record<string, string | boolean | undefined>,
  command: string,
): { send: boolean; preview?: string } {
  const send = values.send === true;
  const preview = text(values, 'preview');
  if (send && preview !== undefined) throw new UsageError(`${command}: give --send or --preview, not both\n\n${USAGE}`);
  return { send, preview };
}

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  switch (name) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help' };
    case 'run': {
      const v = parse(
        rest,
        {
          period: { type: 'string' },
          extract: { type: 'string' },
          config: { type: 'string' },
          comments: { type: 'string' },
          benchmarks: { type: 'string' },
          out: { type: 'string' },
          send: { type: 'boolean' },
          preview: { type: 'string' },
          reason: { type: 'string' },
        },
        'run',
      );
      return {
        name: 'run',
        period: period(v, 'run'),
        extract: text(v, 'extract'),
        config: text(v, 'config'),
        comments: text(v, 'comments'),
        benchmarks: text(v, 'benchmarks'),
        out: text(v, 'out'),
        reason: text(v, 'reason'),
        ...sendChoice(v, 'run'),
      };
    }
    case 'validate': {
      const v = parse(
        rest,
        { period: { type: 'string' }, extract: { type: 'string' }, config: { type: 'string' } },
        'validate',
      );
      return {
        name: 'validate',
        period: period(v, 'validate'),
        extract: required(v, 'extract', 'validate'),
        config: text(v, 'config'),
      };
    }
    case 'rerun': {
      const v = parse(
        rest,
        {
          period: { type: 'string' },
          reason: { type: 'string' },
          send: { type: 'boolean' },
          preview: { type: 'string' },
          function: { type: 'string' },
          'requested-by': { type: 'string' },
        },
        'rerun',
      );
      return {
        name: 'rerun',
        period: period(v, 'rerun'),
        reason: required(v, 'reason', 'rerun'),
        functionName: text(v, 'function'),
        requestedBy: text(v, 'requested-by'),
        ...sendChoice(v, 'rerun'),
      };
    }
    case 'invoke': {
      const v = parse(rest, { event: { type: 'string' } }, 'invoke');
      return { name: 'invoke', event: required(v, 'event', 'invoke') };
    }
    case 'comments': {
      const [sub, ...options] = rest;
      if (sub !== 'import') throw new UsageError(`comments: the only subcommand is "import"\n\n${USAGE}`);
      const v = parse(
        options,
        { period: { type: 'string' }, from: { type: 'string' }, out: { type: 'string' } },
        'comments import',
      );
      return {
        name: 'comments-import',
        period: period(v, 'comments import'),
        from: required(v, 'from', 'comments import'),
        out: text(v, 'out'),
      };
    }
    case 'benchmarks':
      return benchmarksCommand(rest);
    default:
      throw new UsageError(`unknown command "${name}"\n\n${USAGE}`);
  }
}

/** `benchmarks build DIR --out FILE`: the folder is the one positional argument. */
function benchmarksCommand(rest: string[]): Command {
  const [sub, ...options] = rest;
  if (sub !== 'build') throw new UsageError(`benchmarks: the only subcommand is "build"\n\n${USAGE}`);
  let parsed;
  try {
    parsed = parseArgs({ args: options, options: { out: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`benchmarks build: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(`benchmarks build: give one folder of DfE files, then --out FILE\n\n${USAGE}`);
  return {
    name: 'benchmarks-build',
    folder: parsed.positionals[0],
    out: required(parsed.values, 'out', 'benchmarks build'),
  };
}
