import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { ssoEn } from '../../../i18n/sso.en.ts';
import { type SsoDictionary, ssoFr } from '../../../i18n/sso.fr.ts';

const dictionaries = { fr: ssoFr, en: ssoEn };

/** The single sign-on page's strings in the page's language. */
export function useSsoText(): SsoDictionary {
  return dictionaries[useI18n().locale];
}
