/**
 * What pack.json says about an indicator's published comparators (issue 16, deliver 3): DfE's figure
 * for the same measure and year, for the authority itself, England, its region and its statistical
 * neighbours, with its rank and quartile among all local authorities. A suppressed published value
 * (DfE's `c`, `x`, `u`, `z`, `low`) stays suppressed: `value` is null and `suppressed` names the code,
 * never 0.
 */

/** One published figure: a number, or null with the suppression code DfE printed instead. */
export interface PublishedValue {
  value: number | null;
  /** DfE's code for a value not published (e.g. "c" confidential, "x" not available), or null. */
  suppressed: string | null;
}

export interface NeighbourValue extends PublishedValue {
  /** The neighbour's name as DfE writes it, e.g. "Hackney". */
  la: string;
  /** The neighbour's new (9-character) LA code, e.g. "E09000012". */
  code: string;
}

export interface PackBenchmark {
  /** The financial year the published figure is for, e.g. "2012/13" (DfE's reporting year 2013). */
  year: string;
  /** The published file and measure the figures come from, e.g. "d5_cpps_at31march_by_duration_2013_to_2025.csv". */
  source: string;
  la: PublishedValue;
  england: PublishedValue;
  region: PublishedValue & { name: string };
  neighbours: {
    /** The statistical-neighbour model used, e.g. "DfE statistical neighbours (May 2025)". */
    model: string;
    mean: number | null;
    median: number | null;
    min: number | null;
    max: number | null;
    values: NeighbourValue[];
  };
  /** Position among local authorities with a published value, 1 = best by the measure's polarity; null without one. */
  rank: { position: number; of: number } | null;
  /** 1 = best quarter … 4 = worst, by polarity; null when the measure has no polarity or the LA no value. */
  quartile: 1 | 2 | 3 | 4 | null;
}
