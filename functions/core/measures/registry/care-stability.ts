/**
 * Children in care: placement stability (docs/MEASURES.md, "Children in care"). Definitions
 * from LAIT's data dictionary (dfe-analytical-services/local-authority-interactive-tool,
 * 01_data/02_prod/lait_data_dictionary.csv at 2e30e39): LACStable_2016on "Children looked after
 * at 31 March with three or more placements during the year (%)", polarity Low; "All
 * placements of 24 hours or more … are counted. Figures exclude children looked after under a
 * series of short-term placements"; "Any placements that were already open on 1 April … and any
 * which were open on 31 March … are included. Where a child is subsequently placed for adoption
 * with their existing foster carers, then this is not counted as a placement change".
 */
import * as z from 'zod';
import { claThreePlacements } from '../care/care-placements';
import { atEnd, outOf, percentOf } from './draft-words';
import { snapshotMeasure, type ColumnsRead } from './measure';

const NO_PARAMS = z.strictObject({});
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
