// Where two leave periods meet, and which half of a given day a period covers: an afternoon off after a
// morning off is no overlap, and a calendar shows "morning" rather than a whole day for a half-day leave.
import type { IsoDate } from './calendar-days.ts';
import { dayNumber } from './calendar-days.ts';
import type { LeavePeriod } from './leave-day-count.ts';
import { periodSlots } from './leave-day-count.ts';

export type DayHalves = 'full' | 'morning' | 'afternoon';

/** True when the periods share at least one half-day (both well formed). */
export function periodsOverlap(a: LeavePeriod, b: LeavePeriod): boolean {
  const x = periodSlots(a);
  const y = periodSlots(b);
  return x.first <= y.last && y.first <= x.last;
}

/** The part of `date` the period covers, or undefined when it does not touch that day. */
export function halvesOn(period: LeavePeriod, date: IsoDate): DayHalves | undefined {
  const { first, last } = periodSlots(period);
  const morning = dayNumber(date) * 2;
  const coversMorning = first <= morning && morning <= last;
  const coversAfternoon = first <= morning + 1 && morning + 1 <= last;
  if (coversMorning && coversAfternoon) return 'full';
  if (coversMorning) return 'morning';
  if (coversAfternoon) return 'afternoon';
  return undefined;
}
