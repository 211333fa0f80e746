import type { Db } from '../../db/connection.ts';

export function listDepartments(db: Db) {
  return db.selectFrom('departments').select(['id', 'code', 'name', 'created_at']).orderBy('code').execute();
}

/** The agents present in these departments (departed ones are gone for SCIM). */
export function listMembers(db: Db, departmentIds: string[]) {
  if (departmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agents')
    .select(['id', 'first_name', 'last_name', 'department_id'])
    .where('department_id', 'in', departmentIds)
    .where('status', '!=', 'departed')
    .orderBy('badge_number')
    .execute();
}
