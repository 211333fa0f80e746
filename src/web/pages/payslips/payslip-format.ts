import { type Locale, localeTags } from '../../i18n/locales.ts';

// Amounts come from the server in integer cents and rates in percent: shown the way the reader’s language
// writes them (« 2 116,80 € », "€2,116.80"), never computed with here. Months are "YYYY-MM".

const euros = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, signed: boolean): Intl.NumberFormat {
  const key = `${locale}:${signed}`;
  let found = euros.get(key);
  if (!found) {
    found = new Intl.NumberFormat(localeTags[locale], { style: 'currency', currency: 'EUR', signDisplay: signed ? 'exceptZero' : 'auto' });
    euros.set(key, found);
  }
  return found;
}

export const formatMoney = (cents: number, locale: Locale): string => formatter(locale, false).format(cents / 100);

/** A difference: "+12,30 €", "−4,00 €", "0,00 €". */
export const formatMoneyChange = (cents: number, locale: Locale): string => formatter(locale, true).format(cents / 100);

/** "novembre 2026" from "2026-11". */
export function monthName(month: string, locale: Locale): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(localeTags[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, number - 1, 1));
}

export const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** A rate given in percent (11.1 for 11,10 %), with the decimals it has: « 11,1 % », « 85,714 % ». */
export const formatRate = (percent: number, locale: Locale): string =>
  new Intl.NumberFormat(localeTags[locale], { style: 'percent', maximumFractionDigits: 3 }).format(percent / 100);

export const isPayMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
