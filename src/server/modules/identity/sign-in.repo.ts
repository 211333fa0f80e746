import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export type Identifier = { badgeNumber: string } | { email: string };

export function findAccountByIdentifier(db: Db, identifier: Identifier) {
  let query = db
    .selectFrom('agents as a')
    .innerJoin('accounts as c', 'c.agent_id', 'a.id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .select([
      'a.id as agentId',
      'a.badge_number as badgeNumber',
      'a.email',
      'a.first_name as firstName',
      'a.last_name as lastName',
      'a.status',
      'd.enhanced_auth_outside as enhancedAuthOutside',
      'd.enhanced_auth_inside as enhancedAuthInside',
      'c.password_hash as passwordHash',
      'c.password_temporary as passwordTemporary',
      'c.password_changed_at as passwordChangedAt',
      'c.password_change_required as passwordChangeRequired',
      'c.failed_attempts as failedAttempts',
      'c.locked_until as lockedUntil',
    ]);
  query = 'badgeNumber' in identifier ? query.where('a.badge_number', '=', identifier.badgeNumber) : query.where('a.email', '=', identifier.email);
  return query.executeTakeFirst();
}

export type SignInAccount = NonNullable<Awaited<ReturnType<typeof findAccountByIdentifier>>>;

export function findAccountByAgentId(db: Db, agentId: string) {
  return db
    .selectFrom('agents as a')
    .innerJoin('accounts as c', 'c.agent_id', 'a.id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .select([
      'a.id as agentId',
      'a.badge_number as badgeNumber',
      'a.email',
      'a.first_name as firstName',
      'a.last_name as lastName',
      'a.status',
      'd.enhanced_auth_outside as enhancedAuthOutside',
      'd.enhanced_auth_inside as enhancedAuthInside',
      'c.password_hash as passwordHash',
      'c.password_temporary as passwordTemporary',
      'c.password_changed_at as passwordChangedAt',
      'c.password_change_required as passwordChangeRequired',
      'c.failed_attempts as failedAttempts',
      'c.locked_until as lockedUntil',
    ])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
}

// Counts a failure and locks the account when the threshold is reached; a lock that has run out
// starts the count again.
export async function registerPasswordFailure(
  db: Db,
  agentId: string,
  now: Date,
  threshold: number,
  lockoutMs: number,
): Promise<{ failedAttempts: number; lockedNow: boolean }> {
  const row = await db
    .updateTable('accounts')
    .set({
      failed_attempts: sql`case when locked_until is not null and locked_until <= ${now} then 1 else failed_attempts + 1 end`,
    })
    .where('agent_id', '=', agentId)
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirstOrThrow();
  const alreadyLocked = row.locked_until !== null && row.locked_until > now;
  if (!alreadyLocked && row.failed_attempts >= threshold) {
    await db
      .updateTable('accounts')
      .set({ locked_until: new Date(now.getTime() + lockoutMs) })
      .where('agent_id', '=', agentId)
      .execute();
    return { failedAttempts: row.failed_attempts, lockedNow: true };
  }
  return { failedAttempts: row.failed_attempts, lockedNow: false };
}

export async function clearFailures(db: Db, agentId: string): Promise<void> {
  await db.updateTable('accounts').set({ failed_attempts: 0, locked_until: null }).where('agent_id', '=', agentId).execute();
}

export async function updatePasswordHash(db: Db, agentId: string, passwordHash: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash }).where('agent_id', '=', agentId).execute();
}

export function rolesOf(db: Db, agentId: string) {
  return db
    .selectFrom('role_assignments as r')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.role', 'd.code as departmentCode'])
    .where('r.agent_id', '=', agentId)
    .orderBy('r.role')
    .execute();
}

export async function secondFactorSummary(db: Db, agentId: string): Promise<{ kinds: string[]; recoveryCodesLeft: number }> {
  const factors = await db
    .selectFrom('second_factors')
    .select('kind')
    .distinct()
    .where('agent_id', '=', agentId)
    .where('confirmed_at', 'is not', null)
    .execute();
  const codes = await db
    .selectFrom('recovery_codes')
    .select(({ fn }) => fn.countAll<number>().as('left'))
    .where('agent_id', '=', agentId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { kinds: factors.map((f) => f.kind).sort(), recoveryCodesLeft: Number(codes.left) };
}

export async function rememberDevice(db: Db, agentId: string, deviceHash: string, now: Date): Promise<boolean> {
  const existing = await db
    .updateTable('known_devices')
    .set({ last_seen_at: now })
    .where('agent_id', '=', agentId)
    .where('device_hash', '=', deviceHash)
    .executeTakeFirst();
  if (Number(existing.numUpdatedRows) > 0) return false;
  await db
    .insertInto('known_devices')
    .values({ agent_id: agentId, device_hash: deviceHash, first_seen_at: now, last_seen_at: now })
    .onConflict((oc) => oc.columns(['agent_id', 'device_hash']).doNothing())
    .execute();
  return true;
}
