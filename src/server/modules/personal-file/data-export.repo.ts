import type { Db } from '../../db/connection.ts';

// Read-only look into identity's tables for the GDPR access request: named columns only, so no secret
// (password hash, TOTP seed, passkey key, session id hash) can slip into an export by a later migration.

export async function agentRecord(db: Db, agentId: string) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .select([
      'a.badge_number', 'a.email', 'a.first_name', 'a.last_name', 'a.job_title', 'a.professional_phone', 'a.status',
      'a.start_date', 'a.departure_date', 'd.code as department_code', 'd.name as department_name', 's.name as service_name',
    ])
    .where('a.id', '=', agentId)
    .executeTakeFirstOrThrow();
}

export async function connectionEventsSince(db: Db, agentId: string, since: Date) {
  return db
    .selectFrom('connection_events')
    .select(['occurred_at', 'kind', 'result', 'ip', 'network_zone', 'browser', 'os', 'device_type', 'detail'])
    .where('agent_id', '=', agentId)
    .where('occurred_at', '>=', since)
    .orderBy('occurred_at', 'desc')
    .execute();
}

export async function sessionsOf(db: Db, agentId: string) {
  return db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'network_zone', 'ip', 'device_label'])
    .where('agent_id', '=', agentId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function secondFactorsOf(db: Db, agentId: string) {
  return db
    .selectFrom('second_factors')
    .select(['kind', 'label', 'created_at', 'confirmed_at', 'last_used_at'])
    .where('agent_id', '=', agentId)
    .orderBy('created_at')
    .execute();
}

// Administrative actions on the agent's account or file (values of secrets are already redacted in the trail).
export async function auditEventsAbout(db: Db, agentId: string) {
  return db
    .selectFrom('audit_events')
    .select(['occurred_at', 'action', 'actor_label', 'changes', 'reason'])
    .where('target_type', '=', 'agent')
    .where('target_id', '=', agentId)
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}
