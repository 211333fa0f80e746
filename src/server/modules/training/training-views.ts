import type { Db } from '../../db/connection.ts';
import type { CourseRow, SessionRow } from './catalogue.repo.ts';
import * as registrations from './registrations.repo.ts';
import { seatsLeft } from './session-rules.ts';
import type { RegistrationStatus, SessionView, TrainingFormat, TrainingTheme } from './training.schema.ts';

export function courseFields(row: CourseRow) {
  return {
    id: row.id,
    title: row.title,
    theme: row.theme as TrainingTheme,
    format: row.format as TrainingFormat,
    durationMinutes: row.duration_minutes,
    audience: row.audience,
    description: row.description,
  };
}

/** Each session with its seats left, its waiting list, and where the reader stands in it. */
export async function sessionViews(db: Db, readerId: string, sessions: (SessionRow & { open: boolean })[]): Promise<SessionView[]> {
  const ids = sessions.map((s) => s.id);
  const [counts, mine, positions] = await Promise.all([
    registrations.countsBySession(db, ids),
    registrations.livePlacesOf(db, readerId, ids),
    registrations.waitingPositions(db, ids),
  ]);
  return sessions.map((s) => {
    const count = counts.get(s.id);
    const place = mine.find((r) => r.session_id === s.id);
    return {
      id: s.id,
      startsOn: s.starts_on,
      endsOn: s.ends_on,
      place: s.place,
      capacity: s.capacity,
      seatsLeft: seatsLeft(s.capacity, registrations.seatsTaken(count)),
      waiting: count?.waiting ?? 0,
      open: s.open,
      mine: place
        ? { registrationId: place.id, requestId: place.request_id, status: place.status as RegistrationStatus, waitingPosition: positions.get(place.id) ?? null }
        : null,
    };
  });
}
