/**
 * The monthly trigger: EventBridge Scheduler invokes the run function in UK time with
 * `{ trigger: 'schedule', scheduledTime }` (docs/EVENTS.md, "Function events"). The run
 * derives the month from scheduledTime, so a retried or late delivery still reports the
 * right month.
 */
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { Alerts } from './alerts';
import { acknowledgeWildcardResources } from './nag';

/** The time zone every schedule of this stack is evaluated in. */
export const SCHEDULE_TIME_ZONE = TimeZone.EUROPE_LONDON;

/** The event a scheduled run receives; scheduledTime is filled in by Scheduler. */
export const SCHEDULE_INPUT = {
  trigger: 'schedule',
  scheduledTime: scheduler.ContextAttribute.scheduledTime,
} as const;

export interface MonthlyScheduleProps {
  readonly target: lambda.IFunction;
  readonly alerts: Alerts;
  /** `cron(...)`, in Europe/London time. */
  readonly expression: string;
}

export class MonthlySchedule extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: MonthlyScheduleProps) {
    super(scope, id);
    this.role = schedulerRole(this, 'Role', props.alerts);

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'indicator-pack: the monthly scheduled run (Europe/London)',
      schedule: scheduler.ScheduleExpression.expression(props.expression, SCHEDULE_TIME_ZONE),
      target: new targets.LambdaInvoke(props.target, {
        role: this.role,
        input: scheduler.ScheduleTargetInput.fromObject(SCHEDULE_INPUT),
        // Scheduler retries only a failed hand-over to Lambda (throttling, service
        // faults), not a failed run: the function's own async retries cover that.
        retryAttempts: 10,
        maxEventAge: Duration.hours(12),
        deadLetterQueue: props.alerts.deadLetterQueue,
      }),
    });
    acknowledgeInvokeVersions(this.role, props.target);
  }
}

/**
 * Scheduler's role, assumable only by Scheduler for schedules of this account. The
 * target adds invoke and dead-letter send; the dead-letter queue's key is added here.
 */
export function schedulerRole(scope: Construct, id: string, alerts: Alerts): iam.Role {
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  });
  for (const statement of alerts.sendToDeadLetterQueueStatements()) role.addToPolicy(statement);
  return role;
}

/**
 * CDK's Lambda target grants invoke on the function and on `<function ARN>:*`: the
 * wildcard means the versions and aliases of this one function, nothing wider.
 */
export function acknowledgeInvokeVersions(role: iam.Role, fn: lambda.IFunction): void {
  acknowledgeWildcardResources(
    role,
    fn,
    [':*'],
    "Added by CDK's Scheduler Lambda target (grantInvoke): the " +
      'versions and aliases of this one function, nothing wider.',
  );
}
