/**
 * The traffic light (docs/OUTPUTS.md, RAG): the unrounded year-to-date value against the
 * target for the financial year, with relative or absolute tolerances, and the reason
 * in words so that colour is never the only signal.
 */
import type { RagConfig } from '../config/pack-config';
import { formatValue } from './format';
import type { RagStatus, Unit } from './pack-types';

export const DEFAULT_AMBER = 0.1;
export const DEFAULT_GREEN = 0.05;

/**
 * Absorbs binary representation error at a boundary (e.g. 95 − 0.1 × 95), so a value
 * that is exactly on a boundary in decimal takes the better side, as a person would expect.
 */
const BOUNDARY_EPSILON = 1e-9;

export interface RagInput {
  value: number | null;
  target: number | null;
  rule: RagConfig | undefined;
  dataOnly: boolean;
  unit: Unit;
  decimals: number;
  /** e.g. "2013/14", for the reason text. */
  financialYear: string;
}

export interface RagResult {
  status: RagStatus;
  reason: string;
}

export function targetFor(rule: RagConfig | undefined, financialYear: string): number | null {
  return rule?.targets[financialYear] ?? null;
}

const STATUS_WORD: Record<'red' | 'amber' | 'green', string> = { red: 'Red', amber: 'Amber', green: 'Green' };
const POLARITY_WORDS: Record<RagConfig['polarity'], string> = {
  higher: 'higher is better',
  lower: 'lower is better',
  band: 'close to target is better',
};

/** "10%" for a relative tolerance, "2 percentage points" / "2 per 10,000" / "2" for an absolute one. */
function toleranceText(relative: number, absolute: number | undefined, unit: Unit): string {
  if (absolute === undefined) return `${String(Math.round(relative * 100 * 1e6) / 1e6)}%`;
  const amount = String(absolute);
  if (unit === 'percent') return `${amount} percentage point${absolute === 1 ? '' : 's'}`;
  if (unit === 'rate') return `${amount} per 10,000`;
  return amount;
}

export function judgeRag(input: RagInput): RagResult {
  const { value, target, rule, unit, decimals, financialYear } = input;
  if (!rule || target === null) {
    if (input.dataOnly) return { status: 'data-only', reason: `Data only: no target is set for ${financialYear}` };
    return { status: 'none', reason: `No target is set for ${financialYear}` };
  }
  const targetText = formatValue(target, unit, decimals);
  if (value === null)
    return { status: 'no-data', reason: `No data: no value for ${financialYear} to date (target ${targetText})` };

  const scale = Math.abs(target);
  const amber = rule.amber ?? DEFAULT_AMBER;
  const tolerance = rule.amberAbs ?? amber * scale;
  const tolText = toleranceText(amber, rule.amberAbs, unit);
  const eps = BOUNDARY_EPSILON * Math.max(1, scale);
  // One more decimal than displayed, so "95%" that is really 94.8% shows why it is Amber.
  const valueText = formatValue(value, unit, unit === 'count' ? 0 : decimals + 1);

  let status: 'red' | 'amber' | 'green';
  let detail: string;
  switch (rule.polarity) {
    case 'higher':
      if (value >= target - eps) [status, detail] = ['green', 'at or above target'];
      else if (value >= target - tolerance - eps) [status, detail] = ['amber', `within ${tolText} below target`];
      else [status, detail] = ['red', `more than ${tolText} below target`];
      break;
    case 'lower':
      if (value <= target + eps) [status, detail] = ['green', 'at or below target'];
      else if (value <= target + tolerance + eps) [status, detail] = ['amber', `within ${tolText} above target`];
      else [status, detail] = ['red', `more than ${tolText} above target`];
      break;
    case 'band': {
      const green = rule.greenAbs ?? (rule.green ?? DEFAULT_GREEN) * scale;
      const greenText = toleranceText(rule.green ?? DEFAULT_GREEN, rule.greenAbs, unit);
      const distance = Math.abs(value - target);
      if (distance <= green + eps) [status, detail] = ['green', `within ${greenText} of target`];
      else if (distance <= tolerance + eps) [status, detail] = ['amber', `within ${tolText} of target`];
      else [status, detail] = ['red', `more than ${tolText} from target`];
      break;
    }
  }
  return {
    status,
    reason: `${valueText} against ${targetText}: ${POLARITY_WORDS[rule.polarity]}, ${STATUS_WORD[status]} ${detail}`,
  };
}
