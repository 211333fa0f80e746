import type { Db } from '../../db/connection.ts';
import type { Actor, RoleAssignment, TargetAgent } from './access.policy.ts';

export async function loadActor(db: Db, agentId: string): Promise<Actor | undefined> {
  const agent = await db.selectFrom('agents').select(['id', 'department_id']).where('id', '=', agentId).executeTakeFirst();
  if (!agent) return undefined;
  const roles = await db
    .selectFrom('role_assignments as r')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.role', 'r.department_id as departmentId', 'd.code as departmentCode', 'r.service_id as serviceId', 'r.unit_id as unitId'])
    .where('r.agent_id', '=', agentId)
    .execute();
  return { agentId: agent.id, departmentId: agent.department_id, roles: roles as RoleAssignment[] };
}

export async function loadTargetAgent(db: Db, where: { agentId: string } | { badgeNumber: string }): Promise<TargetAgent | undefined> {
  let query = db.selectFrom('agents').select(['id', 'department_id', 'service_id', 'unit_id', 'manager_id']);
  query = 'agentId' in where ? query.where('id', '=', where.agentId) : query.where('badge_number', '=', where.badgeNumber);
  const row = await query.executeTakeFirst();
  return row
    ? { agentId: row.id, departmentId: row.department_id, serviceId: row.service_id, unitId: row.unit_id, managerId: row.manager_id }
    : undefined;
}
