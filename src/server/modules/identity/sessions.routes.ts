import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { recordConnectionEvent } from './connection-history.repo.ts';
import { currentSession, requireSession } from './session.guard.ts';
import { deleteSessionsOfAgent, listSessionsOfAgent } from './session.service.ts';

const SessionItem = z.object({
  id: z.string(),
  current: z.boolean(),
  deviceLabel: z.string(),
  ip: z.string(),
  networkZone: z.enum(['internal', 'external']),
  startedAt: z.string(),
  lastSeenAt: z.string(),
});
const SessionListResponse = z.object({ items: z.array(SessionItem) }).meta({ id: 'SessionList' });
const SessionIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'identifiant de session invalide' }) });

export async function sessionsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/me/sessions',
    {
      schema: {
        operationId: 'listMySessions',
        tags: ['sessions'],
        summary: 'Mes sessions ouvertes : appareil, adresse, réseau, début, dernière activité',
        response: { 200: SessionListResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const session = currentSession(request);
      const rows = await listSessionsOfAgent(ctx.db, session.agentId);
      return {
        items: rows.map((r) => ({
          id: r.id_hash,
          current: r.id_hash === session.idHash,
          deviceLabel: r.device_label,
          ip: r.ip,
          networkZone: r.network_zone as 'internal' | 'external',
          startedAt: r.created_at.toISOString(),
          lastSeenAt: r.last_seen_at.toISOString(),
        })),
      };
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        operationId: 'endMySession',
        tags: ['sessions'],
        summary: 'Fermer une de mes sessions (sur un autre appareil)',
        params: SessionIdParams,
        response: { 204: NoContent, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const { id } = request.params as { id: string };
      const ended = await ctx.db.transaction().execute(async (trx) => {
        const result = await trx.deleteFrom('sessions').where('id_hash', '=', id).where('agent_id', '=', session.agentId).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) return false;
        await recordConnectionEvent(trx, { agentId: session.agentId, kind: 'session_ended', result: 'info', at: ctx.clock.now(), client: clientOf(ctx, request) });
        return true;
      });
      if (!ended) throw new AppError('not_found', 'Cette session n’existe pas ou est déjà fermée.');
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/me/sessions',
    {
      schema: { operationId: 'endMyOtherSessions', tags: ['sessions'], summary: 'Fermer toutes mes autres sessions' },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const session = currentSession(request);
      await ctx.db.transaction().execute(async (trx) => {
        const count = await deleteSessionsOfAgent(trx, session.agentId, session.idHash);
        await recordConnectionEvent(trx, {
          agentId: session.agentId,
          kind: 'session_ended',
          result: 'info',
          at: ctx.clock.now(),
          client: clientOf(ctx, request),
          detail: `others:${count}`,
        });
      });
      return reply.code(204).send();
    },
  );
}
