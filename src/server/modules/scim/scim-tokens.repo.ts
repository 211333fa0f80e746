import type { Db } from '../../db/connection.ts';

export function insertToken(db: Db, values: { name: string; token_hash: string; created_by: string | null; created_at: Date }) {
  return db.insertInto('scim_tokens').values(values).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export function listTokens(db: Db) {
  return db
    .selectFrom('scim_tokens as t')
    .leftJoin('agents as a', 'a.id', 't.created_by')
    .select(['t.id', 't.name', 't.created_at', 't.last_used_at', 't.revoked_at', 'a.first_name', 'a.last_name', 'a.badge_number'])
    // Live tokens first, then the most recent.
    .orderBy('t.revoked_at', (o) => o.desc().nullsFirst())
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id')
    .execute();
}

export function findLiveTokenForUpdate(db: Db, id: string) {
  return db.selectFrom('scim_tokens').select(['id', 'name']).where('id', '=', id).where('revoked_at', 'is', null).forUpdate().executeTakeFirst();
}

export function revokeToken(db: Db, id: string, at: Date, revokedBy: string | null) {
  return db.updateTable('scim_tokens').set({ revoked_at: at, revoked_by: revokedBy }).where('id', '=', id).execute();
}

export function findLiveTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('scim_tokens')
    .select(['id', 'name', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function touchToken(db: Db, id: string, at: Date) {
  return db.updateTable('scim_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
