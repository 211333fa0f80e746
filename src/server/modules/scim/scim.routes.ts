import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { scimDiscoveryRoutes } from './scim-discovery.routes.ts';
import { scimErrorHandler, sendScimError } from './scim-errors.ts';
import { scimGroupRoutes } from './scim-groups.routes.ts';
import { SCIM_CONTENT_TYPE } from './scim-protocol.ts';
import { scimTokenRoutes } from './scim-tokens.routes.ts';
import { authenticateScimToken } from './scim-tokens.service.ts';
import { scimUserRoutes } from './scim-users.routes.ts';

/**
 * SCIM 2.0 under /scim/v2 (bearer token, no session, no CSRF: not under /api) and the administrators'
 * token API under /api/admin/scim-tokens. Register inside the /api scope, after the actor decoration.
 */
export async function scimRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await scimTokenRoutes(app, ctx);
  await app.register(
    async (scope) => {
      // Encapsulated: application/scim+json is accepted here only; /api stays application/json.
      scope.addContentTypeParser(SCIM_CONTENT_TYPE, { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
      scope.setErrorHandler(scimErrorHandler);
      scope.decorateRequest('scimClient', null);

      // Before the body is read: an unknown, revoked or missing token gets the same 401, whatever the path.
      scope.addHook('onRequest', async (request) => {
        const header = request.headers.authorization;
        const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
        const client = match ? await authenticateScimToken(ctx.db, ctx.clock, match[1]!) : undefined;
        if (!client) throw new AppError('unauthenticated', 'Jeton SCIM absent, invalide ou révoqué.');
        request.scimClient = client;
      });

      const methods = new Map<RegExp, Set<string>>();
      scope.addHook('onRoute', (route) => {
        if (route.url.includes('*')) return;
        const pattern = new RegExp(`^${route.url.replace(/:[^/]+/g, '[^/]+')}/?$`);
        const key = [...methods.keys()].find((k) => k.source === pattern.source) ?? pattern;
        const set = methods.get(key) ?? new Set<string>();
        for (const m of Array.isArray(route.method) ? route.method : [route.method]) set.add(m);
        methods.set(key, set);
      });

      await scimUserRoutes(scope, ctx);
      await scimGroupRoutes(scope, ctx);
      await scimDiscoveryRoutes(scope, ctx);

      // A route rather than a not-found handler: the web app's catch-all would otherwise answer GETs first.
      scope.route({
        method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        url: '/*',
        schema: { operationId: 'scimUnknown', tags: ['SCIM'], hide: true, summary: 'SCIM : adresse ou méthode inconnue (404, 405)' },
        handler: async (request, reply) => {
          const path = request.url.split('?')[0] ?? '';
          const allowed = [...methods].find(([pattern]) => pattern.test(path))?.[1];
          if (allowed) {
            reply.header('allow', [...allowed].sort().join(', '));
            return sendScimError(reply, 'method_not_allowed', `Méthode ${request.method} non prise en charge sur ${path}.`);
          }
          return sendScimError(reply, 'not_found', `Aucune ressource SCIM à l’adresse ${path}.`);
        },
      });
    },
    { prefix: '/scim/v2' },
  );
}
