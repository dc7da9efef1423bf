/**
 * Periods of care from care episodes (docs/MEASURES.md, "Children in care"). In the SSD, as in
 * DfE's SSDA903 return, an episode is a stretch of care under one placement and legal status:
 * a new episode starts the day the previous one ceased when the placement or legal status
 * changes, and the child is in care throughout. A period of care is a run of a child's episodes
 * each starting on or before the day the one before it ceased (overlaps too); it starts with
 * the first episode and ends when the last ceases (open when any is open). An extract whose
 * episodes are whole periods (the generator's) gives the same periods.
 */
import type { Day, PersonKey, SpanRecord } from '../../types';

export interface CarePeriod {
  person: PersonKey;
  start: Day;
  /** null: still in care. */
  end: Day | null;
}

const cache = new WeakMap<readonly SpanRecord[], readonly CarePeriod[]>();

/** The periods of care of every child, by child then start (computed once per extract). */
export function carePeriods(episodes: readonly SpanRecord[]): readonly CarePeriod[] {
  const cached = cache.get(episodes);
  if (cached) return cached;
  const sorted = [...episodes].sort((a, b) => a.person - b.person || a.start - b.start);
  const periods: CarePeriod[] = [];
  let current: CarePeriod | null = null;
  for (const episode of sorted) {
    const joins =
      current !== null && current.person === episode.person && (current.end === null || episode.start <= current.end);
    if (current !== null && joins) {
      if (current.end !== null) current.end = episode.end === null ? null : Math.max(current.end, episode.end);
    } else {
      current = { person: episode.person, start: episode.start, end: episode.end };
      periods.push(current);
    }
  }
  cache.set(episodes, periods);
  return periods;
}
