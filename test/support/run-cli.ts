/**
 * Runs the CLI in this process and captures what it prints (stdout and stderr together),
 * so tests can assert on the exit status and the text a person would see.
 */
import { main } from '../../functions/cli/main';

export async function runCliCapturing(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const capture = (chunk: string | Uint8Array): boolean => {
    out += String(chunk);
    return true;
  };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    return { code: await main(args), out };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
