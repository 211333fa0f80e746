import { announcementsEn } from '../i18n/announcements.en.ts';
import { type AnnouncementsDictionary, announcementsFr } from '../i18n/announcements.fr.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const dictionaries = { fr: announcementsFr, en: announcementsEn };

/** The announcements', status page's and support contact's strings in the page's language. */
export function useAnnouncementsText(): AnnouncementsDictionary {
  return dictionaries[useI18n().locale];
}
