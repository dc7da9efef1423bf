/**
 * The children-in-care measures' SQL over the working tables of care.ts: (col, num, den) for
 * every column; den is NULL for counts.
 */
import type { MeasureSql } from './sql-common';

/** Children (each once) with a period of care starting or ending in the column's window [a, b]. */
const childrenWithPeriodEvent = (dateColumn: string) => `
    SELECT c.col, count(DISTINCT x.person) AS num, NULL AS den
    FROM cols c LEFT JOIN cla_periods x ON x.${dateColumn} BETWEEN c.a AND c.b GROUP BY c.col`;

export const CARE_SQL = {
  cla_starts: () => childrenWithPeriodEvent('start_date'),
  cla_ceased: () => childrenWithPeriodEvent('end_date'),
} satisfies Record<string, MeasureSql>;
