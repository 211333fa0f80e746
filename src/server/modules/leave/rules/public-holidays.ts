// The public holidays of France (Code du travail, art. L3133-1), which no leave request may count, with
// Easter computed so that any year works without a table to update. Alsace-Moselle adds Good Friday and
// 26 December (art. L3134-13); Whit Monday is a worked "journée de solidarité" in some cities.
import type { IsoDate } from './calendar-days.ts';
import { addDays, isoDate, yearOf } from './calendar-days.ts';
import type { LeaveRulesConfig } from './leave-rules-config.ts';
import { DEFAULT_LEAVE_RULES } from './leave-rules-config.ts';

export type PublicHolidayName =
  | 'new_year'
  | 'good_friday'
  | 'easter_monday'
  | 'labour_day'
  | 'victory_in_europe'
  | 'ascension'
  | 'whit_monday'
  | 'bastille_day'
  | 'assumption'
  | 'all_saints'
  | 'armistice'
  | 'christmas'
  | 'st_stephen';

export type PublicHoliday = { readonly date: IsoDate; readonly name: PublicHolidayName };
export type HolidayRules = Pick<LeaveRulesConfig, 'whitMondayIsPublicHoliday' | 'alsaceMoselleHolidays'>;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthAndDay = h + l - 7 * m + 114;
  return isoDate(year, Math.floor(monthAndDay / 31), (monthAndDay % 31) + 1);
}

/** The year's public holidays in date order. */
export function publicHolidays(year: number, rules: HolidayRules = DEFAULT_LEAVE_RULES): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, name: PublicHolidayName): PublicHoliday => ({ date: isoDate(year, month, day), name });
  const holidays: PublicHoliday[] = [
    fixed(1, 1, 'new_year'),
    { date: addDays(easter, 1), name: 'easter_monday' },
    fixed(5, 1, 'labour_day'),
    fixed(5, 8, 'victory_in_europe'),
    { date: addDays(easter, 39), name: 'ascension' },
    fixed(7, 14, 'bastille_day'),
    fixed(8, 15, 'assumption'),
    fixed(11, 1, 'all_saints'),
    fixed(11, 11, 'armistice'),
    fixed(12, 25, 'christmas'),
  ];
  if (rules.whitMondayIsPublicHoliday) holidays.push({ date: addDays(easter, 50), name: 'whit_monday' });
  if (rules.alsaceMoselleHolidays) holidays.push({ date: addDays(easter, -2), name: 'good_friday' }, fixed(12, 26, 'st_stephen'));
  // Ascension can fall on 1 or 8 May (2008: 1 May); both names stay, the day is counted once by isPublicHoliday.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidaySets = new Map<string, ReadonlySet<IsoDate>>();

export function isPublicHoliday(date: IsoDate, rules: HolidayRules = DEFAULT_LEAVE_RULES): boolean {
  const year = yearOf(date);
  const key = `${year}|${rules.whitMondayIsPublicHoliday}|${rules.alsaceMoselleHolidays}`;
  let dates = holidaySets.get(key);
  if (!dates) {
    dates = new Set(publicHolidays(year, rules).map((holiday) => holiday.date));
    holidaySets.set(key, dates);
  }
  return dates.has(date);
}
