import type { Db } from '../../db/connection.ts';

export const PASSWORD_HISTORY_DEPTH = 12;

export async function recentPasswordHashes(db: Db, agentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('agent_id', '=', agentId)
    .orderBy('created_at', 'desc')
    .limit(PASSWORD_HISTORY_DEPTH)
    .execute();
  return rows.map((r) => r.password_hash);
}

// The outgoing hash joins the history, which keeps only the last twelve.
export async function replacePassword(db: Db, agentId: string, oldHash: string | null, newHash: string, at: Date): Promise<void> {
  if (oldHash) {
    await db.insertInto('password_history').values({ agent_id: agentId, password_hash: oldHash, created_at: at }).execute();
  }
  await db
    .updateTable('accounts')
    .set({
      password_hash: newHash,
      password_temporary: false,
      password_change_required: false,
      password_changed_at: at,
      password_expiry_reminded_at: null,
      failed_attempts: 0,
      locked_until: null,
    })
    .where('agent_id', '=', agentId)
    .execute();
  const keep = db
    .selectFrom('password_history')
    .select('id')
    .where('agent_id', '=', agentId)
    .orderBy('created_at', 'desc')
    .limit(PASSWORD_HISTORY_DEPTH - 1);
  await db.deleteFrom('password_history').where('agent_id', '=', agentId).where('id', 'not in', keep).execute();
}

export async function invalidateResetTokens(db: Db, agentId: string, at: Date): Promise<void> {
  await db
    .updateTable('password_reset_tokens')
    .set({ invalidated_at: at })
    .where('agent_id', '=', agentId)
    .where('used_at', 'is', null)
    .where('invalidated_at', 'is', null)
    .execute();
}

export async function insertResetToken(db: Db, agentId: string, tokenHash: string, at: Date, expiresAt: Date): Promise<void> {
  await db
    .insertInto('password_reset_tokens')
    .values({ token_hash: tokenHash, agent_id: agentId, created_at: at, expires_at: expiresAt })
    .execute();
}

export function findResetToken(db: Db, tokenHash: string) {
  return db.selectFrom('password_reset_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function consumeResetToken(db: Db, tokenHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('invalidated_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
