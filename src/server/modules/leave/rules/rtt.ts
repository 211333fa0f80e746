// Jours de réduction du temps de travail (décret 2000-815 and décret 2001-623, ARTT): an agent working more
// than 35 hours a week earns rest days so that the year stays at 1,607 hours. The city's table gives the days
// for full time; part-time agents get the same share as their work percentage, rounded up to the half-day.
import type { LeaveRulesConfig } from './leave-rules-config.ts';
import { DEFAULT_LEAVE_RULES } from './leave-rules-config.ts';
import type { ServiceInYear } from './prorate.ts';
import { prorateHalfDays } from './prorate.ts';

/** Full-time RTT days for a weekly working time: the table's row at or just below it (37h45 → 37h30). */
export function fullTimeRttDays(weeklyMinutes: number, rules: Pick<LeaveRulesConfig, 'rttDaysByWeeklyHours'> = DEFAULT_LEAVE_RULES): number {
  let days = 0;
  for (const row of rules.rttDaysByWeeklyHours) if (weeklyMinutes >= row.weeklyMinutes) days = row.days;
  return days;
}

/** Half-days of RTT for the year: 37h30 at 80 % → 24 (12 days). */
export function rttEntitlement(
  weeklyMinutes: number,
  workPercentage: number,
  service?: ServiceInYear,
  rules: Pick<LeaveRulesConfig, 'rttDaysByWeeklyHours'> = DEFAULT_LEAVE_RULES,
): number {
  return prorateHalfDays(fullTimeRttDays(weeklyMinutes, rules) * 2, workPercentage, service);
}
