import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NoContent } from '../../http/problem.ts';
import { listResponse } from './scim-protocol.ts';
import { hide, IdParams, ListQuery, paging, ProjectionQuery, scimCall, ScimListSchema, ScimResourceSchema, sendScim, tags } from './scim-routes.shared.ts';
import { project } from './scim-user.representation.ts';
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser } from './scim-users.service.ts';

export async function scimUserRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/Users',
    { schema: { operationId: 'scimListUsers', tags, hide, summary: 'SCIM : lister et filtrer les agents (userName, emails.value, externalId…)', querystring: ListQuery, response: { 200: ScimListSchema } } },
    async (request, reply) => {
      const query = request.query as ListQuery;
      const { startIndex, count } = paging(query);
      const { total, resources } = await listUsers(ctx, { filter: query.filter, startIndex, count });
      return sendScim(reply, 200, listResponse(resources.map((r) => project(r, query.attributes, query.excludedAttributes)), total, startIndex));
    },
  );

  app.get(
    '/Users/:id',
    { schema: { operationId: 'scimGetUser', tags, hide, summary: 'SCIM : un agent', params: IdParams, querystring: ProjectionQuery, response: { 200: ScimResourceSchema } } },
    async (request, reply) => {
      const query = request.query as ProjectionQuery;
      const user = await getUser(ctx, (request.params as { id: string }).id);
      return sendScim(reply, 200, project(user, query.attributes, query.excludedAttributes));
    },
  );

  app.post(
    '/Users',
    { schema: { operationId: 'scimCreateUser', tags, hide, summary: 'SCIM : créer un agent et son compte (sans rôle, mot de passe inconnu de tous)', response: { 201: ScimResourceSchema } } },
    async (request, reply) => {
      const user = await createUser(scimCall(ctx, request), request.body);
      reply.header('location', (user.meta as { location: string }).location);
      return sendScim(reply, 201, user);
    },
  );

  app.put(
    '/Users/:id',
    { schema: { operationId: 'scimReplaceUser', tags, hide, summary: 'SCIM : remplacer les attributs d’un agent', params: IdParams, response: { 200: ScimResourceSchema } } },
    async (request, reply) => sendScim(reply, 200, await replaceUser(scimCall(ctx, request), (request.params as { id: string }).id, request.body)),
  );

  app.patch(
    '/Users/:id',
    { schema: { operationId: 'scimPatchUser', tags, hide, summary: 'SCIM : modifier un agent (add, replace, remove ; active: false le désactive)', params: IdParams, response: { 200: ScimResourceSchema } } },
    async (request, reply) => sendScim(reply, 200, await patchUser(scimCall(ctx, request), (request.params as { id: string }).id, request.body)),
  );

  app.delete(
    '/Users/:id',
    { schema: { operationId: 'scimDeleteUser', tags, hide, summary: 'SCIM : l’agent quitte la collectivité (compte désactivé, données gardées)', params: IdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await deleteUser(scimCall(ctx, request), (request.params as { id: string }).id);
      return reply.code(204).send();
    },
  );
}
