const DAY_MS = 86_400_000;

/** A week or less to answer, or already late: the deadline is shown as a warning. */
export const NEAR_DEADLINE_DAYS = 7;

/** Whole days from `today` to `dueOn` (both YYYY-MM-DD, days in Paris): negative once the date has passed. */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}
