/**
 * A deterministic sample extract: a synthetic authority's child-protection, child-in-need
 * and care histories, in the SSD tables of docs/EXTRACT.md. Scale 1 is an authority the size of
 * the seed report's (about 57,600 children aged 0–17): around 180 children on a CP plan at
 * a month end (about 350 starts a year), about 500 in care and 250 on CIN plans, with
 * seven years of history up to the reporting month. Scale N is N such authorities side by
 * side ("blocks"), each with its own ids and its own seeded random stream, so the output
 * is generated one block at a time — never all in memory — and is byte-identical for the
 * same arguments.
 *
 * The output is clean by design (validation finds no errors and no warnings): it is the
 * demo's and the benchmarks' input. Realism lives in the timing: late and missing reviews,
 * missed and unseen visits, repeat plans, transfers in and out.
 */
import { TABLE_SCHEMAS } from '../core/extract/schemas';
import { addMonths, isoFromDay } from '../core/calendar';
import { periodEnd } from '../core/extract/period';
import { type Day, type Period, type TableName } from '../core/types';
import { mixSeed, Random } from './random';

export interface GenerateOptions {
  period: Period;
  /** How many authority-sized blocks (a positive whole number). */
  scale: number;
  seed?: number;
}

/** One block's rows per table; each row's values in the table's column order ('' = missing). */
export type BlockRows = Record<TableName, string[][]>;

const HISTORY_YEARS = 7;
const CP_STARTS_PER_YEAR = 350;
const CIN_STARTS_PER_YEAR = 290;
// Care episodes last years, so their history reaches further back to fill the ~500 in care.
const CLA_HISTORY_YEARS = 15;
const CLA_STARTS_PER_YEAR = 130;

export function columnNames(table: TableName): string[] {
  return TABLE_SCHEMAS[table].columns.map((column) => column.name);
}

const DAYS_PER_MONTH = 30.44;

/** Collects one block's rows, each given by column name. */
class BlockWriter {
  readonly rows: BlockRows = {
    ssd_cp_plans: [],
    ssd_initial_cp_conference: [],
    ssd_cp_reviews: [],
    ssd_cp_visits: [],
    ssd_cin_plans: [],
    ssd_cin_visits: [],
    ssd_cla_episodes: [],
  };

  add(table: TableName, values: Record<string, string>): void {
    this.rows[table].push(columnNames(table).map((name) => values[name] ?? ''));
  }
}

interface ChildHistory {
  id: string;
  /** Day the child's last CP plan ended (null while one is open), for repeat plans. */
  lastCpEnd: Day | null;
  cpPlans: number;
}

class BlockGenerator {
  private readonly random: Random;
  private readonly out = new BlockWriter();
  private readonly prefix: string;
  private nextPerson = 0;
  private nextId = 0;
  /** Children whose CP plans have all ended: candidates for a repeat plan. */
  private readonly formerCp: ChildHistory[] = [];

  constructor(
    private readonly end: Day,
    block: number,
    seed: number,
  ) {
    this.random = new Random(mixSeed(seed, block));
    this.prefix = `A${String(block + 1).padStart(3, '0')}`;
  }

  generate(): BlockRows {
    this.cpPlans();
    this.cinPlans(this.startDays(CIN_STARTS_PER_YEAR, HISTORY_YEARS), null);
    this.claEpisodes();
    return this.out.rows;
  }

  private newPerson(): string {
    this.nextPerson += 1;
    return `${this.prefix}-${String(this.nextPerson).padStart(6, '0')}`;
  }

  private newId(kind: string): string {
    this.nextId += 1;
    return `${this.prefix}-${kind}${String(this.nextId).padStart(7, '0')}`;
  }

  /** Sorted start days, about `perYear` a year over the last `years` years. */
  private startDays(perYear: number, years: number): Day[] {
    const first = addMonths(this.end, -12 * years) + 1;
    const count = Math.round(perYear * years);
    const days: Day[] = [];
    for (let i = 0; i < count; i++) days.push(this.random.int(first, this.end));
    return days.sort((a, b) => a - b);
  }

