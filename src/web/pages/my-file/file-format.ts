import { type Locale, localeTags } from '../../i18n/locales.ts';

// A change of bank details applies from a pay run, which agents name by its month ("décembre 2025").
export function formatMonth(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(localeTags[locale], { month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(isoDate));
}

export function formatFileSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(localeTags[locale], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(Math.max(value, 0.1));
}

/** Weekly working time is kept in minutes: 2100 is 35 h, 2130 is 35 h 30. */
export function hoursAndMinutes(totalMinutes: number): [hours: number, minutes: number] {
  return [Math.floor(totalMinutes / 60), totalMinutes % 60];
}
