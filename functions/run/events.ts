/**
 * The function's events (docs/EVENTS.md, "Function events"), validated with zod. An
 * invalid event is an InvalidEventError whose message names the field and the problem.
 */
import * as z from 'zod';
import { isPeriod } from '../core/calendar';
import { emailAddress, issueLines } from '../core/config/zod-helpers';
import { InvalidEventError } from '../core/errors';

const scheduleEventSchema = z
  .object({
    trigger: z.literal('schedule'),
    scheduledTime: z.iso.datetime({
      offset: true,
      message: 'must be an ISO 8601 date-time, e.g. 2013-12-02T07:00:00Z',
    }),
  })
  .strict();

const rerunEventSchema = z
  .object({
    trigger: z.literal('rerun'),
    period: z.string().refine(isPeriod, 'must be a month as YYYY-MM, e.g. 2013-11'),
    requestedBy: z.string().trim().min(1, 'must say who asked').max(200),
    reason: z.string().trim().min(1, 'must say why').max(2000),
    send: z.enum(['none', 'preview', 'all']),
    previewTo: z.array(emailAddress).min(1).max(50).optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.previewTo !== undefined && event.send !== 'preview') {
      ctx.addIssue({
        code: 'custom',
        path: ['previewTo'],
        message: `applies only when send is "preview" (send is "${event.send}")`,
      });
    }
  });

const eventSchema = z.discriminatedUnion('trigger', [scheduleEventSchema, rerunEventSchema], {
  error: 'must be "schedule" or "rerun"',
});

export type RunEvent = z.infer<typeof eventSchema>;

/** Validates an incoming event; throws InvalidEventError naming the offending field. */
export function parseRunEvent(value: unknown): RunEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidEventError('Invalid event: expected a JSON object with a "trigger" field');
  }
  const result = eventSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = issueLines(result.error.issues, { max: 10, root: 'trigger' });
  throw new InvalidEventError(`Invalid event:\n${lines.join('\n')}`);
}
