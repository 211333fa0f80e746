import type { Db } from '../../db/connection.ts';
import { ruleColumns } from './sso-clients.repo.ts';

export async function insertGrantLink(
  db: Db,
  link: { grantId: string; clientId: string; agentId: string; sessionIdHash: string; at: Date },
): Promise<void> {
  await db
    .insertInto('sso_grants')
    .values({ grant_id: link.grantId, client_id: link.clientId, agent_id: link.agentId, session_id_hash: link.sessionIdHash, created_at: link.at })
    .execute();
}

export async function recordSid(db: Db, grantId: string, sid: string): Promise<void> {
  await db.updateTable('sso_grants').set({ sid }).where('grant_id', '=', grantId).execute();
}

/** A grant with the portal session it belongs to and the rule of its application, checked at each use. */
export function findGrantLink(db: Db, grantId: string) {
  return db
    .selectFrom('sso_grants as g')
    .innerJoin('sso_clients as c', 'c.client_id', 'g.client_id')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .select(['g.agent_id', 'g.session_id_hash', 'g.client_id', ...ruleColumns])
    .where('g.grant_id', '=', grantId)
    .executeTakeFirst();
}

// Grants whose portal session has ended: deleted (sign-out, support, departure) or run out (idle, absolute).
// Locked so that two instances running the job never tell an app twice.
export function lockEndedGrants(db: Db, now: Date, idleMs: number, limit: number) {
  return db
    .selectFrom('sso_grants as g')
    .innerJoin('sso_clients as c', 'c.client_id', 'g.client_id')
    .leftJoin('sessions as s', 's.id_hash', 'g.session_id_hash')
    .select(['g.grant_id', 'g.client_id', 'g.agent_id', 'g.sid', 'c.backchannel_logout_uri'])
    .where((eb) =>
      eb.or([
        eb('s.id_hash', 'is', null),
        eb('s.expires_at', '<=', now),
        eb('s.last_seen_at', '<=', new Date(now.getTime() - idleMs)),
        eb('s.stage', '!=', 'active'),
      ]),
    )
    .limit(limit)
    .forUpdate('g')
    .skipLocked()
    .execute();
}

export async function deleteGrantLinks(db: Db, grantIds: readonly string[]): Promise<void> {
  if (grantIds.length > 0) await db.deleteFrom('sso_grants').where('grant_id', 'in', grantIds).execute();
}

/** The grants of one client, to revoke when the administrators delete it. */
export async function grantIdsOfClient(db: Db, clientId: string): Promise<string[]> {
  const rows = await db.selectFrom('sso_grants').select('grant_id').where('client_id', '=', clientId).execute();
  return rows.map((row) => row.grant_id);
}
