import type { Db } from '../../db/connection.ts';

export type InboxScope = {
  /** The actor, and the managers who delegated to them today: their direct reports' requests. */
  managers: readonly string[];
  /** HR perimeter (null: none; 'all': the whole city). */
  hr: null | 'all' | { departmentIds: readonly string[] };
  /** Never one's own request, even through a delegation. */
  exceptAgentId: string;
};

// Driven from the team (agents.manager_id index) rather than from all pending requests: a manager's inbox
// costs a few rows however large the city.
export async function inboxRows(db: Db, scope: InboxScope, limit: number) {
  const managerStep = db
    .selectFrom('agents as a')
    .innerJoin('requests as r', 'r.agent_id', 'a.id')
    .select(['r.id', 'r.kind', 'r.summary', 'r.step', 'r.submitted_at', 'r.answer_due_on', 'a.id as agent_id', 'a.first_name', 'a.last_name', 'a.badge_number', 'a.manager_id'])
    .where('a.manager_id', 'in', scope.managers.length > 0 ? scope.managers : ['00000000-0000-0000-0000-000000000000'])
    .where('r.status', '=', 'pending')
    .where('r.step', '=', 'manager')
    .where('a.id', '<>', scope.exceptAgentId);
  const rows = await managerStep.orderBy('r.submitted_at').limit(limit).execute();
  if (scope.hr === null) return rows;
  let hrStep = db
    .selectFrom('requests as r')
    .innerJoin('agents as a', 'a.id', 'r.agent_id')
    .select(['r.id', 'r.kind', 'r.summary', 'r.step', 'r.submitted_at', 'r.answer_due_on', 'a.id as agent_id', 'a.first_name', 'a.last_name', 'a.badge_number', 'a.manager_id'])
    .where('r.status', '=', 'pending')
    .where('r.step', '=', 'hr')
    .where('a.id', '<>', scope.exceptAgentId);
  if (scope.hr !== 'all') {
    if (scope.hr.departmentIds.length === 0) return rows;
    hrStep = hrStep.where('a.department_id', 'in', scope.hr.departmentIds);
  }
  const hrRows = await hrStep.orderBy('r.submitted_at').limit(limit).execute();
  return [...rows, ...hrRows].sort((a, b) => a.submitted_at.getTime() - b.submitted_at.getTime()).slice(0, limit);
}

export function managerNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('agents').select(['id', 'first_name', 'last_name']).where('id', 'in', ids).execute();
}
