/**
 * Named error classes. A `UserError` is something the user can fix (bad input, bad
 * configuration, bad command line): its message is shown as is, never with a stack trace.
 * Anything else is a fault of ours or of the infrastructure.
 */
export class UserError extends Error {
  override name = 'UserError';
  /** CLI exit status for this error: 1 for a failed run, 2 for a wrong command line. */
  readonly exitCode: 1 | 2 = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The command line or an event is malformed. */
export class UsageError extends UserError {
  override name = 'UsageError';
  override readonly exitCode = 2 as const;
}

/** The pack configuration is invalid; the message names the field path and the problem. */
export class ConfigError extends UserError {
  override name = 'ConfigError';
}

/** The extract has errors; `quality` holds the full data-quality report. */
export class ExtractInvalidError extends UserError {
  override name = 'ExtractInvalidError';
  constructor(
    message: string,
    readonly quality: import('./types').DataQuality,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An event (schedule or rerun) failed validation; the message names the field. */
export class InvalidEventError extends UserError {
  override name = 'InvalidEventError';
}

/** A recipient is outside the configuration's allowedDomains: nothing is sent. */
export class RecipientNotAllowedError extends UserError {
  override name = 'RecipientNotAllowedError';
}

/** The raw email would exceed SES's limit after base64 encoding. */
export class MessageTooLargeError extends UserError {
  override name = 'MessageTooLargeError';
}

/** Storage or mail faults that persisted after retries. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}
