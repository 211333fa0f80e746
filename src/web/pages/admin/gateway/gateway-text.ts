import { gatewayEn } from '../../../i18n/gateway.en.ts';
import { type GatewayDictionary, gatewayFr } from '../../../i18n/gateway.fr.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

const dictionaries = { fr: gatewayFr, en: gatewayEn };

/** The gateway's strings (administration page, step-up page) in the page's language. */
export function useGatewayText(): GatewayDictionary {
  return dictionaries[useI18n().locale];
}
