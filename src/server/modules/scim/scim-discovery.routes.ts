import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.ts';
import { sendScimNotImplemented } from './scim-errors.ts';
import { listResponse } from './scim-protocol.ts';
import { hide, IdParams, ScimListSchema, ScimResourceSchema, sendScim, tags } from './scim-routes.shared.ts';
import { scimLinks } from './scim-users.service.ts';

export async function scimDiscoveryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const links = scimLinks(ctx);
  const allSchemas = schemas(links);
  const allTypes = resourceTypes(links);

  app.get(
    '/ServiceProviderConfig',
    { schema: { operationId: 'scimServiceProviderConfig', tags, hide, summary: 'SCIM : ce que le portail prend en charge', response: { 200: ScimResourceSchema } } },
    async (_request, reply) => sendScim(reply, 200, serviceProviderConfig(links)),
  );

  app.get(
    '/ResourceTypes',
    { schema: { operationId: 'scimListResourceTypes', tags, hide, summary: 'SCIM : types de ressources (User, Group)', response: { 200: ScimListSchema } } },
    async (_request, reply) => sendScim(reply, 200, listResponse(allTypes, allTypes.length, 1)),
  );

  app.get(
    '/ResourceTypes/:id',
    { schema: { operationId: 'scimGetResourceType', tags, hide, summary: 'SCIM : un type de ressource', params: IdParams, response: { 200: ScimResourceSchema } } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const type = allTypes.find((t) => t.id.toLowerCase() === id.toLowerCase());
      if (!type) throw new AppError('not_found', `Type de ressource inconnu « ${id.slice(0, 64)} ».`);
      return sendScim(reply, 200, type);
    },
  );

  app.get(
    '/Schemas',
    { schema: { operationId: 'scimListSchemas', tags, hide, summary: 'SCIM : les schémas et leurs attributs pris en charge', response: { 200: ScimListSchema } } },
    async (_request, reply) => sendScim(reply, 200, listResponse(allSchemas, allSchemas.length, 1)),
  );

  app.get(
    '/Schemas/:id',
    { schema: { operationId: 'scimGetSchema', tags, hide, summary: 'SCIM : un schéma', params: IdParams, response: { 200: ScimResourceSchema } } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const schema = allSchemas.find((s) => s.id.toLowerCase() === id.toLowerCase());
      if (!schema) throw new AppError('not_found', `Schéma inconnu « ${id.slice(0, 120)} ».`);
      return sendScim(reply, 200, schema);
    },
  );

  app.post('/Bulk', { schema: { operationId: 'scimBulk', tags, hide, summary: 'SCIM : refusé (501), pas d’opérations groupées' } }, async (_request, reply) =>
    sendScimNotImplemented(reply, 'Les opérations groupées (Bulk) ne sont pas prises en charge : envoyez une requête par agent.'),
  );
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/Me',
    schema: { operationId: 'scimMe', tags, hide, summary: 'SCIM : refusé (501), un jeton SCIM n’est pas un agent' },
    handler: async (_request, reply) => sendScimNotImplemented(reply, '/Me n’a pas de sens ici : un jeton SCIM représente un système, pas un agent.'),
  });
}
