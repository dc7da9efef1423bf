/**
 * The baseline's families, and every measure's SQL. MEASURE_SQL is a Record over every
 * measure name of the registry: a measure added to the registry without its SQL here fails
 * the type-check. A new family is a file with its tables, working tables and measures'
 * SQL, and one line in each list below.
 */
import type { MeasureName } from '../../functions/core/measures/registry';
import { CARE_LEAVERS, CARE_LEAVERS_SQL } from './care-leavers';
import { CHILD_PROTECTION } from './child-protection';
import { CHILD_PROTECTION_SQL } from './cp-measures';
import { CARE } from './care';
import { CARE_SQL } from './care-measures';
import { FRONT_DOOR } from './front-door';
import { FRONT_DOOR_SQL } from './front-door-measures';
import type { MeasureSql, SqlFamily } from './sql-common';

/** In load order: a family's working tables may read an earlier family's. */
export const FAMILIES: readonly SqlFamily[] = [CHILD_PROTECTION, FRONT_DOOR, CARE, CARE_LEAVERS];

export const MEASURE_SQL: Record<MeasureName, MeasureSql> = {
  ...CHILD_PROTECTION_SQL,
  ...FRONT_DOOR_SQL,
  ...CARE_SQL,
  ...CARE_LEAVERS_SQL,
};
