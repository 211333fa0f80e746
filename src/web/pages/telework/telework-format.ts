import type { z } from 'zod';
import type { FloatingQuotaView, Weekday } from '../../../server/modules/telework/telework.schema.ts';
import type { TeleworkDictionary } from '../../i18n/requests/telework.fr.ts';
import { type Locale, localeTags } from '../../i18n/locales.ts';

export type WeekdayName = z.infer<typeof Weekday>;
export type Quota = z.infer<typeof FloatingQuotaView>;

export const WORKWEEK: readonly WeekdayName[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const days = new Map<Locale, Intl.DateTimeFormat>();

/** « jeudi 3 décembre 2026 »: a calendar day, whatever the device's time zone. */
export function formatDay(date: string, locale: Locale): string {
  let formatter = days.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeTags[locale], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    days.set(locale, formatter);
  }
  return formatter.format(new Date(`${date}T00:00:00Z`));
}

/** « lundi et jeudi + 2 jours flottants par mois ». */
export function rhythm(fixedDays: readonly WeekdayName[], floating: Quota | null, text: TeleworkDictionary): string {
  const fixed = text.list(WORKWEEK.filter((day) => fixedDays.includes(day)).map((day) => text.weekdays[day]));
  const quota = floating ? text.quota(floating.days, text.periods[floating.per]) : '';
  return [fixed, quota].filter(Boolean).join(' + ');
}
