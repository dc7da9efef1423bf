/**
 * The children-in-care records beyond the episodes (docs/EXTRACT.md, "Children in care"):
 * placements, care reviews, statutory visits and missing episodes, as read (raw: placements may
 * name their child only through the period of care, `clap_cla_id` = `clae_cla_id`, as Mosaic's
 * do) and as the measures read them (linked to a child). Held under one field of the extract so
 * that the shared reader lists gain one line, not four.
 */
import type { Day, PersonDays, PersonKey, VisitTable } from '../types';
import { IdStrings } from './id-strings';
import { IdTable } from './id-table';
import { int32Column } from './growable-column';
import type { ProblemCollector } from './problems';
import type { RowPruner } from './pruning';
import { inRowOrder } from './row-order';
import { NONE, resolveVisits, type RawVisits, VisitTableBuilder } from './visit-table';

/**
 * Placements and missing episodes are objects of one shape each, built by object literals with their
 * properties in one order (never by spread or rest, which can give each object a hidden class of its own:
 * nationally, ~100 MB of maps for the placements alone).
 */
export interface Placement {
  person: PersonKey;
  start: Day;
  end: Day | null;
  /** SSDA903 placement type code (clap_cla_placement_type), e.g. U1, A5; null when missing. Stored once per code. */
  type: string | null;
  row: number;
}

export interface MissingEpisode {
  person: PersonKey;
  start: Day;
  end: Day | null;
  /** Away from placement without authorisation (type Absent/Away), which DfE counts apart from missing. */
  away: boolean;
  row: number;
}

export interface CareRecords {
  placements: Placement[];
  /** Held reviews, by child and day (a review with no date, or cancelled, was not held and is not kept). */
  reviews: PersonDays;
  /** Statutory visits that count (seen, or no seen flag). */
  visits: VisitTable;
  missing: MissingEpisode[];
}

/** A placement that names no child, as read: its period of care (clap_cla_id) finds the child when linked. */
interface UnplacedPlacement {
  claId: string | null;
  start: Day;
  end: Day | null;
  type: string | null;
  row: number;
}

export interface RawCareRecords {
  /** The placements that name their child, kept as the measures read them from the start (no second copy). */
  placements: Placement[];
  /** The placements that name none (Mosaic's). */
  unplaced: UnplacedPlacement[];
  reviews: PersonDays;
  visits: RawVisits;
  missing: MissingEpisode[];
  /** clae_cla_id → the child, from the episodes (undefined for a period of care no episode names). */
  personOfCla: (claId: string) => PersonKey | undefined;
}

export class CareRecordsBuilder {
  readonly visits: VisitTableBuilder;
  readonly missing: MissingEpisode[] = [];
  private readonly placements: Placement[] = [];
  private readonly unplaced: UnplacedPlacement[] = [];
  private readonly reviewPerson = int32Column();
  private readonly reviewDay = int32Column();
  /**
   * The periods of care the episodes name (clae_cla_id), and the child of each (the first episode's): nationally
   * 200,000 ids, held in an id table rather than as a Map of strings (≈15 MB less).
   */
  private claTable = new IdTable();
  private claPersons = int32Column();
  /** A period of care's id repeats on each of its placements, and the type codes are few: one stored string each. */
  private readonly claIds = new IdStrings();
  private readonly placementTypes = new IdStrings();

  /** @param visitPruner ssd_cla_visits' reach (pruning.ts); by default every visit is kept. */
  constructor(visitPruner?: RowPruner) {
    this.visits = new VisitTableBuilder(visitPruner);
  }

  /** An episode's period of care id (clae_cla_id), for rows that name the period rather than the child. */
  episodeOfCla(claId: string | null, person: PersonKey): void {
    if (claId === null) return;
    const known = this.claTable.size;
    if (this.claTable.ordinal(claId) === known) this.claPersons.push(person);
  }

  /** A placement of `person`, or when it names no child (null) of the child of its period of care `claId`. */
  addPlacement(person: PersonKey | null, claId: string | null, placement: Omit<Placement, 'person'>): void {
    const type = placement.type === null ? null : this.placementTypes.own(placement.type);
    const { start, end, row } = placement;
    if (person !== null) this.placements.push({ person, start, end, type, row });
    else this.unplaced.push({ claId: claId === null ? null : this.claIds.own(claId), start, end, type, row });
  }

  /** A held care review. */
  addReview(person: PersonKey, day: Day): void {
    this.reviewPerson.push(person);
    this.reviewDay.push(day);
  }

  /** One of its tables has been read: its columns are copied to their exact length now (growable-column.ts, seal). */
  seal(table: 'ssd_cla_reviews' | 'ssd_cla_visits'): void {
    if (table === 'ssd_cla_visits') this.visits.seal();
    else for (const column of [this.reviewPerson, this.reviewDay]) column.seal();
  }

  /** The records as read; this ends the builder. */
  build(): RawCareRecords {
    this.claIds.clear();
    this.placementTypes.clear();
    const reviews = {
      length: this.reviewPerson.length,
      person: this.reviewPerson.build(),
      day: this.reviewDay.build(),
    };
    const claTable = this.claTable;
    const claPersons = this.claPersons.build();
    this.claTable = new IdTable();
    return {
      placements: this.placements,
      unplaced: this.unplaced,
      reviews,
      visits: this.visits.build(),
      missing: this.missing,
      personOfCla: (claId) => {
        const ordinal = claTable.find(claId);
        return ordinal < 0 ? undefined : claPersons[ordinal];
      },
    };
  }
}

/**
 * The records linked to children; rows that name no child, directly or through their period of care, are dropped
 * (placements with a warning here; visits counted for the caller's visit warnings).
 */
export function linkCareRecords(
  raw: RawCareRecords,
  problems: ProblemCollector,
): { care: CareRecords; unlinkedVisits: number } {
  const linked: Placement[] = [];
  let unlinkedPlacements = 0;
  for (const { claId, start, end, type, row } of raw.unplaced) {
    const person = claId === null ? undefined : raw.personOfCla(claId);
    if (person === undefined) unlinkedPlacements += 1;
    else linked.push({ person, start, end, type, row });
  }
  const placements = inRowOrder(raw.placements, linked);
  if (unlinkedPlacements > 0)
    problems.warning({
      kind: 'unlinked-placement',
      table: 'ssd_cla_placement',
      row: null,
      column: 'clap_cla_id',
      value: null,
      message:
        `${unlinkedPlacements} ${unlinkedPlacements === 1 ? 'placement names' : 'placements name'} no child, ` +
        'directly or through a care episode with that clae_cla_id, and not counted',
    });
  const visits = resolveVisits(raw.visits, (claId) => raw.personOfCla(claId) ?? NONE);
  return {
    care: { placements, reviews: raw.reviews, visits: visits.table, missing: raw.missing },
    unlinkedVisits: visits.unlinked,
  };
}

export function emptyCareRecords(): CareRecords {
  return {
    placements: [],
    reviews: { length: 0, person: new Int32Array(0), day: new Int32Array(0) },
    visits: { length: 0, person: new Int32Array(0), day: new Int32Array(0), unseenRows: 0 },
    missing: [],
  };
}
