import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/types.ts';

export type Identifier = { badgeNumber: string } | { email: string };

const PRIVILEGED = ['administrator', 'security_officer', 'it_support'];

// Everything a sign-in decision needs, in one round trip: the account, its department's rules, whether a
// privileged role shortens the password's life, and which second factors exist.
function accountQuery(db: Db) {
  return db
    .selectFrom('agents as a')
    .innerJoin('accounts as c', 'c.agent_id', 'a.id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .select((eb) => [
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
      eb
        .exists(eb.selectFrom('role_assignments as r').select('r.id').whereRef('r.agent_id', '=', 'a.id').where('r.role', 'in', PRIVILEGED))
        .as('privileged'),
      sql<string[]>`array(select distinct f.kind from second_factors f where f.agent_id = a.id and f.confirmed_at is not null order by f.kind)`.as('factorKinds'),
      sql<number>`(select count(*) from recovery_codes rc where rc.agent_id = a.id and rc.used_at is null)::int`.as('recoveryCodesLeft'),
    ]);
}

export function findAccountByIdentifier(db: Db, identifier: Identifier) {
  const query = accountQuery(db);
  return ('badgeNumber' in identifier ? query.where('a.badge_number', '=', identifier.badgeNumber) : query.where('a.email', '=', identifier.email)).executeTakeFirst();
}

export type SignInAccount = NonNullable<Awaited<ReturnType<typeof findAccountByIdentifier>>>;

export function findAccountByAgentId(db: Db, agentId: string) {
  return accountQuery(db).where('a.id', '=', agentId).executeTakeFirst();
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

// The writes of a successful sign-in as one statement (atomic without a transaction's extra round trips):
// the history line, the device seen, the new session. Says whether the device was new.
export async function recordSuccessfulSignIn(
  db: Db,
  w: {
    agentId: string;
    at: Date;
    deviceHash: string;
    event: Insertable<Database['connection_events']>;
    session: Insertable<Database['sessions']>;
  },
): Promise<{ newDevice: boolean }> {
  const row = await db
    .with('event', (q) => q.insertInto('connection_events').values(w.event).returning('id'))
    .with('device', (q) =>
      q
        .insertInto('known_devices')
        .values({ agent_id: w.agentId, device_hash: w.deviceHash, first_seen_at: w.at, last_seen_at: w.at })
        .onConflict((oc) => oc.columns(['agent_id', 'device_hash']).doUpdateSet({ last_seen_at: w.at }))
        .returning(sql<boolean>`xmax = 0`.as('inserted')),
    )
    .insertInto('sessions')
    .values(w.session)
    .returning((eb) => [eb.selectFrom('device').select('inserted').as('newDevice'), eb.selectFrom('event').select('id').as('eventId')])
    .executeTakeFirstOrThrow();
  return { newDevice: row.newDevice === true };
}
