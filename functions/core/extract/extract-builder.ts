/**
 * Accumulates the typed records of one extract as its tables are read. Person
 * identifiers are interned here, once for the whole extract, so the same child gets
 * the same PersonKey in every table and no child id travels past the reader.
 */
import type { CpPlan, CpReview, Extract, InitialConference, PersonKey, SpanRecord, TableName } from '../types';
import { VisitTableBuilder } from './visit-table';

export class ExtractBuilder {
  private readonly personKeys = new Map<string, PersonKey>();
  readonly present = new Set<TableName>();
  readonly cpPlans: CpPlan[] = [];
  readonly initialConferences: InitialConference[] = [];
  readonly cpReviews: CpReview[] = [];
  readonly cpVisits = new VisitTableBuilder();
  readonly cinPlans: SpanRecord[] = [];
  readonly cinVisits = new VisitTableBuilder();
  readonly claEpisodes: SpanRecord[] = [];

  person(id: string): PersonKey {
    let key = this.personKeys.get(id);
    if (key === undefined) {
      key = this.personKeys.size;
      this.personKeys.set(id, key);
    }
    return key;
  }

  build(): Extract {
    return {
      present: [...this.present],
      persons: this.personKeys.size,
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
