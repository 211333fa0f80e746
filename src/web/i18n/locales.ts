export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'fr';

// Each language is named in itself, so that a reader who does not understand the current one still finds theirs.
export const localeAutonyms: Record<Locale, string> = { fr: 'Français', en: 'English' };

// Region-qualified tags for react-aria and Intl: dates and numbers as read in France and in British English.
export const localeTags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
