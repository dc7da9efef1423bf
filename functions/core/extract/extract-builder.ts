/**
 * Accumulates the records of one extract as its tables are read. Person identifiers are
 * interned here, once for the whole extract, so the same child gets the same PersonKey in
 * every table and no child id travels past the reader. The records are as read: linking
 * them across tables (links.ts) makes the Extract.
 */
import type {
  CareLeaver,
  CpPlan,
  CpReview,
  Day,
  InitialConference,
  PersonKey,
  SpanRecord,
  TableName,
  TableReach,
} from '../types';
import { CinEpisodesBuilder, NO_EPISODE, type CinEpisodes } from './cin-episodes';
import { FrontDoorBuilder, type RawFrontDoor } from './front-door-links';
import { CareRecordsBuilder, type RawCareRecords } from './care-records';
import { detached, IdStrings } from './id-strings';
import { IdTable } from './id-table';
import { pruners, type PrunableTable, type RowPruner } from './pruning';
import { type RawVisits, VisitTableBuilder } from './visit-table';

/** A CP plan as read, with what linking needs and the core does not. */
export interface RawCpPlan {
  plan: CpPlan;
  /** cppl_referral_id: the CIN episode the plan belongs to. */
  referral: string | null;
  /** The row of the CIN episode whose cine_referral_id that is (found when the read ends), or NO_EPISODE. */
  episode: number;
  /** cppl_cp_plan_ola = Y: another authority's child, excluded from every CP measure. */
  ola: boolean;
}

/**
 * A held review with no plan id (pre-LCS reviews have none), as read: only the child, by whose plans it is linked.
 * A review naming its plan is kept as the CpReview the measures read from the start: linking makes no second copy.
 */
export interface PlanlessReview {
  person: PersonKey | null;
  date: Day;
  row: number;
}

/** A header name read under another layout's name. */
export interface AliasRead {
  table: TableName;
  column: string;
  header: string;
  layout: string;
}

export interface RawExtract {
  present: TableName[];
  /** Per table read: the canonical names of the columns its header had. */
  columnsPresent: Partial<Record<TableName, readonly string[]>>;
  aliases: AliasRead[];
  persons: number;
  cpPlans: RawCpPlan[];
  initialConferences: InitialConference[];
  /** The held reviews that name their plan, in file order. */
  cpReviews: CpReview[];
  /** The held reviews that name none, in file order. */
  planlessReviews: PlanlessReview[];
  cpVisits: RawVisits;
  cinPlans: SpanRecord[];
  /** Per CIN plan (same order): cinp_referral_id. */
  cinPlanReferrals: (string | null)[];
  cinVisits: RawVisits;
  claEpisodes: SpanRecord[];
  cinEpisodes: CinEpisodes;
  frontDoor: RawFrontDoor;
  care: RawCareRecords;
  careLeavers: CareLeaver[];
  /** pers_dob per person (ssd_person). */
  births: Map<PersonKey, Day>;
}

export class ExtractBuilder {
  /** Person id → PersonKey (its ordinal): millions nationally, so held in typed arrays (id-table.ts). */
  private personKeys = new IdTable();
  /** Plan ids as kept in plans, conferences and reviews: one string per plan, whichever table names it. */
  readonly planIds = new IdStrings();
  /** Section 47 enquiry ids as ordinals, the same in enquiries and the conferences that followed them. */
  enquiryIds = new IdTable();
  readonly present = new Set<TableName>();
  /** Per table, the known columns its header had. */
  readonly columnsPresent: Partial<Record<TableName, readonly string[]>> = {};
  readonly aliases: AliasRead[] = [];
  readonly cpPlans: RawCpPlan[] = [];
  readonly initialConferences: InitialConference[] = [];
  readonly cpReviews: CpReview[] = [];
  readonly planlessReviews: PlanlessReview[] = [];
  readonly cpVisits: VisitTableBuilder;
  readonly cinPlans: SpanRecord[] = [];
  readonly cinPlanReferrals: (string | null)[] = [];
  readonly cinVisits: VisitTableBuilder;
  readonly claEpisodes: SpanRecord[] = [];
  readonly cinEpisodes = new CinEpisodesBuilder();
  readonly frontDoor: FrontDoorBuilder;
  readonly care: CareRecordsBuilder;
  readonly careLeavers: CareLeaver[] = [];
  readonly births = new Map<PersonKey, Day>();
  /** The tables whose read has ended (tableRead). */
  private readonly tablesRead = new Set<TableName>();
  private episodesFound = false;
  /** The tables read with a reach: their rows before it are counted, not kept (pruning.ts). */
  readonly pruners: Record<PrunableTable, RowPruner>;

