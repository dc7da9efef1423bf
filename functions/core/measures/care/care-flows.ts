/**
 * Flow measures of children in care (docs/MEASURES.md, "Children in care"): children who
 * started or ceased to be looked after in a window. DfE counts children, not periods: "only
 * the first occasion on which a child started to be looked after in the year has been
 * counted", "only the last occasion on which a child ceased" — so a child with two starts in
 * a window counts once, in the month and in the year to date alike.
 */
import type { PersonEvent } from '../../extract/care-records';
import type { PersonKey } from '../../types';
import type { Window } from '../evaluation-days';
import type { ExtractIndex } from '../extract-index';
import { countTally, type FlowEvaluator } from '../tally';
import { carePeriods } from './care-periods';

/**
 * Distinct children with an event in each window. A pack has a couple of dozen windows, and
 * only events inside some window are kept, so a set per window is small and quick.
 */
export function distinctPeopleByWindow(events: Iterable<PersonEvent>, windows: readonly Window[]): FlowEvaluator {
  const counts = new Map<string, number>();
  const kept: PersonEvent[] = [];
  const first = Math.min(...windows.map((w) => w.from));
  const last = Math.max(...windows.map((w) => w.to));
  for (const event of events) if (event.day >= first && event.day <= last) kept.push(event);
  for (const { from, to } of windows) {
    const people = new Set<PersonKey>();
    for (const event of kept) if (event.day >= from && event.day <= to) people.add(event.person);
    counts.set(`${from}:${to}`, people.size);
  }
  return (from, to) => {
    const count = counts.get(`${from}:${to}`);
    if (count === undefined) throw new Error(`a care measure was evaluated over ${from}..${to}, not prepared for it`);
    return countTally(count);
  };
}

/** cla_starts: children who started a period of care in the window. */
export function claStarts(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const periods = carePeriods(index.extract.claEpisodes);
  return distinctPeopleByWindow(
    periods.map((p) => ({ person: p.person, day: p.start })),
    windows,
  );
}

/** cla_ceased: children whose period of care ended in the window. */
export function claCeased(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const ends: PersonEvent[] = [];
  for (const period of carePeriods(index.extract.claEpisodes))
    if (period.end !== null) ends.push({ person: period.person, day: period.end });
  return distinctPeopleByWindow(ends, windows);
}
