// Who a calendar shows, and the minimum staffing a manager sets for their team.
import type { Db } from '../../db/connection.ts';

const memberColumns = ['id', 'first_name', 'last_name'] as const;

/** A manager's team: their direct reports still in service. */
export function directReports(db: Db, managerId: string) {
  return db
    .selectFrom('agents')
    .select(memberColumns)
    .where('manager_id', '=', managerId)
    .where('status', '<>', 'departed')
    .orderBy('last_name')
    .orderBy('first_name')
    .execute();
}

/** An agent's colleagues: their unit, or without one those who share their manager (the agent included). */
export async function colleaguesOf(db: Db, agentId: string) {
  const me = await db.selectFrom('agents').select(['unit_id', 'manager_id']).where('id', '=', agentId).executeTakeFirstOrThrow();
  let query = db.selectFrom('agents').select(memberColumns).where('status', '<>', 'departed');
  if (me.unit_id) query = query.where('unit_id', '=', me.unit_id);
  else if (me.manager_id) query = query.where('manager_id', '=', me.manager_id);
  else query = query.where('id', '=', agentId);
  return query.orderBy('last_name').orderBy('first_name').limit(200).execute();
}

export async function minimumStaffingOf(db: Db, managerId: string): Promise<number | null> {
  const row = await db.selectFrom('team_minimum_staffing').select('minimum').where('manager_id', '=', managerId).executeTakeFirst();
  return row?.minimum ?? null;
}

export async function setMinimumStaffing(db: Db, managerId: string, minimum: number | null, at: Date): Promise<void> {
  if (minimum === null) {
    await db.deleteFrom('team_minimum_staffing').where('manager_id', '=', managerId).execute();
    return;
  }
  await db
    .insertInto('team_minimum_staffing')
    .values({ manager_id: managerId, minimum, updated_at: at })
    .onConflict((oc) => oc.column('manager_id').doUpdateSet({ minimum, updated_at: at }))
    .execute();
}
