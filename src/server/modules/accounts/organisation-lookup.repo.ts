import type { Db } from '../../db/connection.ts';

// Where an agent sits and what they do, looked up by the codes and ids HR pages and files carry.

export function findDepartment(db: Db, code: string) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

export function findService(db: Db, departmentId: string, code: string) {
  return db
    .selectFrom('services')
    .select(['id', 'code', 'name'])
    .where('department_id', '=', departmentId)
    .where((eb) => eb.fn('upper', ['code']), '=', code.toUpperCase())
    .executeTakeFirst();
}

export function findUnit(db: Db, unitId: string) {
  return db.selectFrom('units').select(['id', 'name', 'service_id']).where('id', '=', unitId).executeTakeFirst();
}

export function findSite(db: Db, siteId: string) {
  return db.selectFrom('sites').select(['id', 'name']).where('id', '=', siteId).executeTakeFirst();
}

export function findJobProfile(db: Db, code: string) {
  return db.selectFrom('job_profiles').select(['id', 'code', 'name']).where('code', '=', code.toLowerCase()).executeTakeFirst();
}

export function findGrade(db: Db, code: string) {
  return db.selectFrom('grades').select(['id', 'code', 'name']).where('code', '=', code.toLowerCase()).executeTakeFirst();
}

export function findAgentByBadge(db: Db, badgeNumber: string) {
  return db
    .selectFrom('agents')
    .select(['id', 'badge_number', 'first_name', 'last_name', 'department_id', 'status'])
    .where('badge_number', '=', badgeNumber)
    .executeTakeFirst();
}

// The small reference tables at once (a file of 5,000 lines names them over and over).
export async function loadCatalogue(db: Db) {
  const [departments, services, jobProfiles, grades] = await Promise.all([
    db.selectFrom('departments').select(['id', 'code', 'name']).orderBy('code').execute(),
    db.selectFrom('services').select(['id', 'department_id', 'code', 'name']).orderBy('code').execute(),
    db.selectFrom('job_profiles').select(['id', 'code', 'name']).orderBy('name').execute(),
    db.selectFrom('grades').select(['id', 'code', 'name', 'category']).orderBy('category').orderBy('name').execute(),
  ]);
  return { departments, services, jobProfiles, grades };
}

export async function loadUnitsAndSites(db: Db) {
  const [units, sites] = await Promise.all([
    db.selectFrom('units').select(['id', 'service_id', 'name']).orderBy('name').execute(),
    db.selectFrom('sites').select(['id', 'name', 'city']).orderBy('name').execute(),
  ]);
  return { units, sites };
}
