import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NoContent } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { CreatedScimTokenResponse, CreateScimTokenBody, ScimTokenIdParams, ScimTokenListResponse } from './scim-tokens.schema.ts';
import { createScimToken, listScimTokens, revokeScimToken } from './scim-tokens.service.ts';

const tags = ['provisionnement SCIM'];

// The administrators' page: issue a token (shown once), see when each was last used, revoke one.
export async function scimTokenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/admin/scim-tokens',
    {
      schema: {
        operationId: 'listScimTokens',
        tags,
        summary: 'Jetons SCIM : nom, création, dernière utilisation, révocation (administrateur)',
        response: { 200: ScimTokenListResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      assertAllowed(await actorOf(ctx, request), 'scim_token.manage');
      return { items: await listScimTokens(ctx.db) };
    },
  );

  app.post(
    '/api/admin/scim-tokens',
    {
      schema: {
        operationId: 'createScimToken',
        tags,
        summary: 'Émettre un jeton SCIM pour un SIRH ou une synchronisation d’annuaire ; affiché une seule fois',
        body: CreateScimTokenBody,
        response: { 201: CreatedScimTokenResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      assertAllowed(await actorOf(ctx, request), 'scim_token.manage');
      const created = await createScimToken(ctx.db, ctx.clock, {
        name: (request.body as CreateScimTokenBody).name,
        createdBy: currentSession(request).agentId,
        actor: await auditActorOf(ctx, request),
      });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/admin/scim-tokens/:id',
    {
      schema: {
        operationId: 'revokeScimToken',
        tags,
        summary: 'Révoquer un jeton SCIM : les appels suivants sont refusés (401)',
        params: ScimTokenIdParams,
        response: { 204: NoContent },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      assertAllowed(await actorOf(ctx, request), 'scim_token.manage');
      await revokeScimToken(ctx.db, ctx.clock, {
        id: (request.params as { id: string }).id,
        revokedBy: currentSession(request).agentId,
        actor: await auditActorOf(ctx, request),
      });
      return reply.code(204).send();
    },
  );
}