  /** @param reach per table, the first day of its rows to keep (pack/reach.ts); none: every row kept. */
  constructor(reach: TableReach = {}) {
    this.pruners = pruners(reach);
    this.cpVisits = new VisitTableBuilder(this.pruners.ssd_cp_visits, (planId) => this.planIds.own(planId));
    this.cinVisits = new VisitTableBuilder(this.pruners.ssd_cin_visits);
    this.frontDoor = new FrontDoorBuilder(this.pruners.ssd_contacts);
    this.care = new CareRecordsBuilder(this.pruners.ssd_cla_visits);
  }

  /** The same key for the same id in every table; the id table answers a run of one child's rows at once. */
  person(id: string): PersonKey {
    return this.personKeys.ordinal(id);
  }

  addCpPlan(plan: CpPlan, referral: string | null, ola: boolean): void {
    this.cpPlans.push({ plan, referral: referral === null ? null : detached(referral), episode: NO_EPISODE, ola });
  }

  addCinPlan(plan: SpanRecord, referral: string | null): void {
    this.cinPlans.push(plan);
    this.cinPlanReferrals.push(referral === null ? null : detached(referral));
  }

  addVisit(
    visits: VisitTableBuilder,
    person: string | null,
    link: string | null,
    day: Day | null,
    seen: boolean,
  ): void {
    if (visits.prunes(day, seen, person !== null || link !== null)) return;
    visits.add(person === null ? null : this.person(person), link, day, seen);
  }

  /**
   * A table has been read (whole, or as far as it could be): the columns it filled are sealed, each copied to its
   * exact length now, table by table, rather than all at once when the read ends (the other tables' records are
   * objects, complete as added); and a lookup no table still to be read needs is let go.
   */
  tableRead(table: TableName): void {
    this.tablesRead.add(table);
    switch (table) {
      case 'ssd_cp_plans':
        return this.findPlanEpisodes();
      case 'ssd_cp_visits':
        return this.cpVisits.seal();
      case 'ssd_cin_visits':
        return this.cinVisits.seal();
      case 'ssd_cin_episodes':
        this.cinEpisodes.seal();
        return this.findPlanEpisodes();
      case 'ssd_initial_cp_conference':
        return this.releaseEnquiryIds();
      case 'ssd_s47_enquiry':
        this.frontDoor.seal(table);
        return this.releaseEnquiryIds();
      case 'ssd_contacts':
      case 'ssd_cin_assessments':
        return this.frontDoor.seal(table);
      case 'ssd_cla_reviews':
      case 'ssd_cla_visits':
        return this.care.seal(table);
      default:
        return;
    }
  }

  /** The enquiry ids, once both tables that name them have been read (their ordinals are all that is kept). */
  private releaseEnquiryIds(): void {
    if (this.tablesRead.has('ssd_initial_cp_conference') && this.tablesRead.has('ssd_s47_enquiry'))
      this.enquiryIds = new IdTable();
  }

  /**
   * Each CP plan's CIN episode (by cppl_referral_id = cine_referral_id), once both tables have been read, or when
   * the read ends (`readEnded`: one of them is absent); then the episodes' referral ids are let go, as no other
   * table's are looked up: in the usual order (plans first) before the front door's large tables are read.
   */
  private findPlanEpisodes(readEnded = false): void {
    if (this.episodesFound) return;
    const bothRead = this.tablesRead.has('ssd_cp_plans') && this.tablesRead.has('ssd_cin_episodes');
    if (!bothRead && !readEnded) return;
    for (const plan of this.cpPlans)
      if (plan.referral !== null) plan.episode = this.cinEpisodes.episodeOf(plan.referral);
    this.cinEpisodes.releaseReferrals();
    this.episodesFound = true;
  }

  /** The records as read; this ends the builder (its lookups are let go, being large nationally). */
  build(): RawExtract {
    this.findPlanEpisodes(true);
    const persons = this.personKeys.size;
    this.personKeys = new IdTable();
    this.planIds.clear();
    this.enquiryIds = new IdTable();
    return {
      present: [...this.present],
      columnsPresent: this.columnsPresent,
      aliases: this.aliases,
      persons,
      cpPlans: this.cpPlans,
      initialConferences: this.initialConferences,
      cpReviews: this.cpReviews,
      planlessReviews: this.planlessReviews,
      cpVisits: this.cpVisits.build(),
      cinPlans: this.cinPlans,
      cinPlanReferrals: this.cinPlanReferrals,
      cinVisits: this.cinVisits.build(),
      claEpisodes: this.claEpisodes,
      cinEpisodes: this.cinEpisodes.build(),
      frontDoor: this.frontDoor.build(),
      care: this.care.build(),
      careLeavers: this.careLeavers,
      births: this.births,
    };
  }
}
