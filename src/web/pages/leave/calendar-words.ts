import type { TeamCalendar } from '../../../server/modules/leave/team-calendar.schema.ts';
import type { Locale } from '../../i18n/locales.ts';
import { localeTags } from '../../i18n/locales.ts';
import type { LeaveDictionary } from '../../i18n/requests/leave.fr.ts';

export type Mark = TeamCalendar['members'][number]['marks'][number];
export type CalendarDay = TeamCalendar['days'][number];

// Calendar days are dates, not instants: formatted at noon UTC, no time zone can move them.
const at = (date: string) => new Date(`${date}T12:00:00Z`);
const format = (locale: Locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(localeTags[locale], { ...options, timeZone: 'UTC' });

export const monthLabel = (date: string, locale: Locale) => format(locale, { month: 'long', year: 'numeric' }).format(at(date));
export const dayLabel = (date: string, locale: Locale) => format(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(at(date));
export const weekdayShort = (date: string, locale: Locale) => format(locale, { weekday: 'short' }).format(at(date)).replace('.', '');

/** "En congé (Congés annuels) le matin": what a mark says in words, colour never being the only signal. */
export function markText(mark: Mark, text: LeaveDictionary): string {
  const kind = text.team.marks[mark.status].long;
  const type = mark.leaveType ? ` (${text.types[mark.leaveType]})` : '';
  const half = text.team.halves[mark.halves];
  return `${kind}${type}${half ? ` ${half}` : ''}`;
}

/** "2026-12" → its first and last days, and the months around it, for the address ?mois=. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const isMonth = (value: string | null): value is string => value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

export function dayHeading(day: CalendarDay, locale: Locale, text: LeaveDictionary): string {
  const label = dayLabel(day.date, locale);
  if (day.holiday) return `${label}, ${text.team.holidayPrefix} ${text.team.holidays[day.holiday] ?? day.holiday}`;
  return day.workingDay ? label : `${label}, ${text.team.weekend}`;
}
