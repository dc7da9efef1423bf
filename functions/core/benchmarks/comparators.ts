/**
 * The published measures the pack can be compared with (docs/BENCHMARKS-DATA.md, "Comparators"): one row per
 * comparator, naming the DfE Explore Education Statistics file it is read from (by the file name's pattern), the
 * column holding the figure and the rows it is read from (a filter on `category` or `population_type`), and the
 * polarity DfE's Local Authority Interactive Tool gives the same measure.
 *
 * Sources, read 2026-12-02:
 *   - file names and columns: dfe-analytical-services/CSC_outcomes_and_enablers, `data-raw/`, commit
 *     2f5d11a431050523dab58810083259d3313029ae;
 *   - polarity: dfe-analytical-services/local-authority-interactive-tool,
 *     `01_data/02_prod/lait_data_dictionary.csv` (column `Polarity`: `Low`, `High` or `-`), commit
 *     2e30e3959a6ab8b2d22941b84764da41a40ac91b. LAIT's `-` (no polarity) is null here: such a
 *     measure gets no rank and no quartile, as LAIT gives it none.
 *
 * Not here, because neither repository holds a tidy file for them: the child protection rate per 10,000 at
 * 31 March (LAIT `CPP_rate`), plans ending after two years or more (LAIT `CPPlans2yrs`, from DfE's
 * `d7_cpps_ending_by_duration_*.csv`) and reviews within timescale (LAIT `RevCP`, `d6_cpps_reviewed_within_
 * timescales_*.csv`). LAIT ships them only in its own long parquet. A row here adds one once its file's column
 * is known from the file itself.
 */

/** `low`: a lower figure is better; `high`: a higher one; null: LAIT gives the measure no polarity. */
export type ComparatorPolarity = 'low' | 'high' | null;

/** What the pack's configuration names (`comparator`): one per row of the table below. */
export const COMPARATOR_IDS = [
  'cp_repeat_pct',
  'cp_open_2y_pct',
  'cp_children_31march',
  'cp_starts',
  'cla_rate_31march',
  'referrals',
  'rereferrals_pct',
] as const;

export type ComparatorId = (typeof COMPARATOR_IDS)[number];

export interface Comparator {
  id: ComparatorId;
  /** The measure in words, for messages and docs. */
  label: string;
  /** Which published files hold it: DfE's name with its years, e.g. `d3_cpps_subsequent_plan_2013_to_2025.csv`. */
  file: RegExp;
  /** The column holding the figure. */
  column: string;
  /** The rows to read: those whose `column` holds `value` (DfE's files stack several measures in one). */
  filter: { column: string; value: string } | null;
  polarity: ComparatorPolarity;
  /** LAIT's short name for the same measure (the polarity's source). */
  lait: string;
}

const TABLE: Record<ComparatorId, Omit<Comparator, 'id'>> = {
  cp_repeat_pct: {
    label: 'child protection plans starting in the year that were a second or subsequent plan (%)',
    file: /^d3_cpps_subsequent_plan_\d{4}_to_\d{4}\.csv$/,
    column: 'CPP_subsequent_percent',
    filter: null,
    polarity: 'low', // LAIT PrevRegCPR: Low
    lait: 'PrevRegCPR',
  },
  cp_open_2y_pct: {
    label: 'children on a child protection plan at 31 March for two years or more (%)',
    file: /^d5_cpps_at31march_by_duration_\d{4}_to_\d{4}\.csv$/,
    column: '2_years_or_more_percent',
    filter: null,
    polarity: 'low', // LAIT CPPlans2yrsActive: Low
    lait: 'CPPlans2yrsActive',
  },
  cp_children_31march: {
    label: 'children on a child protection plan at 31 March (number)',
    file: /^d5_cpps_at31march_by_duration_\d{4}_to_\d{4}\.csv$/,
    column: 'CPP_At31',
    filter: null,
    polarity: null, // LAIT CPP_Num: -
    lait: 'CPP_Num',
  },
  cp_starts: {
    label: 'child protection plans starting in the year (number)',
    file: /^d3_cpps_subsequent_plan_\d{4}_to_\d{4}\.csv$/,
    column: 'CPP_start',
    filter: null,
    polarity: null, // LAIT CPP_Abuse: -
    lait: 'CPP_Abuse',
  },
  cla_rate_31march: {
    label: 'children looked after at 31 March per 10,000 children',
    file: /^cla_number_and_rate_per_10k_children\.csv$/,
    column: 'rate_per_10000',
    filter: { column: 'population_type', value: 'Children looked after on 31 March each year' },
    polarity: null, // LAIT LAC: -
    lait: 'LAC',
  },
  referrals: {
    label: 'referrals to children’s social care in the year (number)',
    file: /^c1_children_in_need_referrals_and_rereferrals_\d{4}_to_\d{4}\.csv$/,
    column: 'referral_count',
    filter: null,
    polarity: null, // LAIT CPP_Total_NumRef: -
    lait: 'CPP_Total_NumRef',
  },
  rereferrals_pct: {
    label: 'referrals within 12 months of a previous referral (%)',
    file: /^c1_children_in_need_referrals_and_rereferrals_\d{4}_to_\d{4}\.csv$/,
    column: 'rereferral_percent',
    filter: null,
    polarity: 'low', // LAIT ReReferral: Low
    lait: 'ReReferral',
  },
};

export const COMPARATORS: readonly Comparator[] = COMPARATOR_IDS.map((id) => ({ id, ...TABLE[id] }));

export function comparatorOf(id: string): Comparator | null {
  return COMPARATORS.find((c) => c.id === id) ?? null;
}

/** The comparators a published file feeds, by its name (none: the file is not one the table knows). */
export function comparatorsForFile(fileName: string): Comparator[] {
  return COMPARATORS.filter((c) => c.file.test(fileName));
}
