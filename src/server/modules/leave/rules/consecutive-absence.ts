// "L'absence du service ne peut excéder trente et un jours consécutifs" (décret 85-1250, art. 4). It is the
// absence from the service that counts, so it is measured in calendar days: weekends, public holidays and
// days off inside the absence count. Two periods form one absence when only half-days the agent does not
// owe lie between them (leave Monday–Friday, then again from the next Monday). The absence runs from its
// first to its last day of leave: the weekend before the first day or after the last one is not part of it.
// Which other absences to join (annual leave only, or RTT and CET too) is the city's choice: pass them in.
import type { IsoDate } from './calendar-days.ts';
import { dateOfDayNumber } from './calendar-days.ts';
import type { LeavePeriod, LeavePeriodError } from './leave-day-count.ts';
import { isWorkingSlot, leavePeriodError, periodSlots } from './leave-day-count.ts';
import type { LeaveRulesConfig } from './leave-rules-config.ts';
import { DEFAULT_LEAVE_RULES } from './leave-rules-config.ts';
import type { HolidayRules } from './public-holidays.ts';
import type { WorkingCycle } from './working-cycle.ts';

export type ContinuousAbsence = { readonly from: IsoDate; readonly to: IsoDate; readonly calendarDays: number };

export type ConsecutiveAbsenceCheck =
  | { readonly ok: true; readonly absence: ContinuousAbsence }
  | { readonly ok: false; readonly error: 'absence_too_long'; readonly absence: ContinuousAbsence; readonly maxCalendarDays: number }
  | { readonly ok: false; readonly error: LeavePeriodError };

function onlyDaysOffBetween(afterSlot: number, beforeSlot: number, cycle: WorkingCycle, rules: HolidayRules): boolean {
  for (let slot = afterSlot + 1; slot < beforeSlot; slot++) if (isWorkingSlot(slot, cycle, rules)) return false;
  return true;
}

/** The whole absence the requested period belongs to, once joined with the agent's other absences. */
export function continuousAbsence(
  requested: LeavePeriod,
  otherAbsences: readonly LeavePeriod[],
  cycle: WorkingCycle,
  rules: HolidayRules = DEFAULT_LEAVE_RULES,
): ContinuousAbsence {
  let { first, last } = periodSlots(requested);
  const others = otherAbsences.filter((period) => !leavePeriodError(period)).map(periodSlots);
  // Sorted both ways once, then swept outwards until no neighbour joins: a gap cannot close later.
  const byStart = [...others].sort((a, b) => a.first - b.first);
  for (const other of byStart) {
    if (other.last < first) continue;
    if (other.first > last + 1 && !onlyDaysOffBetween(last, other.first, cycle, rules)) break;
    last = Math.max(last, other.last);
  }
  const byEnd = [...others].sort((a, b) => b.last - a.last);
  for (const other of byEnd) {
    if (other.first > last) continue;
    if (other.last < first - 1 && !onlyDaysOffBetween(other.last, first, cycle, rules)) break;
    first = Math.min(first, other.first);
  }
  const fromDay = Math.floor(first / 2);
  const toDay = Math.floor(last / 2);
  return { from: dateOfDayNumber(fromDay), to: dateOfDayNumber(toDay), calendarDays: toDay - fromDay + 1 };
}

export function checkConsecutiveAbsence(
  requested: LeavePeriod,
  otherAbsences: readonly LeavePeriod[],
  cycle: WorkingCycle,
  rules: HolidayRules & Pick<LeaveRulesConfig, 'maxConsecutiveAbsenceDays'> = DEFAULT_LEAVE_RULES,
): ConsecutiveAbsenceCheck {
  const error = leavePeriodError(requested);
  if (error) return { ok: false, error };
  const absence = continuousAbsence(requested, otherAbsences, cycle, rules);
  if (absence.calendarDays > rules.maxConsecutiveAbsenceDays) {
    return { ok: false, error: 'absence_too_long', absence, maxCalendarDays: rules.maxConsecutiveAbsenceDays };
  }
  return { ok: true, absence };
}
