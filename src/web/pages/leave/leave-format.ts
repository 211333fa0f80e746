import { formatHalfDaysAsDays } from '../../../server/modules/leave/rules/half-days.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { localeTags } from '../../i18n/locales.ts';
import type { LeaveDictionary } from '../../i18n/requests/leave.fr.ts';

type Period = { startDate: string; startsIn: 'morning' | 'afternoon'; endDate: string; endsAt: 'noon' | 'evening' };

/** "4 jours", "0,5 jour", "-1 day": balances are kept in half-days. */
export function daysText(halfDays: number, locale: Locale, text: LeaveDictionary): string {
  return text.days(formatHalfDaysAsDays(halfDays, localeTags[locale]), halfDays);
}

/** "1 décembre 2026 (matin)", "du 1 décembre 2026 (après-midi) au 3 décembre 2026 (midi)". */
export function periodText(p: Period, locale: Locale, text: LeaveDictionary): string {
  const words = text.period;
  const end = formatDate(p.endDate, locale);
  if (p.startDate === p.endDate) {
    if (p.startsIn === 'afternoon') return `${end} (${words.afternoon})`;
    return p.endsAt === 'noon' ? `${end} (${words.morning})` : end;
  }
  const from = `${formatDate(p.startDate, locale)}${p.startsIn === 'afternoon' ? ` (${words.afternoon})` : ''}`;
  return words.between(from, `${end}${p.endsAt === 'noon' ? ` (${words.noon})` : ''}`);
}

/** "2,5" typed by a person (comma or point, a leading minus) in half-days; undefined when it is not one. */
export function halfDaysFromInput(value: string): number | undefined {
  const days = Number(value.trim().replace(/\s/g, '').replace(',', '.').replace('−', '-'));
  if (!value.trim() || !Number.isFinite(days) || !Number.isInteger(days * 2)) return undefined;
  return days * 2;
}
