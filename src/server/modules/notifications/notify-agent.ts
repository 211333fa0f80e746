import type { Db } from '../../db/connection.ts';
import * as repo from './agent-notifications.repo.ts';
import { publishLiveEvent } from './live-events.ts';
import { enqueueEmail } from './outbox.repo.ts';

export type AgentNotification = {
  agentId: string;
  /** What it is about, for filters and tests: 'request.submitted', 'request.approved'… */
  kind: string;
  title: string;
  body: string;
  /** A page of the portal, e.g. /demandes/…, opened from the notification and linked in the e-mail. */
  link?: string;
};

// The one way to tell an agent something: in the portal (the bell's count moves at once on every open tab,
// whatever the instance) and by e-mail as the agent chose (at once, in the daily digest, or never). Call it
// inside the transaction of what it announces: nothing is said about a change that did not commit.
export async function notifyAgent(db: Db, notification: AgentNotification, at: Date, publicUrl: string): Promise<void> {
  const agent = await db.selectFrom('agents').select(['email', 'status']).where('id', '=', notification.agentId).executeTakeFirst();
  if (!agent || agent.status === 'departed') return;
  const preference = await repo.emailPreferenceOf(db, notification.agentId);
  const emailNow = preference === 'immediate';
  await repo.insertNotification(db, {
    agentId: notification.agentId,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link ?? null,
    at,
    // "never" means no e-mail, ever: marked as carried so the digest leaves it alone.
    emailed: preference !== 'daily_digest',
  });
  if (emailNow) {
    const link = notification.link ? `\n\n${publicUrl}${notification.link}` : '';
    await enqueueEmail(db, { to: agent.email, subject: notification.title, text: `${notification.body}${link}\n\nVous recevez ce message à chaque notification du portail ; vous pouvez choisir un résumé quotidien dans Mon compte.` }, at);
  }
  await publishLiveEvent(db, { agentId: notification.agentId, type: 'notification', unread: await repo.unreadCount(db, notification.agentId) });
}
