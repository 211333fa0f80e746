// HR dates (arrival, departure, mobility) are calendar days in Paris: a departure "on the 24th" takes effect
// when the 24th begins in Paris, whatever the server's time zone.

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
const parisClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const longMoment = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The calendar date in Paris, YYYY-MM-DD: at 00:30 on 1 March in Paris it is 1 March, not 28 February. */
export function parisDate(at: Date): string {
  return isoDay.format(at);
}

/** The instant a Paris calendar day begins (23:00 or 22:00 UTC the day before). */
export function parisMidnight(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (const hours of [1, 2, 0]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (parisDate(candidate) === date && parisClock.format(candidate) === '00:00') return candidate;
  }
  return new Date(utcMidnight);
}

/** "24 novembre 2026" (and "1er décembre"), for letters and messages. */
export function frenchDate(date: string): string {
  return longDay.format(new Date(`${date}T00:00:00Z`)).replace(/^1 /, '1er ');
}

/** "26 novembre 2026 à 10:00", Paris time. */
export function frenchMoment(at: Date): string {
  return longMoment.format(at);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
