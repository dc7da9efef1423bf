/**
 * Builds `Extract` objects for tests from readable literals: 'YYYY-MM-DD' dates and text
 * person ids (interned to PersonKeys as the reader does).
 */
import { dayFromIso } from '../../../functions/core/calendar';
import type {
  CpPlan,
  Extract,
  PersonDays,
  PersonKey,
  SpanRecord,
  TableName,
  VisitTable,
} from '../../../functions/core/types';
import { TABLE_NAMES } from '../../../functions/core/types';
import { emptyFrontDoor } from '../../../functions/core/front-door-types';
import { emptyCareRecords } from '../../../functions/core/extract/care-records';

export interface PlanInput {
  id: string;
  person: string;
  start: string;
  end?: string | null;
  previousPlans?: number | null;
  transferOut?: boolean;
}

export interface SpanInput {
  /** The row's id, naming it in the test (the extract keeps no CIN plan or care episode id). */
  id: string;
  person: string;
  start: string;
  end?: string | null;
}

/** A visit or care review: a child on a day. */
interface PersonDayInput {
  person: string;
  date: string;
}

export class ExtractBuilder {
  private readonly personKeys = new Map<string, PersonKey>();
  private readonly extract: Extract = {
    present: [...TABLE_NAMES],
    unknown: {},
    basis: {},
    persons: 0,
    cpPlans: [],
    initialConferences: [],
    cpReviews: [],
    cpVisits: emptyVisits(),
    cinPlans: [],
    cinVisits: emptyVisits(),
    claEpisodes: [],
    frontDoor: emptyFrontDoor(),
    care: emptyCareRecords(),
  };
  private readonly cpVisitList: PersonDayInput[] = [];
  private readonly cinVisitList: PersonDayInput[] = [];
  private readonly claVisitList: PersonDayInput[] = [];
  private readonly claReviewList: PersonDayInput[] = [];
  private readonly births = new Map<PersonKey, number>();
  private cpUnseen = 0;
  private cinUnseen = 0;

  person(id: string): PersonKey {
    let key = this.personKeys.get(id);
    if (key === undefined) {
      key = this.personKeys.size;
      this.personKeys.set(id, key);
    }
    return key;
  }

  cpPlan(input: PlanInput): this {
    const plan: CpPlan = {
      id: input.id,
      person: this.person(input.person),
      start: dayFromIso(input.start),
      end: input.end ? dayFromIso(input.end) : null,
      previousPlans: input.previousPlans ?? null,
      transferOut: input.transferOut ?? false,
      row: this.extract.cpPlans.length + 2,
    };
    this.extract.cpPlans.push(plan);
    return this;
  }

  conference(planId: string, transferIn: boolean): this {
    this.extract.initialConferences.push({ planId, transferIn, row: this.extract.initialConferences.length + 2 });
    return this;
  }

  review(planId: string, date: string): this {
    this.extract.cpReviews.push({ planId, date: dayFromIso(date), row: this.extract.cpReviews.length + 2 });
    return this;
  }

  cpVisit(person: string, date: string): this {
    this.person(person);
    this.cpVisitList.push({ person, date });
    return this;
  }

  /** A visit marked unseen: the reader counts it but does not keep it. */
  cpUnseenVisit(person: string): this {
    this.person(person);
    this.cpUnseen += 1;
    return this;
  }

  cinPlan(input: SpanInput): this {
    this.extract.cinPlans.push(this.span(input, this.extract.cinPlans.length));
    return this;
  }

  cinVisit(person: string, date: string): this {
    this.person(person);
    this.cinVisitList.push({ person, date });
    return this;
  }

  claEpisode(input: SpanInput): this {
    this.extract.claEpisodes.push(this.span(input, this.extract.claEpisodes.length));
    return this;
  }

  /** A placement of a child in care (placement type null unless given). */
  claPlacement(person: string, start: string, end: string | null = null, type: string | null = null): this {
    this.extract.care.placements.push({
      person: this.person(person),
      start: dayFromIso(start),
      end: end === null ? null : dayFromIso(end),
      type,
      row: this.extract.care.placements.length + 2,
    });
    return this;
  }

  /** A held care review of a child in care. */
  claReview(person: string, date: string): this {
    this.person(person);
    this.claReviewList.push({ person, date });
    return this;
  }

  /** A date of birth (ssd_person). */
  birth(person: string, date: string): this {
    this.births.set(this.person(person), dayFromIso(date));
    return this;
  }

  /** A statutory visit to a child in care (seen). */
  claVisit(person: string, date: string): this {
    this.person(person);
    this.claVisitList.push({ person, date });
    return this;
  }

  present(tables: TableName[]): this {
    this.extract.present = tables;
    return this;
  }

  build(): Extract {
    return {
      ...this.extract,
      persons: this.personKeys.size,
      cpVisits: this.visits(this.cpVisitList, this.cpUnseen),
      cinVisits: this.visits(this.cinVisitList, this.cinUnseen),
      care: {
        ...this.extract.care,
        reviews: this.personDays(this.claReviewList),
        visits: this.visits(this.claVisitList, 0),
      },
      ...(this.births.size > 0 ? { births: this.births } : {}),
    };
  }

  private span(input: SpanInput, index: number): SpanRecord {
    return {
      person: this.person(input.person),
      start: dayFromIso(input.start),
      end: input.end ? dayFromIso(input.end) : null,
      row: index + 2,
    };
  }

  private visits(list: PersonDayInput[], unseenRows: number): VisitTable {
    return { ...this.personDays(list), unseenRows };
  }

  private personDays(list: PersonDayInput[]): PersonDays {
    return {
      length: list.length,
      person: Int32Array.from(list, (v) => this.person(v.person)),
      day: Int32Array.from(list, (v) => dayFromIso(v.date)),
    };
  }
}

function emptyVisits(): VisitTable {
  return { length: 0, person: new Int32Array(0), day: new Int32Array(0), unseenRows: 0 };
}
