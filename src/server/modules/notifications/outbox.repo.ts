import type { Db } from '../../db/connection.ts';

export type OutgoingEmail = { to: string; subject: string; text: string };
export type OutgoingSms = { to: string; text: string };

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
