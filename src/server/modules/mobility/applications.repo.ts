import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export const APPLICATION_PAGE_SIZE = 30;

/** The applicant, locked: two submissions at once are checked one after the other. */
export function lockApplicant(db: Db, agentId: string) {
  return db
    .selectFrom('agents')
    .select(['id', 'first_name', 'last_name', 'badge_number', 'department_id', 'manager_id'])
    .where('id', '=', agentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function findByIdempotencyKey(db: Db, agentId: string, key: string) {
  return db.selectFrom('mobility_applications').select(['id', 'offer_id']).where('agent_id', '=', agentId).where('idempotency_key', '=', key).executeTakeFirst();
}

export function currentApplicationTo(db: Db, agentId: string, offerId: string) {
  return db
    .selectFrom('mobility_applications')
    .select(['id', 'stage', 'submitted_at'])
    .where('agent_id', '=', agentId)
    .where('offer_id', '=', offerId)
    .where('stage', '<>', 'withdrawn')
    .executeTakeFirst();
}

export function countForOffer(db: Db, offerId: string) {
  return db
    .selectFrom('mobility_applications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('offer_id', '=', offerId)
    .where('stage', '<>', 'withdrawn')
    .executeTakeFirstOrThrow();
}

export type NewApplication = {
  agent_id: string;
  offer_id: string | null;
  department_id: string;
  cover_letter: string | null;
  cv: Buffer | null;
  cv_name: string | null;
  wished_job: string | null;
  reason: string | null;
  idempotency_key: string;
};

export async function insertApplication(db: Db, values: NewApplication, wishedDepartmentIds: string[], at: Date): Promise<string> {
  const { id } = await db
    .insertInto('mobility_applications')
    .values({ ...values, stage: 'submitted', submitted_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (wishedDepartmentIds.length > 0) {
    await db
      .insertInto('mobility_wished_departments')
      .values(wishedDepartmentIds.map((department_id) => ({ application_id: id, department_id })))
      .execute();
  }
  return id;
}

export type ApplicationEventRow = { applicationId: string; at: Date; actorId: string | null; step: string; outcome?: string | null; onDate?: string | null; comment?: string | null };

export function addEvent(db: Db, e: ApplicationEventRow) {
  return db
    .insertInto('mobility_application_events')
    .values({ application_id: e.applicationId, at: e.at, actor_id: e.actorId, step: e.step, outcome: e.outcome ?? null, on_date: e.onDate ?? null, comment: e.comment ?? null })
    .execute();
}

export function lockApplication(db: Db, id: string) {
  return db
    .selectFrom('mobility_applications as a')
    .innerJoin('agents as ag', 'ag.id', 'a.agent_id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('job_offers as o', 'o.id', 'a.offer_id')
    .select([
      'a.id',
      'a.agent_id',
      'd.code as department_code',
      'a.offer_id',
      'a.department_id',
      'a.stage',
      'a.outcome',
      'a.submitted_at',
      'a.manager_informed_at',
      'ag.first_name',
      'ag.last_name',
      'ag.manager_id',
      'o.title as offer_title',
    ])
    .where('a.id', '=', id)
    .forUpdate('a')
    .executeTakeFirst();
}

export type ApplicationChange = {
  stage: string;
  outcome?: string | null;
  decision_reason?: string | null;
  effective_on?: string | null;
  manager_informed_at?: Date;
};

export function updateApplication(db: Db, id: string, change: ApplicationChange, at: Date) {
  return db
    .updateTable('mobility_applications')
    .set({ ...change, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export function markManagerInformed(db: Db, id: string, at: Date) {
  return db.updateTable('mobility_applications').set({ manager_informed_at: at }).where('id', '=', id).execute();
}

function applicationQuery(db: Db) {
  return db
    .selectFrom('mobility_applications as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('agents as ag', 'ag.id', 'a.agent_id')
    .innerJoin('departments as agd', 'agd.id', 'ag.department_id')
    .leftJoin('job_offers as o', 'o.id', 'a.offer_id')
    .leftJoin('departments as od', 'od.id', 'o.department_id')
    .select([
      'a.id',
      'a.offer_id',
      'a.cover_letter',
      'a.cv_name',
      sql<number | null>`octet_length(a.cv)`.as('cv_size'),
      'a.wished_job',
      'a.reason',
      'a.stage',
      'a.outcome',
      'a.decision_reason',
      'a.effective_on',
      'a.submitted_at',
      'd.code as department_code',
      'd.name as department_name',
      'o.title as offer_title',
      'od.code as offer_department_code',
      'od.name as offer_department_name',
      'ag.id as agent_id',
      'ag.first_name',
      'ag.last_name',
      'ag.badge_number',
      'ag.job_title',
      'agd.code as agent_department_code',
      'agd.name as agent_department_name',
    ]);
}

export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationQuery>['execute']>>[number];

export function applicationsOfAgent(db: Db, agentId: string) {
  return applicationQuery(db).where('a.agent_id', '=', agentId).orderBy('a.submitted_at', 'desc').limit(200).execute();
}

export function findApplication(db: Db, id: string) {
  return applicationQuery(db).where('a.id', '=', id).executeTakeFirst();
}

// Still to handle: not decided yet, or accepted without a start date.
const stillOpen = sql<boolean>`(a.stage in ('submitted', 'hr_review', 'interview') or (a.stage = 'decision' and a.outcome = 'accepted'))`;

export async function applicationsOfDepartments(db: Db, f: { departmentIds: string[] | null; state: 'open' | 'closed'; page: number }) {
  if (f.departmentIds && f.departmentIds.length === 0) return { rows: [], total: 0 };
  let query = applicationQuery(db).where(f.state === 'open' ? stillOpen : sql<boolean>`not ${stillOpen}`);
  if (f.departmentIds) query = query.where('a.department_id', 'in', f.departmentIds);
  const [rows, count] = await Promise.all([
    query
      .orderBy('a.submitted_at', f.state === 'open' ? 'asc' : 'desc')
      .orderBy('a.id')
      .limit(APPLICATION_PAGE_SIZE)
      .offset((f.page - 1) * APPLICATION_PAGE_SIZE)
      .execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function eventsOf(db: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mobility_application_events as e')
    .leftJoin('agents as by', 'by.id', 'e.actor_id')
    .select(['e.application_id', 'e.step', 'e.at', 'e.on_date', 'e.outcome', 'e.comment', 'by.first_name', 'by.last_name'])
    .where('e.application_id', 'in', applicationIds)
    .orderBy('e.id')
    .execute();
}

export function wishedDepartmentsOf(db: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mobility_wished_departments as w')
    .innerJoin('departments as d', 'd.id', 'w.department_id')
    .select(['w.application_id', 'd.code', 'd.name'])
    .where('w.application_id', 'in', applicationIds)
    .orderBy('d.code')
    .execute();
}

export function cvOf(db: Db, id: string) {
  return db.selectFrom('mobility_applications').select(['agent_id', 'department_id', 'cv', 'cv_name']).where('id', '=', id).executeTakeFirst();
}

export function hrOfficersOf(db: Db, departmentId: string) {
  return db.selectFrom('role_assignments').select('agent_id').distinct().where('role', '=', 'hr_officer').where('department_id', '=', departmentId).execute();
}
