// When a session takes registrations and cancellations. In person or by webinar, until the day before it
// begins (the trainer prepares for those present); an e-learning module is a period of access, open until
// its last day. The same rule is written in SQL in catalogue.repo.ts (openOn) for searching.

export type SessionDates = { starts_on: string; ends_on: string; format: string };

export function isOpen(session: SessionDates, today: string): boolean {
  return session.starts_on > today || (session.format === 'e_learning' && session.ends_on >= today);
}

/** Attendance is recorded once the session has reached its last day. */
export function attendanceOpen(session: Pick<SessionDates, 'ends_on'>, today: string): boolean {
  return session.ends_on <= today;
}

/** Seats left, never below zero; null when the session has no limit (e-learning). */
export function seatsLeft(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken);
}
