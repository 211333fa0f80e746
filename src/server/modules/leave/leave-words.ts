// The French words of leave, for summaries, reasons and messages the agent reads (notifications, ledger).
import { frenchDate } from '../accounts/paris-calendar.ts';
import type { RequestableType } from './leave-config.ts';
import type { LeavePeriod, SpecialAbsenceReason } from './rules/index.ts';

export type AbsenceKind = 'sick_leave' | 'other_absence';

export const LEAVE_TYPE_NAMES: Readonly<Record<RequestableType | AbsenceKind, string>> = {
  annual_leave: 'Congés annuels',
  rtt: 'RTT',
  cet: 'Congés pris sur le CET',
  special_absence: 'Autorisation spéciale d’absence',
  sick_leave: 'Arrêt maladie',
  other_absence: 'Absence',
};

export const SPECIAL_REASON_NAMES: Readonly<Record<SpecialAbsenceReason, string>> = {
  agent_wedding_or_civil_partnership: 'mariage ou PACS de l’agent',
  death_of_close_relative: 'décès d’un proche',
  serious_illness_of_close_relative: 'maladie grave d’un proche',
  sick_child_care: 'garde d’enfant malade',
  other_with_document: 'autre événement justifié',
};

/** "1 jour", "0,5 jour", "12,5 jours" (French keeps the singular below two). */
export function daysText(halfDays: number): string {
  const days = halfDays / 2;
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(days)} ${Math.abs(days) < 2 ? 'jour' : 'jours'}`;
}

/** "du 2 au 6 mars 2026", "du 30 décembre 2026 (après-midi) au 2 janvier 2027", "le 2 mars 2026 (matin)". */
export function periodText(period: LeavePeriod): string {
  const last = frenchDate(period.endDate);
  if (period.startDate === period.endDate) {
    if (period.startsIn === 'afternoon') return `le ${last} (après-midi)`;
    return period.endsAt === 'noon' ? `le ${last} (matin)` : `le ${last}`;
  }
  const sameYear = period.startDate.slice(0, 4) === period.endDate.slice(0, 4);
  const sameMonth = sameYear && period.startDate.slice(5, 7) === period.endDate.slice(5, 7);
  let first = frenchDate(period.startDate);
  if (sameMonth && period.startsIn === 'morning') first = first.replace(/ \S+ \d{4}$/, '');
  else if (sameYear) first = first.replace(/ \d{4}$/, '');
  return `du ${first}${period.startsIn === 'afternoon' ? ' (après-midi)' : ''} au ${last}${period.endsAt === 'noon' ? ' (midi)' : ''}`;
}

/** « Congés annuels du 2 au 6 mars 2026 (5 jours) »: the request's one line in the inbox and notifications. */
export function leaveSummary(type: RequestableType, period: LeavePeriod, halfDays: number): string {
  return `${LEAVE_TYPE_NAMES[type]} ${periodText(period)} (${daysText(halfDays)})`;
}
