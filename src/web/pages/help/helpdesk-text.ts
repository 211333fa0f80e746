import { helpdeskEn } from '../../i18n/helpdesk.en.ts';
import { type HelpdeskDictionary, helpdeskFr } from '../../i18n/helpdesk.fr.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const dictionaries = { fr: helpdeskFr, en: helpdeskEn };

/** The helpdesk's strings in the page's language. */
export function useHelpdeskText(): HelpdeskDictionary {
  return dictionaries[useI18n().locale];
}
