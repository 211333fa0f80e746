import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { recordConnectionEvent } from './connection-history.repo.ts';
import { connectionHistoryPage } from './connection-history.service.ts';
import { deleteSessionsOfAgent } from './session.repo.ts';
import { clearSessionCookie } from './session-cookie.ts';
import { currentSession, requireSession } from './session.guard.ts';

const ConnectionsQuery = z
  .object({
    days: z.coerce.number().int().min(1).max(365).default(90),
    kind: z.string().regex(/^[a-z_]{1,40}$/).optional(),
    result: z.enum(['success', 'failure', 'info']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional(),
  })
  .strict();

const ConnectionEvent = z.object({
  id: z.string(),
  kind: z.string(),
  result: z.enum(['success', 'failure', 'info']),
  at: z.string(),
  ip: z.string(),
  networkZone: z.enum(['internal', 'external']),
  browser: z.string(),
  os: z.string(),
  deviceType: z.string(),
  detail: z.string().nullable(),
});
const ConnectionsResponse = z.object({ items: z.array(ConnectionEvent), nextCursor: z.string().nullable() }).meta({ id: 'ConnectionHistory' });

export async function connectionHistoryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/me/connections',
    {
      schema: {
        operationId: 'listMyConnections',
        tags: ['sessions'],
        summary: 'Mon historique de connexion (90 jours par défaut, filtrable, paginé)',
        querystring: ConnectionsQuery,
        response: { 200: ConnectionsResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const q = request.query as z.infer<typeof ConnectionsQuery>;
      return connectionHistoryPage(ctx.db, currentSession(request).agentId, q, ctx.clock.now());
    },
  );

  app.post(
    '/api/me/connections/not-me',
    {
      schema: {
        operationId: 'reportNotMe',
        tags: ['sessions'],
        summary: '« Ce n’était pas moi » : ferme toutes les sessions, impose un nouveau mot de passe, alerte l’assistance',
        body: z.object({ eventId: z.uuid().optional() }).strict(),
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const client = clientOf(ctx, request);
      const now = ctx.clock.now();
      const { eventId } = request.body as { eventId?: string };
      await ctx.db.transaction().execute(async (trx) => {
        await deleteSessionsOfAgent(trx, session.agentId);
        await trx.updateTable('accounts').set({ password_change_required: true }).where('agent_id', '=', session.agentId).execute();
        await trx
          .insertInto('security_alerts')
          .values({ agent_id: session.agentId, kind: 'not_me', created_at: now, ip: client.ip, network_zone: client.zone, detail: eventId ? `event:${eventId}` : null })
          .execute();
        await recordConnectionEvent(trx, { agentId: session.agentId, kind: 'not_me', result: 'info', at: now, client });
      });
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );
}