  /** An end day `months` after start, or null when that is after the reporting month. */
  private endAfter(start: Day, months: number): Day | null {
    const end = start + Math.max(1, Math.round(months * DAYS_PER_MONTH));
    return end > this.end ? null : end;
  }

  private cpPlans(): void {
    for (const start of this.startDays(CP_STARTS_PER_YEAR, HISTORY_YEARS)) {
      const child = this.childForCpPlan(start);
      // Mean ≈ 6.2 months: with 350 starts a year, about 180 plans open at a month end.
      const months = this.random.weighted<[number, number]>([
        [80, [2, 7]],
        [15, [7, 14]],
        [3.8, [14, 24]],
        [1.2, [24, 34]],
      ]);
      const end = this.endAfter(start, months[0] + this.random.next() * (months[1] - months[0]));
      const planId = this.newId('CP');
      const transferIn = this.random.chance(0.04);
      const transferOut = end !== null && this.random.chance(0.04);
      // NumberOfPreviousCPP counts plans anywhere: a child moving in may have had some.
      const elsewhere = transferIn && this.random.chance(0.3) ? 1 : 0;
      const previous = this.random.chance(0.1) ? 'NULL' : String(child.cpPlans + elsewhere);
      this.out.add('ssd_cp_plans', {
        cppl_cp_plan_id: planId,
        cppl_person_id: child.id,
        cppl_cp_plan_start_date: isoFromDay(start),
        cppl_cp_plan_end_date: end === null ? '' : isoFromDay(end),
        cppl_cp_plan_initial_category: this.random.weighted([
          [45, 'Neglect'],
          [35, 'Emotional abuse'],
          [12, 'Physical abuse'],
          [5, 'Sexual abuse'],
          [3, 'Multiple'],
        ]),
        cppl_number_of_previous_cp_plans: previous,
        cppl_cp_plan_transfer_out: transferOut ? 'Y' : 'N',
      });
      this.out.add('ssd_initial_cp_conference', {
        icpc_cp_plan_id: planId,
        icpc_icpc_transfer_in: transferIn ? 'Y' : 'N',
        icpc_icpc_date: isoFromDay(start),
      });
      // Some conferences decide no plan is needed: they have no plan id (and are ignored).
      if (this.random.chance(0.3)) {
        this.out.add('ssd_initial_cp_conference', {
          icpc_icpc_transfer_in: 'N',
          icpc_icpc_date: isoFromDay(this.random.int(start - 30, start)),
        });
      }
      this.reviews(planId, start, end);
      this.cpVisits(child.id, planId, start, end);
      child.cpPlans += 1;
      child.lastCpEnd = end;
      if (end !== null) this.afterCpPlan(child, end, transferOut);
    }
  }

  /** About one plan in eight is a repeat: a child whose earlier plan has ended. */
  private childForCpPlan(start: Day): ChildHistory {
    if (this.random.chance(0.125) && this.formerCp.length > 0) {
      const index = this.random.int(0, this.formerCp.length - 1);
      const child = this.formerCp[index];
      if (child.lastCpEnd !== null && child.lastCpEnd < start) {
        this.formerCp.splice(index, 1);
        return child;
      }
    }
    return { id: this.newPerson(), lastCpEnd: null, cpPlans: 0 };
  }

  /** After a plan: some children step down to a CIN plan, some come into care. */
  private afterCpPlan(child: ChildHistory, end: Day, transferOut: boolean): void {
    if (transferOut) return; // moved away: no more history here
    this.formerCp.push(child);
    if (this.random.chance(0.25)) this.cinPlans([end], child.id);
    else if (this.random.chance(0.08)) this.claEpisode(child.id, end);
  }

  /** Reviews: first due 3 months after the start, then 6 months after each review. */
  private reviews(planId: string, start: Day, end: Day | null): void {
    const last = end === null ? this.end : end - 1;
    let due = addMonths(start, 3);
    while (due <= last) {
      let held: Day | null = this.random.weighted<Day | null>([
        [90, due - this.random.int(0, 14)],
        [7, due + this.random.int(1, 30)], // late
        [3, null], // not held
      ]);
      if (held !== null && held > last) held = null;
      this.out.add('ssd_cp_reviews', {
        cppr_cp_plan_id: planId,
        cppr_cp_review_date: held === null ? '' : isoFromDay(held),
        cppr_cp_review_due: isoFromDay(due),
      });
      due = addMonths(held ?? due, held === null ? 1 : 6);
    }
    // The next review, not yet held: due in the future, which is expected.
    if (end === null) this.out.add('ssd_cp_reviews', { cppr_cp_plan_id: planId, cppr_cp_review_due: isoFromDay(due) });
  }

