/**
 * Structured JSON logging: one line per event. Fields are deliberately limited to
 * scalars chosen by the caller (names, counts, timings, keys), so an extract row or a
 * person identifier cannot ride along inside an object by accident.
 */
export type LogValue = string | number | boolean | null;
export type LogFields = Record<string, LogValue | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** Binds fields (e.g. runId, period) into every later line. */
  child(fields: LogFields): Logger;
}

type Level = 'info' | 'warn' | 'error';

export function createJsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
  bound: LogFields = {},
): Logger {
  const emit = (level: Level, event: string, fields: LogFields = {}): void => {
    write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...bound, ...fields })}\n`);
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
    child: (fields) => createJsonLogger(write, { ...bound, ...fields }),
  };
}

/** A logger that drops everything (CLI runs report progress on the terminal instead). */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
