import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pingDatabase } from '../db/connection.ts';
import type { AppContext } from '../app-context.ts';
import { AppError } from './errors.ts';
import { createNetworkMatcher } from './network.ts';

const HealthResponse = z.object({ status: z.literal('ok') });
const ReadyResponse = z.object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['ok', 'unreachable']) });

export async function platformRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const mayScrapeMetrics = createNetworkMatcher(['127.0.0.0/8', '::1/128', ...ctx.config.internalNetworks]);

  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['plateforme'],
        summary: 'Le processus répond (liveness)',
        response: { 200: HealthResponse },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['plateforme'],
        summary: 'Prêt à recevoir du trafic: base joignable et pas en cours d’arrêt (readiness)',
        response: { 200: ReadyResponse, 503: ReadyResponse },
      },
    },
    async (_request, reply) => {
      if (ctx.lifecycle.shuttingDown) return reply.code(503).send({ status: 'unavailable', database: 'ok' });
      try {
        await pingDatabase(ctx.db);
        return { status: 'ready' as const, database: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
      }
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        operationId: 'getMetrics',
        tags: ['plateforme'],
        summary: 'Métriques Prometheus (réseau interne ou boucle locale seulement)',
        produces: ['text/plain'],
      },
    },
    async (request, reply) => {
      if (!mayScrapeMetrics(request.ip)) throw new AppError('not_found');
      reply.type(ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    },
  );
}
