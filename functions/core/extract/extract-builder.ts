/**
 * Accumulates the typed records of one extract as its tables are read. Person
 * identifiers are interned here, once for the whole extract, so the same child gets
 * the same PersonKey in every table and no child id travels past the reader.
 */
import type { CpPlan, CpReview, Extract, InitialConference, PersonKey, SpanRecord, TableName } from '../types';
import { detached, IdStrings } from './id-strings';
import { VisitTableBuilder } from './visit-table';

export class ExtractBuilder {
  private readonly personKeys = new Map<string, PersonKey>();
  /** Plan ids as kept in plans, conferences and reviews: one string per plan, whichever table names it. */
  readonly planIds = new IdStrings();
  readonly present = new Set<TableName>();
  /** Per table, the known columns its header had. */
  readonly columnsPresent: Partial<Record<TableName, readonly string[]>> = {};
  readonly cpPlans: CpPlan[] = [];
  readonly initialConferences: InitialConference[] = [];
  readonly cpReviews: CpReview[] = [];
  readonly cpVisits = new VisitTableBuilder();
  readonly cinPlans: SpanRecord[] = [];
  readonly cinVisits = new VisitTableBuilder();
  readonly claEpisodes: SpanRecord[] = [];

  /** The last id looked up and its key: rows of one child often come together (visits). */
  private lastPerson: string | null = null;
  private lastPersonKey: PersonKey = -1;

  person(id: string): PersonKey {
    if (id === this.lastPerson) return this.lastPersonKey;
    let key = this.personKeys.get(id);
    if (key === undefined) {
      key = this.personKeys.size;
      this.personKeys.set(detached(id), key); // not a slice of the CSV text (id-strings.ts)
    }
    this.lastPerson = id;
    this.lastPersonKey = key;
    return key;
  }

  /** An id kept in a record (a CIN plan's, a care episode's): see id-strings.ts. */
  ownId(id: string): string {
    return detached(id);
  }

  /** The extract; this ends the builder (its lookups are let go, being large nationally). */
  build(): Extract {
    const persons = this.personKeys.size;
    this.personKeys.clear();
    this.planIds.clear();
    return {
      present: [...this.present],
      columnsPresent: this.columnsPresent,
      persons,
      cpPlans: this.cpPlans,
      initialConferences: this.initialConferences,
      cpReviews: this.cpReviews,
      cpVisits: this.cpVisits.build(),
      cinPlans: this.cinPlans,
      cinVisits: this.cinVisits.build(),
      claEpisodes: this.claEpisodes,
    };
  }
}
