import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/types.ts';

export type SessionStage = 'second_factor' | 'change_password' | 'enrol_second_factor' | 'active';

export type NewSession = {
  idHash: string;
  agentId: string;
  stage: SessionStage;
  amr: string[];
  zone: 'internal' | 'external';
  ip: string;
  userAgent: string;
  deviceLabel: string;
  at: Date;
  expiresAt: Date;
  mayEnrolWithoutNetwork: boolean;
};

export function sessionRow(s: NewSession): Insertable<Database['sessions']> {
  return {
      id_hash: s.idHash,
      agent_id: s.agentId,
      stage: s.stage,
      amr: s.amr,
      network_zone: s.zone,
      ip: s.ip,
      user_agent: s.userAgent,
      device_label: s.deviceLabel,
      created_at: s.at,
      last_seen_at: s.at,
      authenticated_at: s.at,
      expires_at: s.expiresAt,
    may_enrol_without_network: s.mayEnrolWithoutNetwork,
  };
}

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db.insertInto('sessions').values(sessionRow(s)).execute();
}

export function findSessionWithAgent(db: Db, idHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .select([
      's.id_hash',
      's.agent_id',
      's.stage',
      's.amr',
      's.network_zone',
      's.ip',
      's.created_at',
      's.last_seen_at',
      's.authenticated_at',
      's.expires_at',
      's.webauthn_challenge',
      's.may_enrol_without_network',
      'a.status as agent_status',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function updateSession(
  db: Db,
  idHash: string,
  values: Partial<{
    id_hash: string;
    stage: SessionStage;
    amr: string[];
    authenticated_at: Date;
    last_seen_at: Date;
    webauthn_challenge: string | null;
    may_enrol_without_network: boolean;
  }>,
): Promise<void> {
  await db.updateTable('sessions').set(values).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteSessionsOfAgent(db: Db, agentId: string, exceptIdHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('agent_id', '=', agentId);
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listSessionsOfAgent(db: Db, agentId: string) {
  return db
    .selectFrom('sessions')
    .select(['id_hash', 'stage', 'network_zone', 'ip', 'user_agent', 'device_label', 'created_at', 'last_seen_at', 'expires_at'])
    .where('agent_id', '=', agentId)
    .where('stage', '=', 'active')
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function deleteExpiredSessions(db: Db, now: Date, idleMs: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMs))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
