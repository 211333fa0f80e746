const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const longMoment = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

/** "1er décembre 2026", for a calendar date (YYYY-MM-DD). */
export function frenchDay(date: string): string {
  return longDay.format(new Date(`${date}T00:00:00Z`)).replace(/^1 /, '1er ');
}

/** "26 novembre 2026 à 10:00", Paris time. */
export function frenchMoment(at: Date): string {
  return longMoment.format(at);
}
