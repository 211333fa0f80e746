import type { Db } from '../../db/connection.ts';

export type EmailPreference = 'immediate' | 'daily_digest' | 'never';
export const DEFAULT_EMAIL_PREFERENCE: EmailPreference = 'immediate';

export type NotificationRow = { id: string; kind: string; title: string; body: string; link: string | null; created_at: Date; read_at: Date | null };

export async function insertNotification(
  db: Db,
  n: { agentId: string; kind: string; title: string; body: string; link: string | null; at: Date; emailed: boolean },
): Promise<string> {
  const row = await db
    .insertInto('notifications')
    .values({ agent_id: n.agentId, kind: n.kind, title: n.title, body: n.body, link: n.link, created_at: n.at, emailed_at: n.emailed ? n.at : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function recentNotifications(db: Db, agentId: string, limit: number): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('agent_id', '=', agentId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function unreadCount(db: Db, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('agent_id', '=', agentId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function markRead(db: Db, agentId: string, ids: readonly string[] | 'all', at: Date): Promise<void> {
  let query = db.updateTable('notifications').set({ read_at: at }).where('agent_id', '=', agentId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}

export async function emailPreferenceOf(db: Db, agentId: string): Promise<EmailPreference> {
  const row = await db.selectFrom('notification_preferences').select('email').where('agent_id', '=', agentId).executeTakeFirst();
  return (row?.email as EmailPreference | undefined) ?? DEFAULT_EMAIL_PREFERENCE;
}

export async function setEmailPreference(db: Db, agentId: string, email: EmailPreference, at: Date): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ agent_id: agentId, email, updated_at: at })
    .onConflict((oc) => oc.column('agent_id').doUpdateSet({ email, updated_at: at }))
    .execute();
}

/** Agents who chose the daily digest, have not had today's, and have notifications no e-mail has carried yet. */
export function digestRecipients(db: Db, today: string, limit: number) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('notification_preferences as p', 'p.agent_id', 'n.agent_id')
    .innerJoin('agents as a', 'a.id', 'n.agent_id')
    .select(['n.agent_id', 'a.email', 'a.first_name'])
    .where('p.email', '=', 'daily_digest')
    .where((eb) => eb.or([eb('p.last_digest_on', 'is', null), eb('p.last_digest_on', '<', today)]))
    .where('n.emailed_at', 'is', null)
    .where('a.status', '=', 'active')
    .groupBy(['n.agent_id', 'a.email', 'a.first_name'])
    .limit(limit)
    .execute();
}

export function notEmailedYet(db: Db, agentId: string) {
  return db
    .selectFrom('notifications')
    .select(['id', 'title', 'body', 'link', 'created_at'])
    .where('agent_id', '=', agentId)
    .where('emailed_at', 'is', null)
    .orderBy('created_at')
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function recordDigest(db: Db, agentId: string, today: string): Promise<void> {
  await db.updateTable('notification_preferences').set({ last_digest_on: today }).where('agent_id', '=', agentId).execute();
}

export async function markEmailed(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length > 0) await db.updateTable('notifications').set({ emailed_at: at }).where('id', 'in', ids).execute();
}
