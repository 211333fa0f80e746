import { applicationsEn } from '../../i18n/applications.en.ts';
import { type ApplicationsDictionary, applicationsFr } from '../../i18n/applications.fr.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const dictionaries = { fr: applicationsFr, en: applicationsEn };

/** The catalogue's and the registry's strings in the page's language. */
export function useApplicationsText(): ApplicationsDictionary {
  return dictionaries[useI18n().locale];
}
