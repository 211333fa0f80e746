import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { requireSession, currentSession } from '../identity/session.guard.ts';
import * as repo from './agent-notifications.repo.ts';
import { MarkReadBody, NotificationList, NotificationListQuery, NotificationPreferences, UnreadCount } from './notifications.schema.ts';
import { publishLiveEvent } from './live-events.ts';
import { openNotificationStream } from './notification-stream.ts';

const tags = ['notifications'];

export async function notificationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/me/notifications',
    {
      schema: { operationId: 'listMyNotifications', tags, summary: 'Mes notifications, les plus récentes d’abord, et le nombre de non lues', querystring: NotificationListQuery, response: { 200: NotificationList } },
      preHandler: requireSession(ctx),
    },
    async (request): Promise<NotificationList> => {
      const { agentId } = currentSession(request);
      const { limit } = request.query as z.infer<typeof NotificationListQuery>;
      const [rows, unread] = await Promise.all([repo.recentNotifications(ctx.db, agentId, limit), repo.unreadCount(ctx.db, agentId)]);
      return {
        unread,
        items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.created_at.toISOString(), read: n.read_at !== null })),
      };
    },
  );

  app.post(
    '/api/me/notifications/read',
    {
      schema: { operationId: 'markMyNotificationsRead', tags, summary: 'Marquer des notifications (ou toutes) comme lues', body: MarkReadBody, response: { 200: UnreadCount } },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { agentId } = currentSession(request);
      const body = request.body as z.infer<typeof MarkReadBody>;
      await repo.markRead(ctx.db, agentId, 'all' in body ? 'all' : body.ids, ctx.clock.now());
      const unread = await repo.unreadCount(ctx.db, agentId);
      // The agent's other tabs and devices show the new count too.
      await publishLiveEvent(ctx.db, { agentId, type: 'notification', unread });
      return { unread };
    },
  );

  app.get(
    '/api/me/notification-preferences',
    {
      schema: { operationId: 'getMyNotificationPreferences', tags, summary: 'Comment je reçois les notifications par courriel', response: { 200: NotificationPreferences } },
      preHandler: requireSession(ctx),
    },
    async (request) => ({ email: await repo.emailPreferenceOf(ctx.db, currentSession(request).agentId) }),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      schema: {
        operationId: 'setMyNotificationPreferences',
        tags,
        summary: 'Recevoir les notifications par courriel au fil de l’eau, en un résumé quotidien, ou jamais',
        body: NotificationPreferences,
        response: { 200: NotificationPreferences },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { email } = request.body as z.infer<typeof NotificationPreferences>;
      await repo.setEmailPreference(ctx.db, currentSession(request).agentId, email, ctx.clock.now());
      return { email };
    },
  );

  app.get(
    '/api/me/notifications/stream',
    {
      schema: {
        operationId: 'streamMyNotifications',
        tags,
        summary: 'Flux en direct (text/event-stream) : le nombre de notifications non lues, à chaque changement',
        produces: ['text/event-stream'],
        response: { 200: z.unknown().describe('événements « unread » : {"unread": n}') },
      },
      // Keeping the stream open is not activity: an idle session still ends on time.
      preHandler: requireSession(ctx, ['active'], { touch: false }),
    },
    async (request, reply) => openNotificationStream(ctx, request, reply),
  );
}
