import type { Db } from '../../db/connection.ts';

export type WebhookEventType = 'professional_card.blocked' | 'professional_card.activated';

export type ClaimedEvent = { id: string; type: string; payload: unknown; created_at: Date; attempts: number };

// Written in the caller's transaction: the building-access system hears of a block if and only if the
// block was committed.
export async function enqueueWebhookEvent(db: Db, type: WebhookEventType, payload: Record<string, unknown>, at: Date): Promise<void> {
  await db
    .insertInto('webhook_events')
    .values({ type, payload: JSON.stringify(payload), created_at: at, next_attempt_at: at })
    .execute();
}

// The oldest undelivered events, in order, up to the first one that is not due: the receiver hears them in
// the order they happened (a block before the new card's activation). Rows another instance holds are
// skipped, and the claim pushes next_attempt_at forward so that nobody else sends them meanwhile.
export async function claimDueEvents(db: Db, now: Date, limit: number, claimedUntil: Date): Promise<ClaimedEvent[]> {
  return db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('webhook_events')
      .select(['id', 'type', 'payload', 'created_at', 'attempts', 'next_attempt_at'])
      .where('delivered_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    const firstNotDue = pending.findIndex((e) => e.next_attempt_at > now);
    const due = firstNotDue === -1 ? pending : pending.slice(0, firstNotDue);
    if (due.length === 0) return [];
    await trx
      .updateTable('webhook_events')
      .set({ next_attempt_at: claimedUntil })
      .where('id', 'in', due.map((e) => e.id))
      .execute();
    return due.map(({ next_attempt_at: _, ...event }) => event);
  });
}

export async function markDelivered(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('webhook_events')
    .set((eb) => ({ delivered_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: string, error: string, nextAttemptAt: Date): Promise<void> {
  await db
    .updateTable('webhook_events')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt }))
    .where('id', '=', id)
    .execute();
}

export function pendingEventCount(db: Db) {
  return db.selectFrom('webhook_events').select((eb) => eb.fn.countAll<number>().as('n')).where('delivered_at', 'is', null).executeTakeFirstOrThrow();
}

// Events claimed but not tried: back in the queue for `at`, without counting an attempt.
export async function releaseClaims(db: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('webhook_events').set({ next_attempt_at: at }).where('id', 'in', ids).execute();
}
