import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { escapeLike } from '../../db/like-pattern.ts';

const searchText = sql`a.search_text`;

function entryQuery(db: Db) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('sites as st', 'st.id', 'a.site_id')
    .leftJoin('agents as m', 'm.id', 'a.manager_id')
    .select([
      'a.id',
      'a.first_name',
      'a.last_name',
      'a.job_title',
      'a.email',
      'a.professional_phone',
      'd.code as department_code',
      'd.name as department_name',
      's.id as service_id',
      's.name as service_name',
      'u.id as unit_id',
      'u.name as unit_name',
      'st.name as site_name',
      'st.address as site_address',
      'st.postal_code as site_postal_code',
      'st.city as site_city',
      'm.id as manager_id',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
      'm.job_title as manager_job_title',
    ])
    // Colleagues who have left, or not arrived yet, are not in the directory.
    .where('a.status', 'in', ['active', 'suspended']);
}

export type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['execute']>>[number];

export function searchEntries(db: Db, f: { words: string[]; departmentCode?: string; serviceId?: string; limit: number; offset: number }) {
  let query = entryQuery(db);
  for (const word of f.words) query = query.where(sql<boolean>`${searchText} like '%' || lower(f_unaccent(${escapeLike(word)})) || '%'`);
  if (f.departmentCode) query = query.where('d.code', '=', f.departmentCode);
  if (f.serviceId) query = query.where('a.service_id', '=', f.serviceId);
  // Alphabetical order, as in a printed directory: the name index then stops at the first page of matches.
  return query.orderBy('a.sort_name').orderBy('a.id').limit(f.limit).offset(f.offset).execute();
}

export function findEntry(db: Db, agentId: string) {
  return entryQuery(db).where('a.id', '=', agentId).executeTakeFirst();
}

export function findEntries(db: Db, agentIds: string[]) {
  if (agentIds.length === 0) return Promise.resolve([]);
  return entryQuery(db).where('a.id', 'in', agentIds).orderBy('a.last_name').execute();
}

export function directReports(db: Db, managerId: string) {
  return db
    .selectFrom('agents')
    .select(['id', 'first_name', 'last_name', 'job_title'])
    .where('manager_id', '=', managerId)
    .where('status', 'in', ['active', 'suspended'])
    .orderBy('last_name')
    .orderBy('first_name')
    .limit(200)
    .execute();
}

export function hrOfficersOfDepartment(db: Db, departmentId: string) {
  return db
    .selectFrom('role_assignments')
    .select('agent_id')
    .where('role', '=', 'hr_officer')
    .where('department_id', '=', departmentId)
    .execute();
}

export function departmentByCode(db: Db, code: string) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

// Who leads what: managers are the agents to whom others report; per service and unit, with headcounts.
export async function organisationOf(db: Db, departmentId: string) {
  const services = await db
    .selectFrom('services')
    .select(['id', 'code', 'name'])
    .where('department_id', '=', departmentId)
    .orderBy('name')
    .execute();
  const units = await db
    .selectFrom('units as u')
    .innerJoin('services as s', 's.id', 'u.service_id')
    .select(['u.id', 'u.name', 'u.service_id'])
    .where('s.department_id', '=', departmentId)
    .orderBy('u.name')
    .execute();
  const people = await db
    .selectFrom('agents as a')
    .select(['a.id', 'a.first_name', 'a.last_name', 'a.job_title', 'a.service_id', 'a.unit_id', 'a.manager_id'])
    .where('a.department_id', '=', departmentId)
    .where('a.status', 'in', ['active', 'suspended'])
    .execute();
  const managers = await db
    .selectFrom('role_assignments as r')
    .innerJoin('agents as a', 'a.id', 'r.agent_id')
    .select(['r.agent_id', 'r.department_id', 'r.service_id', 'r.unit_id'])
    .where('r.role', '=', 'manager')
    .where('a.department_id', '=', departmentId)
    .where('a.status', 'in', ['active', 'suspended'])
    .execute();
  return { services, units, people, managers };
}

