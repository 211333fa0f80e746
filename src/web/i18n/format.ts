import { type Locale, localeTags } from './locales.ts';

// The city's time, whatever the device's time zone: an agent abroad reads the same hours as the server's e-mails.
const timeZone = 'Europe/Paris';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(localeTags[locale], { ...options, timeZone });
    cache.set(key, found);
  }
  return found;
}

export function formatDateTime(value: string | number | Date, locale: Locale): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatDate(value: string | number | Date, locale: Locale): string {
  return formatter(locale, { dateStyle: 'long' }).format(new Date(value));
}

export function formatTime(value: string | number | Date, locale: Locale): string {
  return formatter(locale, { timeStyle: 'short' }).format(new Date(value));
}
