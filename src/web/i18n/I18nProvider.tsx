import { createContext, type ReactNode, useCallback, useContext, useLayoutEffect, useMemo, useState } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { type AdminDictionary, adminDictionaries } from './admin-dictionaries.ts';
import { dictionaries } from './dictionaries.ts';
import { type PapersDictionary, papersDictionaries } from './papers-dictionaries.ts';
import { type RequestsDictionary, requestsDictionaries } from './requests-dictionaries.ts';
import type { Dictionary } from './fr.ts';
import { readStoredLocale, storeLocale } from './locale-storage.ts';
import { type Locale, localeTags } from './locales.ts';

type I18n = {
  locale: Locale;
  t: Dictionary;
  /** The staff pages' strings (directory, HR, IT support, audit, administration): see admin.fr.ts. */
  admin: AdminDictionary;
  /** The agent's papers and HR's side of them (file, payslips, certificates, card): see papers/. */
  papers: PapersDictionary;
  /** Requests and approvals: the engine's pages and each kind's (leave, telework, mobility, training). */
  requests: RequestsDictionary;
  setLocale(locale: Locale): void;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  // Before paint, so that screen readers never read English text with a French voice.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, t: dictionaries[locale], admin: adminDictionaries[locale], papers: papersDictionaries[locale], requests: requestsDictionaries[locale], setLocale }), [locale, setLocale]);

  return (
    <I18nContext value={value}>
      <AriaI18nProvider locale={localeTags[locale]}>{children}</AriaI18nProvider>
    </I18nContext>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() must be called inside <I18nProvider>');
  return i18n;
}
