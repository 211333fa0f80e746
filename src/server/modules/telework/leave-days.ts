// Days of approved leave or recorded absence, on which no floating day is booked nor telework counted for the
// allowance. A half-day of leave leaves the other half to work, at home if it is a telework day.
import type { Db } from '../../db/connection.ts';
import { periodsOf } from '../leave/leave-requests.repo.ts';
import { addDays, type IsoDate } from '../leave/rules/index.ts';

export async function daysOnLeave(db: Db, agentId: string, from: IsoDate, to: IsoDate): Promise<ReadonlySet<IsoDate>> {
  const days = new Set<IsoDate>();
  for (const period of await periodsOf(db, [agentId], from, to, false)) {
    const last = period.endDate < to ? period.endDate : to;
    for (let date = period.startDate > from ? period.startDate : from; date <= last; date = addDays(date, 1)) {
      const wholeMorning = date > period.startDate || period.startsIn === 'morning';
      const wholeAfternoon = date < period.endDate || period.endsAt === 'evening';
      if (wholeMorning && wholeAfternoon) days.add(date);
    }
  }
  return days;
}
