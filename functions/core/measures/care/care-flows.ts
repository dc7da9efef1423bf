/**
 * Flow measures of children in care (docs/MEASURES.md, "Children in care"): children who
 * started or ceased to be looked after in a window, and children who went missing from care.
 * DfE counts children, not periods or incidents: "only the last occasion on which a child
 * ceased to be looked after in the year has been counted" — so a child with two starts in a
 * window counts once, in the month and in the year to date alike.
 */
import type { Day, PersonKey } from '../../types';
import type { Window } from '../evaluation-days';
import type { ExtractIndex } from '../extract-index';
import { countTally, type FlowEvaluator } from '../tally';
import { carePeriods, type CarePeriod } from './care-periods';

/** Something that happened to a child over [start, end] (end null: not yet over; a one-day event: end = start). */
interface PersonSpan {
  person: PersonKey;
  start: Day;
  end: Day | null;
}

/**
 * Distinct children with a span meeting each window. A pack has a couple of dozen windows, and
 * only spans meeting some window are kept, so a set per window is small and quick.
 */
function distinctPeopleByWindow(spans: Iterable<PersonSpan>, windows: readonly Window[]): FlowEvaluator {
  const meets = (span: PersonSpan, from: Day, to: Day) => span.start <= to && (span.end === null || span.end >= from);
  const first = Math.min(...windows.map((w) => w.from));
  const last = Math.max(...windows.map((w) => w.to));
  const kept: PersonSpan[] = [];
  for (const span of spans) if (meets(span, first, last)) kept.push(span);
  const counts = new Map<string, number>();
  for (const { from, to } of windows) {
    const people = new Set<PersonKey>();
    for (const span of kept) if (meets(span, from, to)) people.add(span.person);
    counts.set(`${from}:${to}`, people.size);
  }
  return (from, to) => {
    const count = counts.get(`${from}:${to}`);
    if (count === undefined) throw new Error(`a care measure was evaluated over ${from}..${to}, not prepared for it`);
    return countTally(count);
  };
}

const onDay = (person: PersonKey, day: Day): PersonSpan => ({ person, start: day, end: day });

/** cla_starts: children who started a period of care in the window. */
export function claStarts(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const periods = carePeriods(index.extract.claEpisodes);
  return distinctPeopleByWindow(
    periods.map((p) => onDay(p.person, p.start)),
    windows,
  );
}

/** cla_ceased: children whose period of care ended in the window. */
export function claCeased(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const ends: PersonSpan[] = [];
  for (const period of carePeriods(index.extract.claEpisodes))
    if (period.end !== null) ends.push(onDay(period.person, period.end));
  return distinctPeopleByWindow(ends, windows);
}

/** Whether the child was in care on the day: the periods are sorted by child, then start. */
function inCareOn(periods: readonly CarePeriod[], firstOfPerson: Map<PersonKey, number>, person: PersonKey, day: Day) {
  for (let i = firstOfPerson.get(person) ?? periods.length; i < periods.length && periods[i].person === person; i++) {
    const { start, end } = periods[i];
    if (start <= day && (end === null || end > day)) return true;
  }
  return false;
}

/**
 * cla_missing: children with a missing episode (not "away") that meets the window and began
 * while they were in care; an episode still going on at the window's start counts, as DfE
 * counts incidents open at 1 April.
 */
export function claMissing(index: ExtractIndex, windows: readonly Window[]): FlowEvaluator {
  const periods = carePeriods(index.extract.claEpisodes);
  const firstOfPerson = new Map<PersonKey, number>();
  periods.forEach((period, i) => {
    if (!firstOfPerson.has(period.person)) firstOfPerson.set(period.person, i);
  });
  const episodes = index.extract.care.missing.filter(
    (episode) => !episode.away && inCareOn(periods, firstOfPerson, episode.person, episode.start),
  );
  return distinctPeopleByWindow(episodes, windows);
}
