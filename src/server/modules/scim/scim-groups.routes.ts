import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { sendScimNotImplemented } from './scim-errors.ts';
import { getGroup, listGroups } from './scim-groups.service.ts';
import { listResponse } from './scim-protocol.ts';
import { hide, IdParams, ListQuery, paging, ProjectionQuery, ScimListSchema, ScimResourceSchema, sendScim, tags } from './scim-routes.shared.ts';
import { project, wantsAttribute } from './scim-user.representation.ts';

const READ_ONLY =
  'Les groupes sont les directions de la collectivité, en lecture seule : l’appartenance d’un agent suit son attribut ' +
  'department (extension enterprise) ; les directions se créent dans le portail. Désactivez le provisionnement des groupes du connecteur.';

export async function scimGroupRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/Groups',
    { schema: { operationId: 'scimListGroups', tags, hide, summary: 'SCIM : les directions (filtre displayName eq)', querystring: ListQuery, response: { 200: ScimListSchema } } },
    async (request, reply) => {
      const query = request.query as ListQuery;
      const { startIndex, count } = paging(query);
      // Members only on request in lists: a department may count thousands of agents.
      const withMembers = query.attributes !== undefined && wantsAttribute('members', query.attributes, query.excludedAttributes);
      const { total, resources } = await listGroups(ctx, { filter: query.filter, startIndex, count, withMembers });
      return sendScim(reply, 200, listResponse(resources.map((r) => project(r, query.attributes, query.excludedAttributes)), total, startIndex));
    },
  );

  app.get(
    '/Groups/:id',
    { schema: { operationId: 'scimGetGroup', tags, hide, summary: 'SCIM : une direction et ses agents', params: IdParams, querystring: ProjectionQuery, response: { 200: ScimResourceSchema } } },
    async (request, reply) => {
      const query = request.query as ProjectionQuery;
      const withMembers = wantsAttribute('members', query.attributes, query.excludedAttributes);
      const group = await getGroup(ctx, (request.params as { id: string }).id, withMembers);
      return sendScim(reply, 200, project(group, query.attributes, query.excludedAttributes));
    },
  );

  app.post('/Groups', { schema: { operationId: 'scimCreateGroup', tags, hide, summary: 'SCIM : refusé (501), les groupes sont les directions' } }, async (_request, reply) =>
    sendScimNotImplemented(reply, READ_ONLY),
  );
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/Groups/:id',
    schema: { operationId: 'scimChangeGroup', tags, hide, summary: 'SCIM : refusé (501), les groupes sont les directions', params: IdParams },
    handler: async (_request, reply) => sendScimNotImplemented(reply, READ_ONLY),
  });
}
