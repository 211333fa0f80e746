// Entitlements earned over a whole year at full time are prorated to the part of the year served and to the
// work percentage (quotité), then rounded UP to the half-day: that is what HR offices do, and the law only
// forbids giving less than the exact share. The share of the year is counted in months — a whole month is
// 1/12, a month begun or left midway counts its days served over its length — because circulars prorate
// "au prorata des mois de service": an agent arriving on 1 July gets exactly half (12.5 of 25 days), where
// counting days (184/365) would round up to 13.
import type { IsoDate } from './calendar-days.ts';
import { calendarDaysFromTo, daysInMonth, earlierOf, isoDate, laterOf } from './calendar-days.ts';
import { ceilDivide } from './half-days.ts';

/** The year an entitlement is for, and the days of it the agent served (first and last day included). */
export type ServiceInYear = { readonly year: number; readonly servedFrom?: IsoDate; readonly servedUntil?: IsoDate };

// lcm(28, 29, 30, 31): one day of any month is a whole number of units, so shares stay exact integers.
const UNITS_PER_MONTH = 377_580;

/** Months served in the year, in 1/UNITS_PER_MONTH of a month (12 × UNITS_PER_MONTH for a whole year). */
function unitsServed(service: ServiceInYear): number {
  const { year } = service;
  const from = laterOf(service.servedFrom ?? isoDate(year, 1, 1), isoDate(year, 1, 1));
  const until = earlierOf(service.servedUntil ?? isoDate(year, 12, 31), isoDate(year, 12, 31));
  let units = 0;
  for (let month = 1; month <= 12; month++) {
    const length = daysInMonth(year, month);
    const monthFrom = laterOf(from, isoDate(year, month, 1));
    const monthUntil = earlierOf(until, isoDate(year, month, length));
    if (monthFrom <= monthUntil) units += (calendarDaysFromTo(monthFrom, monthUntil) * UNITS_PER_MONTH) / length;
  }
  return units;
}

/** Half-days due for `fullHalfDays` earned at 100 % over a whole year, rounded up to the half-day. */
export function prorateHalfDays(fullHalfDays: number, workPercentage: number, service?: ServiceInYear): number {
  const basisPoints = Math.round(Math.min(100, Math.max(0, workPercentage)) * 100);
  const units = service ? unitsServed(service) : 12 * UNITS_PER_MONTH;
  return ceilDivide(fullHalfDays * basisPoints * units, 10_000 * 12 * UNITS_PER_MONTH);
}
