/**
 * The deployment's settings, read from CDK context (cdk.json, or `-c key=value` on the
 * command line) and validated before any resource is defined, so a wrong value stops
 * synthesis with a message naming the context key instead of deploying something odd.
 */
import * as z from 'zod';
import { emailAddress, issueLines } from '../functions/core/config/zod-helpers';

/** What the stack needs to know about the council and its people. */
export interface DeploymentSettings {
  /** The council's name, shown in the pack. */
  readonly authority: string;
  /** The From address of every pack email; the function may send from no other. */
  readonly senderAddress: string;
  /**
   * The SES identity the stack creates and the function may send as: the sender's
   * email address (default) or its domain, when the council verifies the whole domain.
   */
  readonly sesIdentity: string;
  /** Performance officers: alarm emails, failure notices and previews. */
  readonly officerAddresses: string[];
  /** The pack's distribution list, seeded into the first config/pack.json. */
  readonly recipientAddresses: string[];
  /** Domains every recipient must belong to (seeded into config/pack.json). */
  readonly allowedDomains: string[];
  /** EventBridge Scheduler expression, evaluated in Europe/London. */
  readonly scheduleCron: string;
  /** Days an extract is kept after upload: extracts hold children's records. */
  readonly extractRetentionDays: number;
  /** Days an overwritten or deleted object version is kept (recovery window). */
  readonly noncurrentVersionRetentionDays: number;
  /** Day of the month by which last month's pack must exist, or the officers are alerted. */
  readonly missingRunAlarmDay: number;
  /**
   * The address officers reply to (issue 17). Unset: no receipt rule is made, and the
   * stack does not receive mail (e.g. where SES email receiving is not offered).
   */
  readonly receivingAddress: string | undefined;
}

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'is not a domain');

/**
 * Context given on the command line arrives as a string (`-c officerAddresses=a@x,b@x`);
 * from cdk.json it arrives as JSON. Lists accept both a JSON array and comma-separated text.
 */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    if (trimmed.startsWith('[')) {
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return value;
      }
    }
    return trimmed
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  }, z.array(item).min(1));
}

const days = z.coerce.number().int().min(1).max(3650);

/** EventBridge Scheduler cron: six fields inside cron(...). */
const cronExpression = z
  .string()
  .trim()
  .regex(
    /^cron\((\S+\s+){5}\S+\)$/,
    'must be an EventBridge Scheduler cron expression with six fields, e.g. cron(0 7 2 * ? *)',
  );

const contextSchema = z
  .object({
    authority: z.string().trim().min(1).max(200),
    senderAddress: emailAddress,
    sesIdentity: z.union([emailAddress, domain]).optional(),
    officerAddresses: listOf(emailAddress),
    recipientAddresses: listOf(emailAddress),
    allowedDomains: listOf(domain).optional(),
    scheduleCron: cronExpression,
    extractRetentionDays: days,
    noncurrentVersionRetentionDays: days,
    // At most 28 so that the check happens in every month, February included.
    missingRunAlarmDay: z.coerce.number().int().min(1).max(28),
    receivingAddress: emailAddress.optional(),
  })
  .superRefine((settings, ctx) => {
    const senderDomain = domainOf(settings.senderAddress);
    const identity = settings.sesIdentity;
    if (identity !== undefined && identity !== settings.senderAddress && identity !== senderDomain) {
      ctx.addIssue({
        code: 'custom',
        path: ['sesIdentity'],
        message: `must be the sender address or its domain (${senderDomain})`,
      });
    }
    const scheduledDay = scheduledDayOfMonth(settings.scheduleCron);
    if (scheduledDay !== undefined && settings.missingRunAlarmDay <= scheduledDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['missingRunAlarmDay'],
        message:
          `must be after the scheduled day of the month (${scheduledDay}), ` +
          'or the check would run before the pack is due',
      });
    }
  });

/** The context keys this stack reads; cdk.json holds a value for each required one. */
export const CONTEXT_KEYS = [
  'authority',
  'senderAddress',
  'sesIdentity',
  'officerAddresses',
  'recipientAddresses',
  'allowedDomains',
  'scheduleCron',
  'extractRetentionDays',
  'noncurrentVersionRetentionDays',
  'missingRunAlarmDay',
  'receivingAddress',
] as const;

/**
 * Validates the context values.
 * @param lookup returns the raw context value for a key (`node.tryGetContext`).
 */
export function readSettings(lookup: (key: string) => unknown): DeploymentSettings {
  const raw: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) raw[key] = lookup(key);
  const result = contextSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(
      `Invalid CDK context (cdk.json "context" or -c key=value):\n${issueLines(result.error.issues).join('\n')}`,
    );
  }
  const settings = result.data;
  const senderDomain = domainOf(settings.senderAddress);
  return {
    authority: settings.authority,
    senderAddress: settings.senderAddress,
    sesIdentity: settings.sesIdentity ?? settings.senderAddress,
    officerAddresses: settings.officerAddresses,
    recipientAddresses: settings.recipientAddresses,
    allowedDomains: settings.allowedDomains ?? [senderDomain],
    scheduleCron: settings.scheduleCron,
    extractRetentionDays: settings.extractRetentionDays,
    noncurrentVersionRetentionDays: settings.noncurrentVersionRetentionDays,
    missingRunAlarmDay: settings.missingRunAlarmDay,
    receivingAddress: settings.receivingAddress,
  };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** The day-of-month field of a cron expression when it is a single number, else undefined. */
export function scheduledDayOfMonth(cron: string): number | undefined {
  const fields = cron
    .replace(/^cron\(|\)$/g, '')
    .trim()
    .split(/\s+/);
  const dayField = fields[2];
  return dayField !== undefined && /^\d{1,2}$/.test(dayField) ? Number(dayField) : undefined;
}
