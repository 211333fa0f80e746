import type { RegistrationStatus, TrainingFormat, TrainingTheme } from '../../../server/modules/training/training.schema.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { TrainingDictionary } from '../../i18n/requests/training.fr.ts';

export { duration } from '../../../server/modules/training/training-words.ts';

// The lists come from the dictionary, not from the zod schemas: zod compiles code at run time, which the
// page's Content-Security-Policy forbids.
export const themeOptions = (text: TrainingDictionary) => (Object.keys(text.themes) as TrainingTheme[]).map((value) => ({ value, label: text.themes[value] }));
export const formatOptions = (text: TrainingDictionary) => (Object.keys(text.formats) as TrainingFormat[]).map((value) => ({ value, label: text.formats[value] }));

/** "du 12 janvier 2027 au 13 janvier 2027", or "le 12 janvier 2027" for a single day. */
export function sessionDates(session: { startsOn: string; endsOn: string }, locale: Locale, text: TrainingDictionary): string {
  const from = formatDate(`${session.startsOn}T12:00:00Z`, locale);
  return session.endsOn === session.startsOn ? text.dates(from, null) : text.dates(from, formatDate(`${session.endsOn}T12:00:00Z`, locale));
}

/** Where the agent stands, the waiting list with their place in line. */
export function statusLabel(place: { status: RegistrationStatus; waitingPosition: number | null }, text: TrainingDictionary): string {
  return place.status === 'waiting' && place.waitingPosition ? text.waitingPosition(place.waitingPosition) : text.statuses[place.status];
}

const tones: Record<RegistrationStatus, string> = {
  pending: 'pending',
  registered: 'active',
  attended: 'active',
  waiting: 'suspended',
  absent: 'departed',
  refused: 'departed',
  withdrawn: 'departed',
  cancelled: 'departed',
};

export function statusTagClass(status: RegistrationStatus): string {
  return `status-tag status-tag--${tones[status]}`;
}

/** The seats of a session as the agent reads them: left, full (waiting list), or no limit. */
export function seatsText(session: { capacity: number | null; seatsLeft: number | null; waiting?: number }, text: TrainingDictionary): string {
  if (session.capacity === null || session.seatsLeft === null) return text.seats.unlimited;
  return session.seatsLeft > 0 ? text.seats.left(session.seatsLeft, session.capacity) : text.seats.full(session.waiting ?? 0);
}
