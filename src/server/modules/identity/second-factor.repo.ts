import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export function confirmedFactors(db: Db, agentId: string, kind?: string) {
  let query = db
    .selectFrom('second_factors')
    .selectAll()
    .where('agent_id', '=', agentId)
    .where('confirmed_at', 'is not', null);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('created_at').execute();
}

export function findFactor(db: Db, agentId: string, factorId: string) {
  return db.selectFrom('second_factors').selectAll().where('agent_id', '=', agentId).where('id', '=', factorId).executeTakeFirst();
}

// A TOTP code is accepted once: the step only moves forward, atomically, even with two requests at once.
export async function claimTotpStep(db: Db, factorId: string, step: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('second_factors')
    .set({ totp_last_step: step, last_used_at: at })
    .where('id', '=', factorId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function useRecoveryCode(db: Db, agentId: string, codeHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('agent_id', '=', agentId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: Db, agentId: string, hashes: string[], at: Date): Promise<void> {
  await db.deleteFrom('recovery_codes').where('agent_id', '=', agentId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ agent_id: agentId, code_hash, created_at: at })))
    .execute();
}

export function latestSmsChallenge(db: Db, agentId: string, purpose: string, now: Date) {
  return db
    .selectFrom('sms_challenges')
    .selectAll()
    .where('agent_id', '=', agentId)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countSmsFailure(db: Db, challengeId: string): Promise<void> {
  await db.updateTable('sms_challenges').set({ attempts: sql`attempts + 1` }).where('id', '=', challengeId).execute();
}

export async function consumeSmsChallenge(db: Db, challengeId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('sms_challenges')
    .set({ consumed_at: at })
    .where('id', '=', challengeId)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
