/**
 * The measure registry: every measure the pack can show, each declared once in its
 * family's file. The configuration's measure names, the parameter checks, the tables a
 * run reads, the definitions readers see, the drafted comment and docs/MEASURES.md are
 * all derived from this list. A new measure is a new entry here (and its SQL in
 * its family's file under bench/duckdb/, which the type-checker asks for).
 */
import { assessmentsTimelyMeasure, icpcTimelyMeasure, s47RateMeasure } from './assessment';
import { careLeaversEetMeasure, careLeaversInTouchMeasure, careLeaversSuitableMeasure } from './care-leavers';
import { claRateMeasure } from './cla';
import { claCeasedMeasure, claMissingMeasure, claStartsMeasure } from './care-counts';
import { claLongTermStabilityMeasure, claThreePlacementsMeasure } from './care-stability';
import { claReviewsTimelyMeasure, claVisitsTimelyMeasure } from './care-timeliness';
import { cpReviewsTimelyMeasure } from './cp-reviews';
import {
  cinRateMeasure,
  contactsMeasure,
  referralNfaMeasure,
  referralRateMeasure,
  referralsMeasure,
  reReferralMeasure,
} from './front-door';
import type { Measure } from './measure';
import { cpChildrenMeasure, cpOpenTwoYearsMeasure, cpRateMeasure } from './open-plans';
import { cpEndedTwoYearsMeasure, cpEndsMeasure, cpRepeatMeasure, cpStartsMeasure } from './plan-counts';
import { cpMovedInMeasure, cpMovedOutMeasure } from './transfers';
import { cinVisitsTimelyMeasure, cpVisitsTimelyMeasure } from './visits';

/** In the order the docs list them (the seed pack's order). */
const REGISTRY = [
  cpChildrenMeasure,
  cpRateMeasure,
  claRateMeasure,
  cpStartsMeasure,
  cpEndsMeasure,
  cpEndedTwoYearsMeasure,
  cpOpenTwoYearsMeasure,
  cpRepeatMeasure,
  cpMovedInMeasure,
  cpMovedOutMeasure,
  cpReviewsTimelyMeasure,
  cpVisitsTimelyMeasure,
  cinVisitsTimelyMeasure,
  // The front door and assessment (front-door.ts, assessment.ts).
  contactsMeasure,
  referralsMeasure,
  referralRateMeasure,
  reReferralMeasure,
  referralNfaMeasure,
  assessmentsTimelyMeasure,
  s47RateMeasure,
  icpcTimelyMeasure,
  cinRateMeasure,
  // Children in care (care-*.ts)
  claStartsMeasure,
  claCeasedMeasure,
  claThreePlacementsMeasure,
  claLongTermStabilityMeasure,
  claVisitsTimelyMeasure,
  claReviewsTimelyMeasure,
  claMissingMeasure,
  careLeaversInTouchMeasure,
  careLeaversSuitableMeasure,
  careLeaversEetMeasure,
] as const;

export type MeasureName = (typeof REGISTRY)[number]['name'];

/** Every measure, in registry order. */
export const MEASURES: readonly Measure<MeasureName>[] = REGISTRY;
/** Every measure name, in registry order (the configuration's `measure` values). */
export const MEASURE_NAMES: readonly MeasureName[] = REGISTRY.map((measure) => measure.name);

const BY_NAME = new Map<string, Measure<MeasureName>>(MEASURES.map((measure) => [measure.name, measure]));

/** The registry's entry for a measure name (a name the configuration check has accepted). */
export function measureOf(name: MeasureName): Measure<MeasureName> {
  const measure = BY_NAME.get(name);
  if (!measure) throw new Error(`internal: measure ${name} is not in the registry`);
  return measure;
}

export type { ColumnsRead, DraftContext, DraftFigures, Measure, PrepareContext } from './measure';
export { missingColumn, unavailableReason, type MissingColumn } from './availability';
