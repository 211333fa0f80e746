import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** The gateway applications open to agents, and where their upstream answers. */
export function gatewayUpstreams(db: Db) {
  return db
    .selectFrom('applications as a')
    .innerJoin('gateway_routes as r', 'r.application_id', 'a.id')
    .select(['a.id', 'a.name', 'r.upstream_url', 'r.connect_timeout_ms'])
    .where('a.kind', '=', 'gateway')
    .where('a.enabled', '=', true)
    .orderBy('a.name')
    .execute();
}

export function lastChecks(db: Db) {
  return db.selectFrom('service_checks').selectAll().execute();
}

export type CheckValues = { service_key: string; application_id: string | null; state: string; detail: string | null; checked_at: Date; since: Date };

export async function saveCheck(db: Db, values: CheckValues): Promise<void> {
  await db
    .insertInto('service_checks')
    .values(values)
    .onConflict((oc) =>
      oc.column('service_key').doUpdateSet({ state: values.state, detail: values.detail, checked_at: values.checked_at, since: values.since }),
    )
    .execute();
}

export async function recordStateChange(
  db: Db,
  change: { service_key: string; service_name: string | null; from_state: string; to_state: string; detail: string | null; at: Date },
): Promise<void> {
  await db.insertInto('service_state_changes').values(change).execute();
}

// A service that is no longer there (an application disabled or removed) leaves the list, not its history.
export async function forgetServicesOtherThan(db: Db, keys: readonly string[]): Promise<void> {
  await db.deleteFrom('service_checks').where('service_key', 'not in', keys).execute();
}

/** The services as last checked: the portal, its database and its mail first, then the applications by name. */
export function checkedServices(db: Db) {
  return db
    .selectFrom('service_checks as c')
    .leftJoin('applications as a', 'a.id', 'c.application_id')
    .select(['c.service_key', 'c.state', 'c.checked_at', 'c.since', 'a.name'])
    .where((eb) => eb.or([eb('c.application_id', 'is', null), eb('a.enabled', '=', true)]))
    .orderBy(sql`case c.service_key when 'portal' then 0 when 'database' then 1 when 'outbox' then 2 else 3 end`)
    .orderBy('a.name')
    .execute();
}

export function stateChangesSince(db: Db, since: Date) {
  return db
    .selectFrom('service_state_changes')
    .select(['service_key', 'service_name', 'from_state', 'to_state', 'at'])
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export async function outboxBacklog(db: Db, now: Date, olderThan: Date, failedSince: Date) {
  const [late, failed, sent] = await Promise.all([
    db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll<string>().as('n')).where('sent_at', 'is', null).where('failed_at', 'is', null).where('created_at', '<', olderThan).executeTakeFirstOrThrow(),
    db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll<string>().as('n')).where('failed_at', '>=', failedSince).where('failed_at', '<=', now).executeTakeFirstOrThrow(),
    db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll<string>().as('n')).where('sent_at', '>=', failedSince).where('sent_at', '<=', now).executeTakeFirstOrThrow(),
  ]);
  return { late: Number(late.n), failed: Number(failed.n), sent: Number(sent.n) };
}
