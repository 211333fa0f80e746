import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export type LogoutToDeliver = { clientId: string; agentId: string; sid: string | null };

export async function enqueueLogouts(db: Db, logouts: readonly LogoutToDeliver[], at: Date): Promise<void> {
  if (logouts.length === 0) return;
  await db
    .insertInto('sso_logout_deliveries')
    .values(logouts.map((logout) => ({ client_id: logout.clientId, agent_id: logout.agentId, sid: logout.sid, created_at: at, next_attempt_at: at })))
    .execute();
}

// Takes a batch of due deliveries for this instance: pushed back by a lease, so that another instance does
// not take them while their requests are in flight, and an instance that dies leaves them to be retried.
export async function claimDueLogouts(db: Db, now: Date, leaseMs: number, maxAttempts: number, limit: number) {
  const due = db
    .selectFrom('sso_logout_deliveries')
    .select('id')
    .where('delivered_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .where('attempts', '<', maxAttempts)
    .orderBy('next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('sso_logout_deliveries as d')
    .set({ next_attempt_at: new Date(now.getTime() + leaseMs) })
    .from('sso_clients as c')
    .whereRef('c.client_id', '=', 'd.client_id')
    .where('d.id', 'in', due)
    .returning(['d.id', 'd.client_id', 'd.agent_id', 'd.sid', 'd.attempts', 'c.backchannel_logout_uri'])
    .execute();
}

export async function markDelivered(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('sso_logout_deliveries').set({ delivered_at: at, attempts: sql`attempts + 1`, last_error: null }).where('id', '=', id).execute();
}

export async function markFailed(db: Db, id: number, error: string, retryAt: Date): Promise<void> {
  await db
    .updateTable('sso_logout_deliveries')
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 500), next_attempt_at: retryAt })
    .where('id', '=', id)
    .execute();
}

/** Delivered, or given up on, before `cutoff`: no longer worth keeping. */
export async function purgeFinishedLogouts(db: Db, cutoff: Date, maxAttempts: number): Promise<number> {
  const result = await db
    .deleteFrom('sso_logout_deliveries')
    .where('created_at', '<', cutoff)
    .where((eb) => eb.or([eb('delivered_at', 'is not', null), eb('attempts', '>=', maxAttempts)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
