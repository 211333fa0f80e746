import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/types.ts';
import type { TrainingFormat, TrainingTheme } from './training.schema.ts';
import { escapeLike } from '../../db/like-pattern.ts';

const courseColumns = ['c.id', 'c.title', 'c.theme', 'c.format', 'c.description', 'c.duration_minutes', 'c.audience'] as const;
export const sessionColumns = ['s.id', 's.course_id', 's.starts_on', 's.ends_on', 's.place', 's.capacity'] as const;

export type CourseRow = { id: string; title: string; theme: string; format: string; description: string; duration_minutes: number; audience: string };
export type SessionRow = { id: string; course_id: string; starts_on: string; ends_on: string; place: string; capacity: number | null };

type WithSession = ExpressionBuilder<Database & { s: Database['training_sessions']; c: Database['training_courses'] }, 's' | 'c'>;

/** Registration is open until a session begins; an e-learning module stays open until its last day. */
export function openOn(eb: WithSession, today: string) {
  return eb.or([eb('s.starts_on', '>', today), eb.and([eb('c.format', '=', 'e_learning'), eb('s.ends_on', '>=', today)])]);
}


export type CatalogueFilter = { words: string[]; theme?: TrainingTheme; format?: TrainingFormat; openOn: string | null };

function filtered(db: Db, f: CatalogueFilter) {
  let query = db.selectFrom('training_courses as c');
  for (const word of f.words) query = query.where(sql<boolean>`c.search_text like '%' || lower(public.f_unaccent(${escapeLike(word)})) || '%'`);
  if (f.theme) query = query.where('c.theme', '=', f.theme);
  if (f.format) query = query.where('c.format', '=', f.format);
  const today = f.openOn;
  if (today) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('training_sessions as s')
          .select('s.id')
          .whereRef('s.course_id', '=', 'c.id')
          .where((eb) => openOn(eb as unknown as WithSession, today)),
      ),
    );
  }
  return query;
}

export function searchCourses(db: Db, f: CatalogueFilter & { limit: number; offset: number }): Promise<CourseRow[]> {
  return filtered(db, f).select(courseColumns).orderBy('c.sort_title').orderBy('c.id').limit(f.limit).offset(f.offset).execute();
}

export async function countCourses(db: Db, f: CatalogueFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findCourse(db: Db, id: string): Promise<CourseRow | undefined> {
  return db.selectFrom('training_courses as c').select(courseColumns).where('c.id', '=', id).executeTakeFirst();
}

/** The sessions of these courses not yet over on `today`, earliest first. */
export function currentSessions(db: Db, courseIds: string[], today: string): Promise<(SessionRow & { open: boolean })[]> {
  if (courseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .select(sessionColumns)
    .select((eb) => openOn(eb as unknown as WithSession, today).$castTo<boolean>().as('open'))
    .where('s.course_id', 'in', courseIds)
    .where('s.ends_on', '>=', today)
    .orderBy('s.starts_on')
    .orderBy('s.id')
    .execute();
}

export async function insertCourse(
  db: Db,
  c: { title: string; theme: string; format: string; description: string; durationMinutes: number; audience: string; at: Date; by: string | null },
): Promise<string> {
  const row = await db
    .insertInto('training_courses')
    .values({ title: c.title, theme: c.theme, format: c.format, description: c.description, duration_minutes: c.durationMinutes, audience: c.audience, created_at: c.at, created_by: c.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function courseTitleTaken(db: Db, title: string): Promise<boolean> {
  const row = await db.selectFrom('training_courses').select('id').where(sql<boolean>`sort_title = lower(public.f_unaccent(${title}))`).executeTakeFirst();
  return Boolean(row);
}

export async function insertSession(
  db: Db,
  s: { courseId: string; startsOn: string; endsOn: string; place: string; capacity: number | null; at: Date; by: string | null },
): Promise<string> {
  const row = await db
    .insertInto('training_sessions')
    .values({ course_id: s.courseId, starts_on: s.startsOn, ends_on: s.endsOn, place: s.place, capacity: s.capacity, created_at: s.at, created_by: s.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** For HR: sessions not over yet (soonest first), or over (latest first), with their course. */
export function sessionsForHr(db: Db, f: { period: 'upcoming' | 'past'; today: string; limit: number; offset: number }) {
  const query = db
    .selectFrom('training_sessions as s')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .select([...sessionColumns, 'c.title', 'c.format']);
  const ordered =
    f.period === 'upcoming'
      ? query.where('s.ends_on', '>=', f.today).orderBy('s.starts_on').orderBy('c.sort_title')
      : query.where('s.ends_on', '<', f.today).orderBy('s.starts_on', 'desc').orderBy('c.sort_title');
  return ordered.orderBy('s.id').limit(f.limit).offset(f.offset).execute();
}
