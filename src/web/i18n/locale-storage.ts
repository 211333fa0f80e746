import { defaultLocale, isLocale, type Locale } from './locales.ts';

const storageKey = 'nomades.locale';

// Storage can be disabled or full (private browsing, strict policies): the choice is then kept for the visit only.
export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // The language still changes for this visit.
  }
}
