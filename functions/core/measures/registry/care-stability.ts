/**
 * Children in care: placement stability (docs/MEASURES.md, "Children in care"). Definitions
 * from LAIT's data dictionary (dfe-analytical-services/local-authority-interactive-tool,
 * 01_data/02_prod/lait_data_dictionary.csv at 2e30e39): LACStable_2016on "Children looked after
 * at 31 March with three or more placements during the year (%)", polarity Low; "All
 * placements of 24 hours or more … are counted. Figures exclude children looked after under a
 * series of short-term placements"; "Any placements that were already open on 1 April … and any
 * which were open on 31 March … are included. Where a child is subsequently placed for adoption
 * with their existing foster carers, then this is not counted as a placement change".
 * LAC_LongStable% (same file), polarity High: "Children looked after at 31 March aged under 16 who
 * had been looked after continuously for at least 2.5 years who were living in the same placement
 * for at least 2 years, or were placed for adoption and their adoptive placement together with
 * their previous placement, last for at least 2 years". England: 69% at 31 March 2018, 68–71% since
 * (LAIT 01_data/02_prod/bds_long_0.parquet at 2e30e39).
 */
import { claLongTermStability } from '../care/care-long-stability';
import { claThreePlacements } from '../care/care-placements';
import { atEnd, outOf, percentOf } from './draft-words';
import { NO_PARAMS, snapshotMeasure, type ColumnsRead } from './measure';

const EPISODES: ColumnsRead = {
  table: 'ssd_cla_episodes',
  columns: ['clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_ceased_date'],
  // Mosaic's placements name the period of care, not the child.
  optional: ['clae_cla_id'],
};

export const claThreePlacementsMeasure = snapshotMeasure({
  name: 'cla_placements_3plus_pct',
  unit: 'percent',
  reads: [
    EPISODES,
    {
      table: 'ssd_cla_placement',
      columns: ['clap_cla_placement_start_date', 'clap_cla_placement_end_date'],
      optional: ['clap_person_id', 'clap_cla_id'],
    },
  ],
  params: NO_PARAMS,
  definition:
    'Of the children in care on the last day of the month, the percentage with three or more placements (of 24 ' +
    'hours or more) in the twelve months to that day; at 31 March, the financial year.',
  counted:
    'Denominator: distinct children with a period of care (contiguous `ssd_cla_episodes`) open at d. Numerator: ' +
    'those with at least 3 rows of `ssd_cla_placement` (the child by `clap_person_id`, else through `clap_cla_id` = ' +
    '`clae_cla_id`) that last a day or more (end missing or after the start) and overlap the year to d: start ≤ d ' +
    'and (end missing or end ≥ addYears(d, −1) + 1). Not applied, for want of the columns in the SSD: the ' +
    "exclusion of short-break care, and DfE's rule that a foster placement becoming an adoptive one with the same " +
    'carers is not a move.',
  prepare: claThreePlacements,
  draft: (figures, _params, context) =>
    `${atEnd(context)} ${outOf(figures.month)} children in care (${percentOf(figures, figures.month)}) had had ` +
    'three or more placements in the last twelve months.',
});

export const claLongTermStabilityMeasure = snapshotMeasure({
  name: 'cla_long_term_stability_pct',
  unit: 'percent',
  reads: [
    EPISODES,
    {
      table: 'ssd_cla_placement',
      columns: ['clap_cla_placement_start_date', 'clap_cla_placement_end_date'],
      optional: ['clap_person_id', 'clap_cla_id', 'clap_cla_placement_type'],
    },
    { table: 'ssd_person', columns: ['pers_person_id', 'pers_dob'] },
  ],
  params: NO_PARAMS,
  definition:
    'Of the children in care on the last day of the month who were under 16 and had been looked after ' +
    'continuously for at least two and a half years, the percentage living in the same placement for at least ' +
    'two years, or placed for adoption with the adoptive and the previous placement together lasting two years.',
  counted:
    'Denominator: distinct children with a period of care (contiguous `ssd_cla_episodes`) open at d that started ' +
    'on or before addMonths(d, −30), whose `pers_dob` (ssd_person) makes them under 16 at d (d < addYears(dob, ' +
    '16)); a child with no date of birth is not counted. Numerator: those with a row of `ssd_cla_placement` (the ' +
    'child as for `cla_placements_3plus_pct`) open at d (start ≤ d, end missing or after d) that started on or ' +
    'before addYears(d, −2); for a placement for adoption (`clap_cla_placement_type` A3–A6) the start of the ' +
    "child's placement just before it counts instead, when that one ran up to it (ended on or after its start). " +
    'Not applied, for want of the columns in the SSD: the exclusion of short-break care.',
  prepare: claLongTermStability,
  draft: (figures, _params, context) =>
    `${atEnd(context)} ${outOf(figures.month)} children under 16 in care for two and a half years or more ` +
    `(${percentOf(figures, figures.month)}) had been in the same placement for two years or more.`,
});
