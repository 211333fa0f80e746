// How many half-days a leave request takes from a balance: only the half-days the agent's cycle owes the
// service, never a public holiday nor a day off (décret 85-1250: leave is counted in "jours ouvrés").
// Bad requests come back as a typed error code for the service to turn into a 422, never as a throw.
import type { IsoDate } from './calendar-days.ts';
import { dateOfDayNumber, dayNumber, isIsoDate, weekdayOfDayNumber } from './calendar-days.ts';
import type { HalfDayEnd, HalfDayStart } from './half-days.ts';
import type { HolidayRules } from './public-holidays.ts';
import { isPublicHoliday } from './public-holidays.ts';
import { DEFAULT_LEAVE_RULES } from './leave-rules-config.ts';
import type { WorkingCycle } from './working-cycle.ts';
import { worksHalfDay } from './working-cycle.ts';

/** From the morning or afternoon of startDate to noon or the evening of endDate. */
export type LeavePeriod = {
  readonly startDate: IsoDate;
  readonly startsIn: HalfDayStart;
  readonly endDate: IsoDate;
  readonly endsAt: HalfDayEnd;
};

export type LeavePeriodError =
  | 'invalid_date'
  | 'end_before_start'
  | 'afternoon_to_noon_same_day'
  | 'period_too_long'
  | 'no_working_half_day';

export type LeaveDayCount = { readonly ok: true; readonly halfDays: number } | { readonly ok: false; readonly error: LeavePeriodError };

// The longest leave HR records, congé de longue durée, lasts five years; anything longer is a typing error.
export const MAX_PERIOD_CALENDAR_DAYS = 6 * 366;

/** Half-days numbered from 1970-01-01 morning (0), so a period is a range of consecutive integers. */
export type HalfDaySlots = { readonly first: number; readonly last: number };

export function periodSlots(period: LeavePeriod): HalfDaySlots {
  return {
    first: dayNumber(period.startDate) * 2 + (period.startsIn === 'afternoon' ? 1 : 0),
    last: dayNumber(period.endDate) * 2 + (period.endsAt === 'evening' ? 1 : 0),
  };
}

/** The shape of a period, before any counting: undefined when it is well formed. */
export function leavePeriodError(period: LeavePeriod): Exclude<LeavePeriodError, 'no_working_half_day'> | undefined {
  if (!isIsoDate(period.startDate) || !isIsoDate(period.endDate)) return 'invalid_date';
  if (period.endDate < period.startDate) return 'end_before_start';
  if (period.endDate === period.startDate && period.startsIn === 'afternoon' && period.endsAt === 'noon') {
    return 'afternoon_to_noon_same_day';
  }
  if (dayNumber(period.endDate) - dayNumber(period.startDate) + 1 > MAX_PERIOD_CALENDAR_DAYS) return 'period_too_long';
  return undefined;
}

export function isWorkingSlot(slot: number, cycle: WorkingCycle, rules: HolidayRules = DEFAULT_LEAVE_RULES): boolean {
  const day = Math.floor(slot / 2);
  const half = slot % 2 === 0 ? 'morning' : 'afternoon';
  return worksHalfDay(cycle, weekdayOfDayNumber(day), half) && !isPublicHoliday(dateOfDayNumber(day), rules);
}

/** Working half-days of a well-formed period, optionally only on the dates `counts` accepts. */
export function workingHalfDaysIn(
  period: LeavePeriod,
  cycle: WorkingCycle,
  rules: HolidayRules = DEFAULT_LEAVE_RULES,
  counts: (date: IsoDate) => boolean = () => true,
): number {
  if (leavePeriodError(period)) return 0;
  const { first, last } = periodSlots(period);
  let halfDays = 0;
  for (let slot = first; slot <= last; slot++) {
    if (isWorkingSlot(slot, cycle, rules) && counts(dateOfDayNumber(Math.floor(slot / 2)))) halfDays++;
  }
  return halfDays;
}

export function countLeaveHalfDays(period: LeavePeriod, cycle: WorkingCycle, rules: HolidayRules = DEFAULT_LEAVE_RULES): LeaveDayCount {
  const error = leavePeriodError(period);
  if (error) return { ok: false, error };
  const halfDays = workingHalfDaysIn(period, cycle, rules);
  return halfDays === 0 ? { ok: false, error: 'no_working_half_day' } : { ok: true, halfDays };
}
