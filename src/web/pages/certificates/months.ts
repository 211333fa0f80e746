import { type Locale, localeTags } from '../../i18n/locales.ts';
import { parisToday } from '../hr/agent-form-values.ts';

/** This month in Paris, AAAA-MM. */
export function currentMonth(): string {
  return parisToday().slice(0, 7);
}

/** The month `by` months after (or before, if negative) `month`. */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const formats = new Map<Locale, Intl.DateTimeFormat>();

/** "mars 2026", "March 2026": a month alone needs no time zone, hence UTC. */
export function formatMonth(month: string, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(localeTags[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format.format(new Date(`${month}-01T00:00:00Z`));
}