  /** CP visits every 1–4 weeks, a few gaps over 4 weeks, a few where the child was not seen. */
  private cpVisits(person: string, planId: string, start: Day, end: Day | null): void {
    this.visits(
      start,
      end,
      [
        [80, [5, 21]],
        [17, [22, 28]],
        [3, [29, 45]],
      ],
      (day, seen) =>
        this.out.add('ssd_cp_visits', {
          cppv_person_id: person,
          cppv_cp_visit_date: isoFromDay(day),
          cppv_cp_visit_seen: seen ? 'Y' : 'N',
          cppv_cp_plan_id: planId,
        }),
    );
  }

  private visits(
    start: Day,
    end: Day | null,
    gaps: ReadonlyArray<readonly [number, [number, number]]>,
    add: (day: Day, seen: boolean) => void,
  ): void {
    const last = end === null ? this.end : end - 1;
    let day = start + this.random.int(1, 10);
    while (day <= last) {
      if (this.random.chance(0.03)) {
        add(day, false); // not seen: another visit follows within days
        day += this.random.int(1, 5);
        if (day > last) break;
      }
      add(day, true);
      const [min, max] = this.random.weighted(gaps);
      day += this.random.int(min, max);
    }
  }

  /** CIN plans lasting 2–14 months, visited every 3–6 weeks (a few gaps over 6 weeks). */
  private cinPlans(starts: readonly Day[], person: string | null): void {
    for (const start of starts) {
      const child = person ?? this.newPerson();
      const end = this.endAfter(start, 2 + this.random.next() * 12);
      this.out.add('ssd_cin_plans', {
        cinp_cin_plan_id: this.newId('CIN'),
        cinp_person_id: child,
        cinp_cin_plan_start_date: isoFromDay(start),
        cinp_cin_plan_end_date: end === null ? '' : isoFromDay(end),
      });
      this.visits(
        start,
        end,
        [
          [70, [20, 35]],
          [26, [36, 42]],
          [4, [43, 60]],
        ],
        (day, seen) =>
          this.out.add('ssd_cin_visits', {
            cinv_person_id: child,
            cinv_cin_visit_date: isoFromDay(day),
            cinv_cin_visit_seen: seen ? 'Y' : 'N',
          }),
      );
    }
  }

  private claEpisodes(): void {
    for (const start of this.startDays(CLA_STARTS_PER_YEAR, CLA_HISTORY_YEARS))
      this.claEpisode(this.newPerson(), start);
  }

  /** A care episode; about one child in ten comes back into care later. */
  private claEpisode(person: string, start: Day): void {
    const months = this.random.weighted<[number, number]>([
      [40, [1, 12]],
      [45, [12, 60]],
      [15, [60, 180]],
    ]);
    const end = this.endAfter(start, months[0] + this.random.next() * (months[1] - months[0]));
    this.out.add('ssd_cla_episodes', {
      clae_cla_episode_id: this.newId('CLA'),
      clae_person_id: person,
      clae_cla_episode_start_date: isoFromDay(start),
      clae_cla_episode_ceased_date: end === null ? '' : isoFromDay(end),
    });
    if (end !== null && end + 60 < this.end && this.random.chance(0.1))
      this.claEpisode(person, this.random.int(end + 30, Math.min(end + 720, this.end)));
  }
}

/** The blocks of the extract, generated one at a time. */
export function* generateBlocks(options: GenerateOptions): Generator<BlockRows> {
  const end = periodEnd(options.period);
  for (let block = 0; block < options.scale; block++)
    yield new BlockGenerator(end, block, options.seed ?? 1).generate();
}

/** One table's rows across all blocks (for writers that write a table at a time). */
export function* generateTableRows(options: GenerateOptions, table: TableName): Generator<string[]> {
  for (const block of generateBlocks(options)) yield* block[table];
}
