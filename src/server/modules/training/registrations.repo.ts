import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { type SessionRow, sessionColumns } from './catalogue.repo.ts';
import type { RegistrationStatus } from './training.schema.ts';

/** A registration that still means something for the session (not refused, withdrawn or cancelled). */
export const liveStatuses: readonly RegistrationStatus[] = ['pending', 'registered', 'waiting', 'attended', 'absent'];
/** The statuses that hold one of the session's seats. */
export const seatedStatuses: readonly RegistrationStatus[] = ['registered', 'attended', 'absent'];

export type SessionWithCourse = SessionRow & { title: string; format: string; theme: string; duration_minutes: number };

function sessionQuery(db: Db) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .select([...sessionColumns, 'c.title', 'c.format', 'c.theme', 'c.duration_minutes']);
}

export function findSession(db: Db, id: string): Promise<SessionWithCourse | undefined> {
  return sessionQuery(db).where('s.id', '=', id).executeTakeFirst();
}

/** Seats are counted and given under this lock: two approvals at once cannot both take the last seat. */
export function lockSession(db: Db, id: string): Promise<SessionWithCourse | undefined> {
  return sessionQuery(db).where('s.id', '=', id).forUpdate('s').executeTakeFirst();
}

export type RegistrationRow = {
  id: string;
  session_id: string;
  agent_id: string;
  request_id: string;
  status: string;
  comment: string | null;
  requested_at: Date;
};
const registrationColumns = ['r.id', 'r.session_id', 'r.agent_id', 'r.request_id', 'r.status', 'r.comment', 'r.requested_at'] as const;

export function registrationOfRequest(db: Db, requestId: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('training_registrations as r').select(registrationColumns).where('r.request_id', '=', requestId).executeTakeFirst();
}

export function findRegistration(db: Db, id: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('training_registrations as r').select(registrationColumns).where('r.id', '=', id).executeTakeFirst();
}

export async function liveRegistrationOf(db: Db, sessionId: string, agentId: string): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('training_registrations as r')
    .select(registrationColumns)
    .where('r.session_id', '=', sessionId)
    .where('r.agent_id', '=', agentId)
    .where('r.status', 'in', liveStatuses)
    .executeTakeFirst();
}

export async function insertRegistration(db: Db, r: { sessionId: string; agentId: string; requestId: string; comment: string | null; at: Date }): Promise<string> {
  const row = await db
    .insertInto('training_registrations')
    .values({ session_id: r.sessionId, agent_id: r.agentId, request_id: r.requestId, status: 'pending', comment: r.comment, requested_at: r.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setStatus(db: Db, id: string, status: RegistrationStatus, at: Date, recordedBy?: string): Promise<void> {
  await db
    .updateTable('training_registrations')
    .set({
      status,
      waiting_since: status === 'waiting' ? at : null,
      waiting_rank: status === 'waiting' ? sql<number>`nextval('training_waiting_rank_seq')` : null,
      ...(recordedBy ? { attendance_recorded_at: at, attendance_recorded_by: recordedBy } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export type SessionCounts = { registered: number; waiting: number; pending: number; attended: number; absent: number };

/** How many are registered, waiting, awaiting their manager, present and absent, per session. */
export async function countsBySession(db: Db, sessionIds: string[]): Promise<Map<string, SessionCounts>> {
  const counts = new Map<string, SessionCounts>();
  if (sessionIds.length === 0) return counts;
  const rows = await db
    .selectFrom('training_registrations')
    .select(['session_id', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('session_id', 'in', sessionIds)
    .where('status', 'in', liveStatuses)
    .groupBy(['session_id', 'status'])
    .execute();
  for (const row of rows) {
    const found = counts.get(row.session_id) ?? { registered: 0, waiting: 0, pending: 0, attended: 0, absent: 0 };
    found[row.status as keyof SessionCounts] = Number(row.count);
    counts.set(row.session_id, found);
  }
  return counts;
}

export function seatsTaken(counts: SessionCounts | undefined): number {
  return counts ? counts.registered + counts.attended + counts.absent : 0;
}

/** The first agent on the session's waiting list: the earliest approval that found it full. */
export function firstWaiting(db: Db, sessionId: string): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('training_registrations as r')
    .select(registrationColumns)
    .where('r.session_id', '=', sessionId)
    .where('r.status', '=', 'waiting')
    .orderBy('r.waiting_rank')
    .limit(1)
    .executeTakeFirst();
}

/** Each waiting registration of these sessions with its place in line (1 = next to get a seat). */
export async function waitingPositions(db: Db, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_registrations')
    .select(['id', sql<number>`row_number() over (partition by session_id order by waiting_rank)`.as('position')])
    .where('session_id', 'in', sessionIds)
    .where('status', '=', 'waiting')
    .execute();
  return new Map(rows.map((row) => [row.id, Number(row.position)]));
}

export function registrationsOfAgent(db: Db, agentId: string, limit: number) {
  return db
    .selectFrom('training_registrations as r')
    .innerJoin('training_sessions as s', 's.id', 'r.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .select([...registrationColumns, 's.starts_on', 's.ends_on', 's.place', 'c.id as course_id', 'c.title', 'c.format'])
    .where('r.agent_id', '=', agentId)
    .orderBy('s.starts_on', 'desc')
    .orderBy('r.requested_at', 'desc')
    .limit(limit)
    .execute();
}

/** The agent's registrations among these sessions that still count (to show "you are registered"). */
export function livePlacesOf(db: Db, agentId: string, sessionIds: string[]): Promise<RegistrationRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_registrations as r')
    .select(registrationColumns)
    .where('r.agent_id', '=', agentId)
    .where('r.session_id', 'in', sessionIds)
    .where('r.status', 'in', liveStatuses)
    .execute();
}

export function registrantsOf(db: Db, sessionId: string) {
  return db
    .selectFrom('training_registrations as r')
    .innerJoin('agents as a', 'a.id', 'r.agent_id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .select([...registrationColumns, 'a.first_name', 'a.last_name', 'a.badge_number', 'd.code as department_code'])
    .where('r.session_id', '=', sessionId)
    .where('r.status', 'in', liveStatuses)
    .orderBy('a.last_name')
    .orderBy('a.first_name')
    .orderBy('r.id')
    .execute();
}

/** What the attendance certificate states: the agent, the course and the session. */
export function certificateFacts(db: Db, registrationId: string) {
  return db
    .selectFrom('training_registrations as r')
    .innerJoin('training_sessions as s', 's.id', 'r.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .innerJoin('agents as a', 'a.id', 'r.agent_id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .select([
      'r.id',
      'r.agent_id',
      'r.status',
      'r.attendance_recorded_at',
      's.starts_on',
      's.ends_on',
      's.place',
      'c.title',
      'c.theme',
      'c.format',
      'c.duration_minutes',
      'a.first_name',
      'a.last_name',
      'a.badge_number',
      'd.name as department_name',
    ])
    .where('r.id', '=', registrationId)
    .executeTakeFirst();
}
