// The team calendar: who is away or teleworking, day by day. A manager reads their direct reports, with the
// leave types and the requests still pending, and a warning on the days staffing falls below the minimum they
// set; an agent reads the colleagues of their unit as "absent", nothing more. Absences HR records (sick
// leave) show as "absent" to everyone: health is nobody's business on a calendar.
import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import type { Actor } from '../access/index.ts';
import { leaveRulesOf } from './leave-config.ts';
import { type AgentPeriod, periodsOf } from './leave-requests.repo.ts';
import { addDays, addMonths, calendarDaysFromTo, type IsoDate, publicHolidays, weekdayOf, type WorkingCycle, worksHalfDay } from './rules/index.ts';
import { halvesOn } from './rules/period-halves.ts';
import type { CalendarMark, TeamCalendar, TeamCalendarQuery } from './team-calendar.schema.ts';
import { colleaguesOf, directReports, minimumStaffingOf, setMinimumStaffing } from './team.repo.ts';
import { teleworkDaysOf } from './telework-presence.repo.ts';
import { workingCyclesOf } from './working-time.ts';

// Two months and a bit: a month grid with its neighbouring weeks.
const MAX_RANGE_DAYS = 62;
const HALVES = ['morning', 'afternoon'] as const;

type Mark = z.infer<typeof CalendarMark>;

function markOf(period: AgentPeriod, date: IsoDate, asManager: boolean): Mark | undefined {
  const halves = halvesOn(period, date);
  if (!halves) return undefined;
  if (period.status === 'recorded') return { date, halves, status: 'absent', leaveType: null };
  if (!asManager) return { date, halves, status: 'absent', leaveType: null };
  const leaveType = period.type === 'sick_leave' || period.type === 'other_absence' ? null : period.type;
  return { date, halves, status: period.status === 'pending' ? 'pending' : 'leave', leaveType };
}

const covers = (mark: Mark, half: 'morning' | 'afternoon') => mark.halves === 'full' || mark.halves === half;

/** The month of `today` when no range is asked. */
function rangeOf(query: TeamCalendarQuery, today: IsoDate): { from: IsoDate; to: IsoDate } {
  if (query.from && query.to) return { from: query.from, to: query.to };
  const first = `${today.slice(0, 7)}-01`;
  return { from: first, to: addDays(addMonths(first, 1), -1) };
}

export async function teamCalendar(ctx: AppContext, actor: Actor, asked: TeamCalendarQuery): Promise<TeamCalendar> {
  const today = parisDate(ctx.clock.now());
  const query = { ...asked, ...rangeOf(asked, today) };
  if (query.to < query.from) throw new AppError('unprocessable', 'La date de fin précède la date de début.', { errors: [{ field: 'to', rule: 'end_before_start', message: 'La date de fin précède la date de début.' }] });
  if (calendarDaysFromTo(query.from, query.to) > MAX_RANGE_DAYS) throw new AppError('unprocessable', `Le calendrier couvre au plus ${MAX_RANGE_DAYS} jours.`);
  const reports = await directReports(ctx.db, actor.agentId);
  const view = query.view ?? (reports.length > 0 ? 'team' : 'unit');
  if (view === 'team' && reports.length === 0) throw new AppError('forbidden', 'Vous n’encadrez aucune équipe : le calendrier montre les collègues de votre unité.');
  const asManager = view === 'team';
  const members = asManager ? reports : await colleaguesOf(ctx.db, actor.agentId);
  const ids = members.map((m) => m.id);
  const periods = await periodsOf(ctx.db, ids, query.from, query.to, asManager);
  const telework = await teleworkDaysOf(ctx.db, ids, query.from, query.to);
  const cycles = await workingCyclesOf(ctx.db, ids);
  const minimum = asManager ? await minimumStaffingOf(ctx.db, actor.agentId) : null;
  const rules = leaveRulesOf(ctx);

  const holidays = new Map<IsoDate, string>();
  for (let year = Number(query.from.slice(0, 4)); year <= Number(query.to.slice(0, 4)); year++) {
    for (const holiday of publicHolidays(year, rules)) holidays.set(holiday.date, holiday.name);
  }
  const dates: IsoDate[] = [];
  for (let date = query.from; date <= query.to; date = addDays(date, 1)) dates.push(date);

  const marksOf = new Map<string, Mark[]>(ids.map((id) => [id, []]));
  for (const date of dates) {
    const working = !holidays.has(date) && !['saturday', 'sunday'].includes(weekdayOf(date));
    for (const period of periods) {
      const mark = markOf(period, date, asManager);
      if (mark) marksOf.get(period.agentId)?.push(mark);
    }
    for (const day of telework) {
      const away = marksOf.get(day.agentId)?.some((m) => m.date === date && m.status !== 'pending' && m.halves === 'full');
      if (day.date === date && working && !away) marksOf.get(day.agentId)?.push({ date, halves: 'full', status: 'telework', leaveType: null });
    }
  }

  const days = dates.map((date) => {
    const holiday = holidays.get(date) ?? null;
    const workingDay = holiday === null && !['saturday', 'sunday'].includes(weekdayOf(date));
    if (!asManager || !workingDay) return { date, workingDay, holiday, expected: null, present: null, belowMinimum: false };
    // Teleworkers are at work: staffing counts who works, half-day by half-day, the worse half deciding.
    const perHalf = HALVES.map((half) => {
      const due = ids.filter((id) => worksHalfDay(cycles.get(id) as WorkingCycle, weekdayOf(date), half));
      const away = due.filter((id) => marksOf.get(id)?.some((m) => m.date === date && (m.status === 'leave' || m.status === 'absent') && covers(m, half)));
      return { expected: due.length, present: due.length - away.length };
    }).filter((h) => h.expected > 0);
    if (perHalf.length === 0) return { date, workingDay, holiday, expected: 0, present: 0, belowMinimum: false };
    const present = Math.min(...perHalf.map((h) => h.present));
    return { date, workingDay, holiday, expected: Math.max(...perHalf.map((h) => h.expected)), present, belowMinimum: minimum !== null && present < minimum };
  });

  return {
    view,
    from: query.from,
    to: query.to,
    today,
    managesTeam: reports.length > 0,
    minimumStaffing: minimum,
    days,
    members: members.map((m) => ({ agentId: m.id, firstName: m.first_name, lastName: m.last_name, isMe: m.id === actor.agentId, marks: marksOf.get(m.id) ?? [] })),
  };
}

export async function changeMinimumStaffing(ctx: AppContext, actor: Actor, minimum: number | null): Promise<{ minimum: number | null }> {
  if ((await directReports(ctx.db, actor.agentId)).length === 0) throw new AppError('forbidden', 'Seul l’encadrant d’une équipe fixe son effectif minimum.');
  await setMinimumStaffing(ctx.db, actor.agentId, minimum, ctx.clock.now());
  return { minimum };
}
