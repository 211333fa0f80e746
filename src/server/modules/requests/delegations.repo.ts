import type { Db } from '../../db/connection.ts';

/** Managers who have delegated their approvals to this agent for the day `today`. */
export async function delegatingManagers(db: Db, delegateId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('approval_delegations')
    .select('manager_id')
    .where('delegate_id', '=', delegateId)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.manager_id);
}

/** Who stands in for this manager on `today` (usually nobody, sometimes one person). */
export async function activeDelegates(db: Db, managerId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('approval_delegations')
    .select('delegate_id')
    .where('manager_id', '=', managerId)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.delegate_id);
}

export async function insertDelegation(db: Db, d: { managerId: string; delegateId: string; startsOn: string; endsOn: string; at: Date }): Promise<string> {
  const row = await db
    .insertInto('approval_delegations')
    .values({ manager_id: d.managerId, delegate_id: d.delegateId, starts_on: d.startsOn, ends_on: d.endsOn, created_at: d.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function endDelegation(db: Db, id: string, managerId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('approval_delegations')
    .set({ ended_at: at })
    .where('id', '=', id)
    .where('manager_id', '=', managerId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Delegations given or received that are not over (ended or past). */
export function currentDelegations(db: Db, agentId: string, today: string) {
  return db
    .selectFrom('approval_delegations as d')
    .innerJoin('agents as m', 'm.id', 'd.manager_id')
    .innerJoin('agents as g', 'g.id', 'd.delegate_id')
    .select([
      'd.id',
      'd.manager_id',
      'd.delegate_id',
      'd.starts_on',
      'd.ends_on',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
      'g.first_name as delegate_first_name',
      'g.last_name as delegate_last_name',
      'g.badge_number as delegate_badge_number',
    ])
    .where((eb) => eb.or([eb('d.manager_id', '=', agentId), eb('d.delegate_id', '=', agentId)]))
    .where('d.ended_at', 'is', null)
    .where('d.ends_on', '>=', today)
    .orderBy('d.starts_on')
    .execute();
}
