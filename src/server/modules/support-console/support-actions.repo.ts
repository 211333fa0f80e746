import type { Db } from '../../db/connection.ts';
import type { ClientInfo } from '../../http/client.ts';

// Writes of the support console, each called inside the transaction that also records the audit entry.

export function findTargetForAction(db: Db, agentId: string) {
  return db
    .selectFrom('agents as a')
    .leftJoin('accounts as c', 'c.agent_id', 'a.id')
    .leftJoin('agents as m', 'm.id', 'a.manager_id')
    .select([
      'a.id as agentId',
      'a.badge_number as badgeNumber',
      'a.first_name as firstName',
      'a.last_name as lastName',
      'a.email',
      'a.status',
      'a.department_id as departmentId',
      'c.agent_id as accountAgentId',
      'c.failed_attempts as failedAttempts',
      'c.locked_until as lockedUntil',
      'm.badge_number as managerBadgeNumber',
      'm.first_name as managerFirstName',
      'm.last_name as managerLastName',
      'm.email as managerEmail',
      'm.status as managerStatus',
    ])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
}

export type ActionTarget = NonNullable<Awaited<ReturnType<typeof findTargetForAction>>>;

/** Locks the account row for the rest of the transaction, so that two support agents do not act at once. */
export async function lockAccountRow(db: Db, agentId: string): Promise<void> {
  await db.selectFrom('accounts').select('agent_id').where('agent_id', '=', agentId).forUpdate().execute();
}

export async function clearLockout(db: Db, agentId: string): Promise<void> {
  await db.updateTable('accounts').set({ failed_attempts: 0, locked_until: null }).where('agent_id', '=', agentId).execute();
}

/**
 * Sets a temporary password (creating the sign-in if HR's agent had none yet) and lifts any lockout: the
 * agent who calls after too many failures must be able to use what they were just given.
 */
export async function setTemporaryPassword(db: Db, agentId: string, passwordHash: string, at: Date): Promise<void> {
  const values = { password_hash: passwordHash, password_temporary: true, password_changed_at: at, failed_attempts: 0, locked_until: null };
  await db
    .insertInto('accounts')
    .values({ agent_id: agentId, ...values })
    .onConflict((c) => c.column('agent_id').doUpdateSet(values))
    .execute();
}

export async function deleteSecondFactors(db: Db, agentId: string): Promise<{ factors: number; unusedRecoveryCodes: number }> {
  const factors = await db.deleteFrom('second_factors').where('agent_id', '=', agentId).executeTakeFirst();
  const codes = await db.deleteFrom('recovery_codes').where('agent_id', '=', agentId).returning('used_at').execute();
  // SMS codes already sent to the old phone must not finish a sign-in either.
  await db.deleteFrom('sms_challenges').where('agent_id', '=', agentId).execute();
  return { factors: Number(factors.numDeletedRows), unusedRecoveryCodes: codes.filter((c) => c.used_at === null).length };
}

export type SupportEventKind = 'account_unlocked' | 'password_reset' | 'enrolment_code_issued' | 'second_factor_removed' | 'session_ended';

// The agent's own history shows what IT support did to the account, and from where; never a secret.
export async function recordSupportEvent(db: Db, agentId: string, kind: SupportEventKind, at: Date, client: ClientInfo): Promise<void> {
  await db
    .insertInto('connection_events')
    .values({
      agent_id: agentId,
      kind,
      result: 'info',
      occurred_at: at,
      ip: client.ip,
      network_zone: client.zone,
      user_agent: client.userAgent,
      browser: client.browser,
      os: client.os,
      device_type: client.deviceType,
      detail: 'it_support',
    })
    .execute();
}
