/**
 * `npm run report -- <command>`: exit status 0 success, 1 the run failed, 2 the command
 * line is wrong. A user error prints its message only, never a stack trace.
 */
import { UserError } from '../core/errors';
import { awsSetupError, quietNodeVersionWarning } from './aws-setup';
import { parseCommand, USAGE } from './args';
import { execute, type Terminal } from './commands';

const terminal: Terminal = {
  progress: (line) => process.stderr.write(`· ${line}\n`),
  out: (line) => process.stdout.write(`${line}\n`),
};

export async function main(argv: string[]): Promise<number> {
  quietNodeVersionWarning();
  try {
    return await execute(parseCommand(argv), terminal, USAGE);
  } catch (caught) {
    const error = awsSetupError(caught) ?? caught;
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    // Not the user's doing: a fault of ours or of the infrastructure; the stack helps whoever fixes it.
    process.stderr.write(
      `Unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
