// Pay months are 'YYYY-MM' of the Paris calendar: a payslip belongs to the city's month, not to UTC's.

const parisYearMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });

export const parisMonth = (at: Date): string => parisYearMonth.format(at).slice(0, 7);

/** The `count` months ending with `until`, oldest first. */
export function monthsUntil(until: string, count: number): string[] {
  const [year, month] = until.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
