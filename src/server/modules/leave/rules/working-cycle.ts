// A working cycle says which half-days of the week an agent owes the service: leave is counted only on them,
// and annual leave is five times the days worked in a week (décret 85-1250, art. 1).
import type { Weekday } from './calendar-days.ts';
import { WEEKDAYS } from './calendar-days.ts';
import type { HalfDayStart } from './half-days.ts';

export type DayPattern = 'full' | 'morning' | 'afternoon' | 'off';
export type WorkingCycle = Readonly<Record<Weekday, DayPattern>>;

/** Days left out are not worked: workingCycle({ monday: 'full', wednesday: 'morning' }). */
export function workingCycle(days: Partial<Record<Weekday, DayPattern>>): WorkingCycle {
  return Object.freeze(Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, days[weekday] ?? 'off'])) as Record<Weekday, DayPattern>);
}

export const FIVE_DAY_WEEK: WorkingCycle = workingCycle({
  monday: 'full',
  tuesday: 'full',
  wednesday: 'full',
  thursday: 'full',
  friday: 'full',
});

export function worksHalfDay(cycle: WorkingCycle, weekday: Weekday, half: HalfDayStart): boolean {
  const pattern = cycle[weekday];
  return pattern === 'full' || pattern === half;
}

export function halfDaysOwedOn(cycle: WorkingCycle, weekday: Weekday): number {
  const pattern = cycle[weekday];
  return pattern === 'full' ? 2 : pattern === 'off' ? 0 : 1;
}

/** 10 for a five-day week, 9 for a 4.5-day week, 8 for 80 % worked over four days. */
export function halfDaysPerWeek(cycle: WorkingCycle): number {
  return WEEKDAYS.reduce((total, weekday) => total + halfDaysOwedOn(cycle, weekday), 0);
}
