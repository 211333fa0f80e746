import { frenchDate } from '../accounts/paris-calendar.ts';
import type { TrainingFormat, TrainingTheme } from './training.schema.ts';

// The French words the server writes itself: request summaries, notifications and the certificate.

export const themeLabels: Record<TrainingTheme, string> = {
  reception: 'Accueil et relation aux usagers',
  health_safety: 'Santé, sécurité et prévention',
  digital: 'Bureautique et numérique',
  management: 'Management et encadrement',
  public_law: 'Fonction publique, droit et éthique',
  trade_skills: 'Métiers et techniques',
};

export const formatLabels: Record<TrainingFormat, string> = {
  e_learning: 'formation en ligne (e-learning)',
  in_person: 'en présentiel',
  webinar: 'classe virtuelle (webinaire)',
};

/** "le 12 janvier 2027", "du 12 au 13 janvier 2027", "du 30 janvier au 2 février 2027". */
export function sessionDates(startsOn: string, endsOn: string): string {
  if (startsOn === endsOn) return `le ${frenchDate(startsOn)}`;
  const [start, end] = [frenchDate(startsOn), frenchDate(endsOn)];
  const sameYear = startsOn.slice(0, 4) === endsOn.slice(0, 4);
  const sameMonth = sameYear && startsOn.slice(0, 7) === endsOn.slice(0, 7);
  const from = sameMonth ? start.split(' ')[0] : sameYear ? start.replace(/ \d{4}$/, '') : start;
  return `du ${from} au ${end}`;
}

/** "7 h", "1 h 30", "30 min". */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h`;
}
