import type { AppContext } from '../../app-context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { addDays, parisDate } from '../accounts/paris-calendar.ts';
import { type Actor, assertAllowed } from '../access/index.ts';
import * as catalogue from './catalogue.repo.ts';
import * as registrations from './registrations.repo.ts';
import { seatsLeft } from './session-rules.ts';
import { courseFields, sessionViews } from './training-views.ts';
import type { CataloguePage, CatalogueQuery, CourseDetail, NewCourseBody, NewSessionBody } from './training.schema.ts';

const MAX_WORDS = 8;
/** A session lasts at most a year (an e-learning module's period of access). */
const MAX_SESSION_DAYS = 366;

export async function searchCatalogue(ctx: AppContext, query: CatalogueQuery): Promise<CataloguePage> {
  const today = parisDate(ctx.clock.now());
  const filter = {
    words: (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS),
    theme: query.theme,
    format: query.format,
    openOn: query.upcoming === 'true' ? today : null,
  };
  const [rows, total] = await Promise.all([catalogue.searchCourses(ctx.db, { ...filter, limit: query.limit, offset: query.offset }), catalogue.countCourses(ctx.db, filter)]);
  const sessions = (await catalogue.currentSessions(ctx.db, rows.map((r) => r.id), today)).filter((s) => s.open);
  const counts = await registrations.countsBySession(ctx.db, sessions.map((s) => s.id));
  return {
    total,
    items: rows.map((row) => {
      const open = sessions.filter((s) => s.course_id === row.id);
      const next = open[0];
      return {
        ...courseFields(row),
        nextSession: next
          ? { startsOn: next.starts_on, endsOn: next.ends_on, place: next.place, capacity: next.capacity, seatsLeft: seatsLeft(next.capacity, registrations.seatsTaken(counts.get(next.id))) }
          : null,
        openSessions: open.length,
      };
    }),
  };
}

/** A course with its sessions not yet over, and where the reader stands in each. */
export async function courseDetail(ctx: AppContext, readerId: string, courseId: string): Promise<CourseDetail> {
  const course = await catalogue.findCourse(ctx.db, courseId);
  if (!course) throw new AppError('not_found', 'Aucun stage correspondant.');
  const sessions = await catalogue.currentSessions(ctx.db, [course.id], parisDate(ctx.clock.now()));
  return { ...courseFields(course), sessions: await sessionViews(ctx.db, readerId, sessions) };
}

export async function createCourse(ctx: AppContext, actor: Actor, body: NewCourseBody): Promise<CourseDetail> {
  assertAllowed(actor, 'training.manage');
  const taken = () => new AppError('validation_failed', 'Ce stage existe déjà.', { errors: [{ field: 'title', rule: 'training_title_taken', message: 'un stage porte déjà ce titre' }] });
  if (await catalogue.courseTitleTaken(ctx.db, body.title)) throw taken();
  let id: string;
  try {
    id = await catalogue.insertCourse(ctx.db, { ...body, at: ctx.clock.now(), by: actor.agentId });
  } catch (error) {
    // Two HR officers entering the same course at the same moment.
    if ((error as { code?: string }).code === '23505') throw taken();
    throw error;
  }
  return courseDetail(ctx, actor.agentId, id);
}

function sessionProblems(body: NewSessionBody, format: string, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (body.startsOn < today) problems.push({ field: 'startsOn', rule: 'training_session_past', message: 'la session ne peut pas commencer dans le passé' });
  if (body.endsOn < body.startsOn) problems.push({ field: 'endsOn', rule: 'training_session_order', message: 'la fin précède le début' });
  else if (body.endsOn > addDays(body.startsOn, MAX_SESSION_DAYS - 1)) problems.push({ field: 'endsOn', rule: 'training_session_too_long', message: 'une session dure au plus un an' });
  const capacity = body.capacity ?? null;
  if (format === 'e_learning' && capacity !== null) problems.push({ field: 'capacity', rule: 'training_capacity_e_learning', message: 'pas de limite de places en e-learning : laissez ce champ vide' });
  if (format !== 'e_learning' && capacity === null) problems.push({ field: 'capacity', rule: 'training_capacity_required', message: 'indiquez le nombre de places' });
  return problems;
}

export async function createSession(ctx: AppContext, actor: Actor, courseId: string, body: NewSessionBody): Promise<CourseDetail> {
  assertAllowed(actor, 'training.manage');
  const course = await catalogue.findCourse(ctx.db, courseId);
  if (!course) throw new AppError('not_found', 'Aucun stage correspondant.');
  const problems = sessionProblems(body, course.format, parisDate(ctx.clock.now()));
  if (problems.length > 0) throw new AppError('validation_failed', 'Session invalide.', { errors: problems });
  await catalogue.insertSession(ctx.db, { courseId, ...body, capacity: body.capacity ?? null, at: ctx.clock.now(), by: actor.agentId });
  return courseDetail(ctx, actor.agentId, courseId);
}
