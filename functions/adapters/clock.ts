/** The time, as an injected adapter so runs and tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always says the same time (tests, and replaying an event's time). */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
