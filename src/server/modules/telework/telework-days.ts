import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { addDays, calendarDaysFromTo, type IsoDate, isIsoDate, isPublicHoliday, weekdayOf } from '../leave/rules/index.ts';
import * as repo from './telework.repo.ts';

export type TeleworkDay = { agentId: string; date: IsoDate; kind: 'fixed' | 'floating' };

// A team calendar shows a month or a quarter; a year is the most anyone asks at once.
const MAX_SPAN_DAYS = 366;

/**
 * Who teleworks on which day between `from` and `to` (both included): the fixed days of the approved
 * arrangements in force (public holidays left out) and the floating days booked. For the team calendar.
 */
export async function teleworkDaysOf(db: Db, agentIds: readonly string[], from: IsoDate, to: IsoDate): Promise<TeleworkDay[]> {
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) throw new AppError('bad_request', 'Période invalide : la date de fin précède la date de début.');
  if (calendarDaysFromTo(from, to) > MAX_SPAN_DAYS) throw new AppError('bad_request', `Période trop longue : ${MAX_SPAN_DAYS} jours au plus.`);
  if (agentIds.length === 0) return [];
  const days: TeleworkDay[] = [];
  for (const arrangement of await repo.arrangementsOverlapping(db, agentIds, from, to)) {
    if (arrangement.fixed_days.length === 0) continue;
    const first = arrangement.starts_on > from ? arrangement.starts_on : from;
    const last = arrangement.ends_on && arrangement.ends_on < to ? arrangement.ends_on : to;
    for (let date = first; date <= last; date = addDays(date, 1)) {
      if (arrangement.fixed_days.includes(weekdayOf(date)) && !isPublicHoliday(date)) days.push({ agentId: arrangement.agent_id, date, kind: 'fixed' });
    }
  }
  for (const booking of await repo.floatingDaysBetween(db, agentIds, from, to)) days.push({ agentId: booking.agent_id, date: booking.day, kind: 'floating' });
  return days.sort((a, b) => (a.date === b.date ? a.agentId.localeCompare(b.agentId) : a.date < b.date ? -1 : 1));
}
