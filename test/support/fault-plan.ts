/**
 * Precise fault rules for the S3 proxy: "the 2nd PUT of any key ending pack.xlsx gets a
 * 503 SlowDown", "every GET under extracts/ resets". A spec matches requests by method
 * and object key, counts them, and applies its action to the numbered matches only.
 * Specs are checked in order; the first whose match number is selected wins.
 */
import type { FaultAction, FaultRule, ProxiedRequest } from './conditional-s3-proxy';

export interface FaultSpec {
  /** GET, PUT, HEAD…; any method when omitted. */
  method?: string;
  /** Matched against the object key (the path after the bucket, decoded). */
  key: RegExp;
  /** Which matching requests (1-based) get the fault; every one when omitted. */
  nth?: number[];
  action: FaultAction;
}

export interface FaultPlan {
  rule: FaultRule;
  /** How many requests each spec has matched so far (faulted or not). */
  matched(spec: number): number;
  /** How many requests each spec has faulted. */
  faulted(spec: number): number;
}

/** The object key of a path-style request, e.g. `/bucket/reports/x.json` → `reports/x.json`. */
export function objectKey(request: ProxiedRequest): string {
  const [, , ...rest] = request.path.split('/');
  return decodeURIComponent(rest.join('/'));
}

export function faultPlan(specs: FaultSpec[]): FaultPlan {
  const matched = specs.map(() => 0);
  const faulted = specs.map(() => 0);
  const rule: FaultRule = (request) => {
    const key = objectKey(request);
    let action: FaultAction | undefined;
    specs.forEach((spec, index) => {
      if (spec.method !== undefined && spec.method !== request.method) return;
      if (!spec.key.test(key)) return;
      matched[index]++;
      if (action === undefined && (spec.nth === undefined || spec.nth.includes(matched[index]))) {
        faulted[index]++;
        action = spec.action;
      }
    });
    return action;
  };
  return { rule, matched: (i) => matched[i], faulted: (i) => faulted[i] };
}

export const S3_FAULTS = {
  internalError: {
    kind: 'status',
    status: 500,
    code: 'InternalError',
    message: 'We encountered an internal error. Please try again.',
  },
  serviceUnavailable: {
    kind: 'status',
    status: 503,
    code: 'ServiceUnavailable',
    message: 'Service is unable to handle request.',
  },
  slowDown: { kind: 'status', status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  tooManyRequests: { kind: 'status', status: 429, code: 'TooManyRequests', message: 'Too many requests.' },
  reset: { kind: 'reset' },
  loseResponse: { kind: 'lose-response' },
  hang: { kind: 'hang' },
} as const satisfies Record<string, FaultAction>;
