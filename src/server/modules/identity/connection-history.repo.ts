import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/types.ts';
import type { ClientInfo } from '../../http/client.ts';

export type ConnectionEventKind =
  | 'sign_in'
  | 'second_factor'
  | 'lockout'
  | 'logout'
  | 'session_expired'
  | 'session_ended'
  | 'password_changed'
  | 'password_reset'
  | 'password_reset_requested'
  | 'second_factor_added'
  | 'second_factor_removed'
  | 'not_me';

export type ConnectionEventInput = {
  agentId: string;
  kind: ConnectionEventKind;
  result: 'success' | 'failure' | 'info';
  at: Date;
  client: ClientInfo;
  detail?: string;
};

// Never a secret in here: no password, code or token, only what happened, when and from where.
export function connectionEventRow(event: ConnectionEventInput): Insertable<Database['connection_events']> {
  return {
    agent_id: event.agentId,
    kind: event.kind,
    result: event.result,
    occurred_at: event.at,
    ip: event.client.ip,
    network_zone: event.client.zone,
    user_agent: event.client.userAgent,
    browser: event.client.browser,
    os: event.client.os,
    device_type: event.client.deviceType,
    detail: event.detail ?? null,
  };
}

export async function recordConnectionEvent(db: Db, event: ConnectionEventInput): Promise<void> {
  await db.insertInto('connection_events').values(connectionEventRow(event)).execute();
}

export function listConnectionEvents(
  db: Db,
  agentId: string,
  filter: { since: Date; kind?: string; result?: string; limit: number; before?: { at: Date; id: string } },
) {
  let query = db
    .selectFrom('connection_events')
    .select(['id', 'kind', 'result', 'occurred_at', 'ip', 'network_zone', 'browser', 'os', 'device_type', 'detail'])
    .where('agent_id', '=', agentId)
    .where('occurred_at', '>=', filter.since);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.result) query = query.where('result', '=', filter.result);
  if (filter.before) {
    const { at, id } = filter.before;
    query = query.where((eb) => eb.or([eb('occurred_at', '<', at), eb.and([eb('occurred_at', '=', at), eb('id', '<', id)])]));
  }
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function purgeConnectionEventsBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('connection_events').where('occurred_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
