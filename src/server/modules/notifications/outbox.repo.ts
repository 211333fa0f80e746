import type { Db } from '../../db/connection.ts';

export type OutgoingEmail = { to: string; subject: string; text: string };
export type OutgoingSms = { to: string; text: string };

export type OutboxChannel = 'email' | 'sms';

export type ClaimedMessage = {
  id: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
};

// Messages are queued in the caller's transaction and delivered by the outbox job: an e-mail is sent if
// and only if what it announces was committed.
export async function enqueueEmail(db: Db, email: OutgoingEmail, at: Date): Promise<void> {
  await db
    .insertInto('outbox_messages')
    .values({ channel: 'email', recipient: email.to, subject: email.subject, body: email.text, created_at: at, next_attempt_at: at })
    .execute();
}

export async function enqueueSms(db: Db, sms: OutgoingSms, at: Date): Promise<void> {
  await db
    .insertInto('outbox_messages')
    .values({ channel: 'sms', recipient: sms.to, subject: '', body: sms.text, created_at: at, next_attempt_at: at })
    .execute();
}

// Takes up to `limit` due messages for this instance alone: rows another instance has locked are skipped,
// and pushing next_attempt_at to `claimedUntil` hides them from everyone until this instance reports back
// (or has crashed, in which case they come due again).
export async function claimDueMessages(db: Db, now: Date, limit: number, claimedUntil: Date): Promise<ClaimedMessage[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbox_messages')
      .select(['id', 'channel', 'recipient', 'subject', 'body', 'attempts'])
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('outbox_messages')
      .set({ next_attempt_at: claimedUntil })
      .where('id', 'in', due.map((m) => m.id))
      .execute();
    return due.map((m) => ({ ...m, channel: m.channel as OutboxChannel }));
  });
}

export async function markSent(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({ sent_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(
  db: Db,
  id: string,
  failure: { error: string; nextAttemptAt: Date; givenUpAt: Date | null },
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: failure.error,
      next_attempt_at: failure.nextAttemptAt,
      failed_at: failure.givenUpAt,
    }))
    .where('id', '=', id)
    .execute();
}

// Delivered and abandoned messages older than the cutoff: their bodies hold reset links and codes that
// nobody needs once they have expired.
export async function purgeFinishedMessagesBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('outbox_messages')
    .where((eb) => eb.or([eb('sent_at', '<', cutoff), eb('failed_at', '<', cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listLatestMessages(db: Db, limit: number) {
  return db
    .selectFrom('outbox_messages')
    .select(['id', 'channel', 'recipient', 'subject', 'body', 'created_at', 'sent_at', 'failed_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
