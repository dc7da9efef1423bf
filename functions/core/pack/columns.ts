/**
 * The columns of a pack row for reporting month p (docs/OUTPUTS.md, "The columns of a pack
 * row"). Every column is a window [from, to]: a flow measure counts over the window, a
 * snapshot measure is taken at its last day.
 */
import {
  addPeriods,
  financialYearFirstDay,
  financialYearLabel,
  financialYearLastDay,
  financialYearStartOfPeriod,
  parsePeriod,
  periodFirstDay,
  periodOf,
  periodLastDay,
  periodsEnding,
} from '../calendar';
import type { Day, Period } from '../types';

export interface Column {
  from: Day;
  /** Also the snapshot date. */
  to: Day;
}

export interface MonthColumn extends Column {
  period: Period;
}

export interface YearToDate extends Column {
  /** The financial year's label, e.g. "2013/14", for its target. */
  financialYear: string;
}

export interface ColumnPlan {
  period: Period;
  financialYear: string;
  priorYearLabel: string;
  /** The last monthsShown months ending at p, oldest first. */
  months: MonthColumn[];
  /** The whole previous financial year (snapshot at its 31 March). */
  priorYear: Column;
  /** From the financial year's 1 April to the end of p (snapshot at the end of p). */
  ytd: YearToDate;
  /** Month p − 1, for the trend. */
  previousMonth: MonthColumn;
  /** The year to date at p − 1, in p − 1's financial year, for the status last month. */
  previousYtd: YearToDate;
  /** The twelve months of the previous financial year, April first: the profile a year-end projection scales by. */
  priorYearMonths: MonthColumn[];
  /** How many months of the financial year the year to date covers (1 in April … 12 in March). */
  monthsElapsed: number;
}

function monthColumn(period: Period): MonthColumn {
  return { period, from: periodFirstDay(period), to: periodLastDay(period) };
}

function yearToDate(period: Period): YearToDate {
  const startYear = financialYearStartOfPeriod(period);
  return {
    financialYear: financialYearLabel(startYear),
    from: financialYearFirstDay(startYear),
    to: periodLastDay(period),
  };
}

export function planColumns(period: Period, monthsShown: number): ColumnPlan {
  const startYear = financialYearStartOfPeriod(period);
  const previous = addPeriods(period, -1);
  return {
    period,
    financialYear: financialYearLabel(startYear),
    priorYearLabel: financialYearLabel(startYear - 1),
    months: periodsEnding(period, monthsShown).map(monthColumn),
    priorYear: { from: financialYearFirstDay(startYear - 1), to: financialYearLastDay(startYear - 1) },
    ytd: yearToDate(period),
    previousMonth: monthColumn(previous),
    previousYtd: yearToDate(previous),
    priorYearMonths: periodsEnding(periodOf(startYear, 3), 12).map(monthColumn),
    monthsElapsed: ((parsePeriod(period).month + 8) % 12) + 1,
  };
}

/**
 * Every column the pack evaluates, so each measure can be prepared for exactly these (repeats included; the measures
 * drop them).
 */
export function allColumns(plan: ColumnPlan): Column[] {
  return [...plan.months, plan.priorYear, plan.ytd, plan.previousMonth, plan.previousYtd];
}
