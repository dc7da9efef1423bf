/**
 * Targets for the pack's financial year. Targets are set per financial year, so every April a configuration that
 * has not had the new year's targets added leaves indicators that were judged last month without a status. That is
 * shown and warned about, never silent: the row reads "No target for 2014/15" and the data-quality section (and
 * `validate`) names the indicators. An indicator with no target in any year simply has no status, as before.
 */
import type { PackConfig, RagConfig } from '../config/pack-config';
import type { Problem } from '../types';

/** True when the rule sets targets for some financial year but none for `financialYear` (the April case). */
export function targetMissingForYear(rule: RagConfig | undefined, financialYear: string): boolean {
  return rule !== undefined && Object.keys(rule.targets).length > 0 && rule.targets[financialYear] === undefined;
}

/** The status reason (and the row's label) for such an indicator. */
export function noTargetForYearText(financialYear: string): string {
  return `No target for ${financialYear}`;
}

/** One warning naming every indicator with targets for other years but none for `financialYear`; null when none. */
export function missingTargetsProblem(config: PackConfig, financialYear: string): Problem | null {
  const codes = config.sections.flatMap((section) =>
    section.indicators.filter((i) => targetMissingForYear(i.rag, financialYear)).map((i) => i.code),
  );
  if (codes.length === 0) return null;
  const one = codes.length === 1;
  return {
    kind: 'no-target-for-year',
    table: null,
    row: null,
    column: `rag.targets["${financialYear}"]`,
    value: codes.join(', '),
    message:
      `${noTargetForYearText(financialYear)}: ${codes.join(', ')} ${one ? 'has' : 'have'} targets for other years ` +
      `but none for ${financialYear}, so ${one ? 'it has' : 'they have'} no traffic light; add ` +
      `"${financialYear}" to ${one ? 'its' : 'their'} rag.targets in the pack configuration.`,
  };
}
