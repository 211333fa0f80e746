import type { Db } from '../../db/connection.ts';
import { addDays, parisDate, parisMidnight } from '../accounts/paris-calendar.ts';
import * as catalogue from './catalogue.repo.ts';
import { type DemoSession, demoCourses } from './demo-training.catalogue.ts';
import { requestSummary } from './registration.service.ts';

const LEA = '1000001';
const NATHALIE = '1000003';
const DAY_MS = 86_400_000;
// Léa attended the first session of this course, and is registered to the next session of that one.
const LEA_ATTENDED = 'Accueil du public et situations difficiles';
const LEA_REGISTERED = 'Laïcité et fonction publique';

type Agent = { id: string; manager_id: string | null };

/** 1 for Monday … 7 for Sunday. */
function weekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

// A session in a room is held Monday to Friday: its first day moves on until the whole of it fits in a week.
function sessionStart(today: string, session: DemoSession, format: string): string {
  let start = addDays(today, session.inDays);
  if (format === 'e_learning') return start;
  while (weekday(start) + Math.min(session.days, 5) - 1 > 5) start = addDays(start, 1);
  return start;
}

// The training catalogue of the demo: ~15 courses of a French city, sessions over the coming months (one
// nearly full), colleagues registered; Léa Moreau registered to one session and with one attended. Runs
// once: a catalogue already there is left as it is.
export async function seedDemoTraining(db: Db, now: Date): Promise<{ courses: number; sessions: number; registrations: number }> {
  const existing = await db.selectFrom('training_courses').select('id').limit(1).executeTakeFirst();
  if (existing) return { courses: 0, sessions: 0, registrations: 0 };
  const today = parisDate(now);
  const byBadge = async (badge: string) => db.selectFrom('agents').select(['id', 'manager_id']).where('badge_number', '=', badge).executeTakeFirst();
  const lea = await byBadge(LEA);
  const hr = await byBadge(NATHALIE);
  // Colleagues with a manager to approve them, never the demo personas (their pages must stay as described).
  const colleagues: Agent[] = await db
    .selectFrom('agents')
    .select(['id', 'manager_id'])
    .where('manager_id', 'is not', null)
    .where('status', '=', 'active')
    .where('badge_number', 'not like', '100000_')
    .orderBy('badge_number')
    .limit(40)
    .execute();
  let sessions = 0;
  let registrations = 0;

  await db.transaction().execute(async (trx) => {
    for (const course of demoCourses) {
      const courseId = await catalogue.insertCourse(trx, { ...course, at: new Date(now.getTime() - 120 * DAY_MS), by: hr?.id ?? null });
      for (const [index, session] of course.sessions.entries()) {
        const startsOn = sessionStart(today, session, course.format);
        const endsOn = addDays(startsOn, session.days - 1);
        const sessionId = await catalogue.insertSession(trx, { courseId, startsOn, endsOn, place: session.place, capacity: session.capacity, at: new Date(now.getTime() - 90 * DAY_MS), by: hr?.id ?? null });
        sessions += 1;
        const held = endsOn < today;
        const words = { title: course.title, starts_on: startsOn, ends_on: endsOn, format: course.format, place: session.place };
        // Asked a month before a session already held (attendance recorded the evening of its last day), or
        // over the last ten days for the others.
        const askedFrom = held ? parisMidnight(addDays(startsOn, -30)).getTime() : now.getTime() - 10 * DAY_MS;
        const register = async (agent: Agent, order: number) => {
          const at = new Date(askedFrom + order * 3_600_000);
          const recordedAt = held ? new Date(parisMidnight(endsOn).getTime() + 17 * 3_600_000) : null;
          await registerApproved(trx, { agent, sessionId, summary: requestSummary(words, null), key: `demo-training-${sessions}-${order}`, at, recordedAt, hrId: hr?.id ?? null });
          registrations += 1;
        };
        const taken = Math.min(session.taken ?? 0, colleagues.length);
        for (let i = 0; i < taken; i += 1) await register(colleagues[(i + sessions * 3) % colleagues.length]!, i);
        if (lea && index === 0 && (course.title === LEA_ATTENDED || course.title === LEA_REGISTERED)) await register(lea, taken);
      }
    }
  });
  return { courses: demoCourses.length, sessions, registrations };
}

// An approved request with its two dated steps, and the seat it gave; present once the session is held.
async function registerApproved(
  trx: Db,
  r: { agent: Agent; sessionId: string; summary: string; key: string; at: Date; recordedAt: Date | null; hrId: string | null },
): Promise<void> {
  const decidedAt = new Date(r.at.getTime() + DAY_MS);
  const request = await trx
    .insertInto('requests')
    .values({ agent_id: r.agent.id, kind: 'training', summary: r.summary, status: 'approved', step: null, submitted_at: r.at, decided_at: decidedAt, decided_by: r.agent.manager_id, idempotency_key: r.key })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('request_events')
    .values([
      { request_id: request.id, at: r.at, actor_id: r.agent.id, action: 'submitted', comment: null },
      { request_id: request.id, at: decidedAt, actor_id: r.agent.manager_id, action: 'approved', comment: null },
    ])
    .execute();
  await trx
    .insertInto('training_registrations')
    .values({
      session_id: r.sessionId,
      agent_id: r.agent.id,
      request_id: request.id,
      status: r.recordedAt ? 'attended' : 'registered',
      requested_at: r.at,
      attendance_recorded_at: r.recordedAt,
      attendance_recorded_by: r.recordedAt ? r.hrId : null,
    })
    .execute();
}
