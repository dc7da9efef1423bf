/**
 * Year-end projection for a flow (count) measure (issue 16, deliver 5): the full-year figure the
 * year to date points to. With last year's monthly profile the YTD is scaled by how much of last
 * year's total the same months held ("last year's profile"); without one it is a straight line.
 * Percent flows get none: a ratio's year-end value is not a scaled-up year to date.
 */
export type ProjectionMethod = 'last-year-profile' | 'straight-line';

export interface PackProjection {
  value: number;
  method: ProjectionMethod;
}

/**
 * @param ytd the count so far this financial year
 * @param monthsElapsed months of the year the YTD covers (1–12)
 * @param lastYearMonths last year's twelve monthly counts (April first), or null when unknown
 */
export function projectYearEnd(
  ytd: number | null,
  monthsElapsed: number,
  lastYearMonths: readonly (number | null)[] | null,
): PackProjection | null {
  if (ytd === null || !Number.isInteger(monthsElapsed) || monthsElapsed < 1 || monthsElapsed > 12) return null;
  const profile = lastYearMonths?.length === 12 && lastYearMonths.every((m) => m !== null) ? lastYearMonths : null;
  if (profile) {
    const total = profile.reduce<number>((sum, m) => sum + (m ?? 0), 0);
    const sameMonths = profile.slice(0, monthsElapsed).reduce<number>((sum, m) => sum + (m ?? 0), 0);
    if (sameMonths > 0) return { value: (ytd * total) / sameMonths, method: 'last-year-profile' };
  }
  return { value: (ytd * 12) / monthsElapsed, method: 'straight-line' };
}
