import type { Random } from './prng.ts';

// The small facts of a demo agent's card: badge number, phone, dates.

/** Unique 7-digit badge numbers; the demo logins' memorable ones (1000001…) are reserved first. */
export function badgeAllocator(random: Random, reserved: readonly string[]) {
  const taken = new Set(reserved);
  return {
    next(): string {
      let badge: string;
      do badge = String(random.int(2_000_000, 9_999_999));
      while (taken.has(badge));
      taken.add(badge);
      return badge;
    },
  };
}

/** Paris administration numbers start with 01 42 76. */
export function phoneNumber(random: Random): string {
  const pair = () => String(random.int(0, 99)).padStart(2, '0');
  return `01 42 76 ${pair()} ${pair()}`;
}

const DAY_MS = 86_400_000;
const FIRST_START = Date.UTC(1988, 8, 1);
const LAST_START = Date.UTC(2026, 9, 30);

export function startDate(random: Random): string {
  return isoDate(FIRST_START + random.int(0, (LAST_START - FIRST_START) / DAY_MS) * DAY_MS);
}

/** Agents whose arrival is recorded but who have not started yet. */
export function pendingStartDate(random: Random): string {
  return random.pick(['2026-12-01', '2027-01-04', '2027-02-01']);
}

/** Agents who left this year: a departure date in 2026, after 1 to 30 years of service. */
export function departedDates(random: Random): { startDate: string; departureDate: string } {
  const departure = Date.UTC(2026, 0, 5) + random.int(0, 300) * DAY_MS;
  return { startDate: isoDate(departure - random.int(365, 30 * 365) * DAY_MS), departureDate: isoDate(departure) };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
