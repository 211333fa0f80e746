import { faqEn } from '../../i18n/faq.en.ts';
import { type FaqDictionary, faqFr } from '../../i18n/faq.fr.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const dictionaries = { fr: faqFr, en: faqEn };

/** The help centre's and the FAQ editor's strings in the page's language. */
export function useFaqText(): FaqDictionary {
  return dictionaries[useI18n().locale];
}
