import type { Db } from '../../db/connection.ts';

export type DepartmentChangeRow = {
  agent_id: string;
  from_department_id: string;
  to_department_id: string;
  to_service_id: string | null;
  to_unit_id: string | null;
  to_manager_id: string | null;
  effective_date: string;
  reason: string;
  requested_by: string | null;
  requested_at: Date;
  applied_at: Date | null;
};

export function insertDepartmentChange(db: Db, row: DepartmentChangeRow) {
  return db.insertInto('department_changes').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findPendingChange(db: Db, agentId: string) {
  return db
    .selectFrom('department_changes as c')
    .innerJoin('departments as d', 'd.id', 'c.to_department_id')
    .leftJoin('services as s', 's.id', 'c.to_service_id')
    .leftJoin('agents as m', 'm.id', 'c.to_manager_id')
    .select([
      'c.id',
      'c.effective_date',
      'c.reason',
      'c.to_department_id',
      'c.to_service_id',
      'c.to_unit_id',
      'c.to_manager_id',
      'd.code as department_code',
      'd.name as department_name',
      's.code as service_code',
      's.name as service_name',
      'm.badge_number as manager_badge_number',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
    ])
    .where('c.agent_id', '=', agentId)
    .where('c.applied_at', 'is', null)
    .where('c.cancelled_at', 'is', null)
    .executeTakeFirst();
}

export function markChangeApplied(db: Db, changeId: string, at: Date) {
  return db.updateTable('department_changes').set({ applied_at: at }).where('id', '=', changeId).execute();
}

export async function cancelPendingChange(db: Db, agentId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('department_changes')
    .set({ cancelled_at: at })
    .where('agent_id', '=', agentId)
    .where('applied_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function dueChanges(db: Db, today: string, limit: number) {
  return db
    .selectFrom('department_changes')
    .select(['id', 'agent_id'])
    .where('applied_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('effective_date', '<=', today)
    .orderBy('effective_date')
    .limit(limit)
    .execute();
}

/**
 * Removes the roles the agent held over the department they leave (the department itself, one of its
 * services or units) and says which, in words; organisation-wide roles stay.
 */
export async function revokeRolesScopedTo(db: Db, agentId: string, departmentId: string): Promise<string[]> {
  const services = db.selectFrom('services').select('id').where('department_id', '=', departmentId);
  const units = db.selectFrom('units').select('id').where('service_id', 'in', services);
  const revoked = await db
    .deleteFrom('role_assignments')
    .where('agent_id', '=', agentId)
    .where((eb) => eb.or([eb('department_id', '=', departmentId), eb('service_id', 'in', services), eb('unit_id', 'in', units)]))
    .returning(['role'])
    .execute();
  return revoked.map((r) => r.role).sort();
}
