// Congés annuels (décret 85-1250 of 26 November 1985): five times the days worked in a week, and one or two
// extra days for an agent who takes 5–7 or 8+ days outside 1 May–31 October (jours de fractionnement).
// Part time needs no separate prorating: an agent at 80 % over four days works 4 days a week and so gets
// 20 days; at 80 % over five shorter days, 25 shorter days — the décret counts "jours effectivement ouvrés".
import type { HolidayRules } from './public-holidays.ts';
import type { LeavePeriod } from './leave-day-count.ts';
import { workingHalfDaysIn } from './leave-day-count.ts';
import type { LeaveRulesConfig } from './leave-rules-config.ts';
import { DEFAULT_LEAVE_RULES } from './leave-rules-config.ts';
import type { ServiceInYear } from './prorate.ts';
import { prorateHalfDays } from './prorate.ts';
import type { WorkingCycle } from './working-cycle.ts';
import { halfDaysPerWeek } from './working-cycle.ts';

/** Half-days of annual leave for the year, prorated to the part of it served (see prorate.ts). */
export function annualLeaveEntitlement(cycle: WorkingCycle, service: ServiceInYear, rules: LeaveRulesConfig = DEFAULT_LEAVE_RULES): number {
  return prorateHalfDays(rules.annualLeaveWeeks * halfDaysPerWeek(cycle), 100, service);
}

/** Working half-days of these annual-leave periods that fall outside the main period (1 May–31 October). */
export function annualLeaveOutsideMainPeriod(
  periods: readonly LeavePeriod[],
  cycle: WorkingCycle,
  rules: HolidayRules & Pick<LeaveRulesConfig, 'mainLeavePeriodStart' | 'mainLeavePeriodEnd'> = DEFAULT_LEAVE_RULES,
): number {
  const outside = (date: string) => date.slice(5) < rules.mainLeavePeriodStart || date.slice(5) > rules.mainLeavePeriodEnd;
  return periods.reduce((total, period) => total + workingHalfDaysIn(period, cycle, rules, outside), 0);
}

/** Extra half-days earned: 2 (one day) from 5 days outside the main period, 4 (two days) from 8 days. */
export function fractionnementBonus(
  halfDaysOutsideMainPeriod: number,
  rules: Pick<LeaveRulesConfig, 'fractionnementOneDayFrom' | 'fractionnementTwoDaysFrom'> = DEFAULT_LEAVE_RULES,
): number {
  if (halfDaysOutsideMainPeriod >= rules.fractionnementTwoDaysFrom * 2) return 4;
  if (halfDaysOutsideMainPeriod >= rules.fractionnementOneDayFrom * 2) return 2;
  return 0;
}
