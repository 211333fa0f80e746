// Leave is counted in half-days, stored as integers (2 = one day) so that balances never drift through
// floating point; these helpers convert for display and for rules the law writes in days.

export type HalfDayStart = 'morning' | 'afternoon';
export type HalfDayEnd = 'noon' | 'evening';

export function daysToHalfDays(days: number): number {
  return Math.round(days * 2);
}

export function halfDaysToDays(halfDays: number): number {
  return halfDays / 2;
}

/** "12,5" in French, "12.5" in English, "3" rather than "3,0": the unit word comes from the dictionary. */
export function formatHalfDaysAsDays(halfDays: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(halfDays / 2);
}

/** Rounds up to the half-day: HR never gives an agent less than the exact share (see prorate rules). */
export function ceilDivide(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  return quotient * denominator < numerator ? quotient + 1 : quotient;
}
